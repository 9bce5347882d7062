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

/** Whether a `YYYY-MM-DD` string names a day that exists (2026-02-31 does not). */
export function isCalendarDay(day: string): boolean {
  const ms = Date.parse(`${day}T00:00:00.000Z`);
  return !Number.isNaN(ms) && dayOf(ms) === day;
}

/** How many days `from`..`to` spans, both counted (1 when they are equal). */
export function daysFromTo(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS) + 1;
}
