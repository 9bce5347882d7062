/**
 * The dashboard's periods: the last 7, 30 or 90 days, the current quarter, or a custom range, all
 * in UTC days (`YYYY-MM-DD`) like the API. The previous period has the same length and ends the day before.
 */
export const PRESETS = ['7', '30', '90', 'quarter', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

export interface Period {
  from: string;
  to: string;
}

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** A valid `YYYY-MM-DD` day. */
export const isDay = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(ms(value));

/** The period of a preset, ending today (UTC). Custom periods come from the form instead. */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, now = Date.now()): Period {
  const today = day(now);
  if (preset === 'quarter') {
    const d = new Date(now);
    const start = Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1);
    return { from: day(start), to: today };
  }
  return { from: day(ms(today) - (Number(preset) - 1) * DAY), to: today };
}

/** Number of days in a period, both ends included. */
export const lengthInDays = (p: Period): number => Math.round((ms(p.to) - ms(p.from)) / DAY) + 1;

/** The period of equal length just before `p`. */
export function previousPeriod(p: Period): Period {
  const length = lengthInDays(p);
  const to = ms(p.from) - DAY;
  return { from: day(to - (length - 1) * DAY), to: day(to) };
}

/** Every day of a period, in order (the chart shows days without activity as 0). */
export function daysOf(p: Period): string[] {
  const out: string[] = [];
  for (let t = ms(p.from); t <= ms(p.to); t += DAY) out.push(day(t));
  return out;
}

/**
 * The change from `previous` to `current`: a relative change for counts and amounts, a difference in
 * points for rates; null when there is nothing to compare with (previous is 0).
 */
export function change(current: number, previous: number, isRate: boolean): number | null {
  if (isRate) return current - previous;
  if (previous === 0) return null;
  return (current - previous) / previous;
}
