/** UTC calendar helpers: days are `YYYY-MM-DD` strings everywhere in Relais. */

const DAY_MS = 86_400_000;

/** The UTC day of an epoch-ms instant. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The day `n` days after `day` (negative goes back). */
export function addDays(day: string, n: number): string {
  return dayOf(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS);
}
