/**
 * The one period policy of every endpoint that takes `?from=&to=` (KPIs, the CSV export, the leaderboard,
 * the ambassador's stats): defaults applied first (`to` = today, `from` = 29 days before `to`), then the
 * resolved period checked — real calendar days, `from` ≤ `to`, at most 731 days — so a period's cost is bounded
 * before any work starts. Every schema with a period spreads `PeriodEntries` into its object, then pipes it
 * through `withPeriodDefaults`, `isOrderedPeriod` and `isBoundedPeriod`, in that order, as `PeriodQuerySchema` does.
 */
import * as v from 'valibot';
import { addDays, dayOf, daysFromTo, isCalendarDay } from '../lib/days';

/** The longest period, in days counted inclusively (two years and a day: a leap year fits). */
export const MAX_PERIOD_DAYS = 731;
/** The default period, in days counted inclusively, ending today. */
export const DEFAULT_PERIOD_DAYS = 30;

/** A resolved period: both ends present and checked. */
export type Period = {
  from: string;
  to: string;
};

/** A real calendar day `YYYY-MM-DD`, its messages naming `field`. */
export const DaySchema = (field: string) =>
  v.pipe(
    v.string(`${field} must be a day, YYYY-MM-DD`),
    v.regex(/^\d{4}-\d{2}-\d{2}$/, `${field} must be a day, YYYY-MM-DD`),
    v.check(isCalendarDay, `${field} must be a real calendar day`),
  );

/** Fills in the defaults of a period: `to` = the UTC day of `now`, `from` = 29 days before `to`. */
export function withPeriodDefaults<Q extends { from?: string | undefined; to?: string | undefined }>(query: Q, now = Date.now()): Omit<Q, 'from' | 'to'> & Period {
  const to = query.to ?? dayOf(now);
  return { ...query, to, from: query.from ?? addDays(to, 1 - DEFAULT_PERIOD_DAYS) };
}

/** `from` and `to` as a query carries them: optional, each a real calendar day. */
export const PeriodEntries = {
  from: v.optional(v.pipe(DaySchema('from'), v.description('first day (UTC) of the period, YYYY-MM-DD; default 29 days before `to`'))),
  to: v.optional(v.pipe(DaySchema('to'), v.description('last day (UTC) of the period, YYYY-MM-DD, at most 731 days after `from`; default today'))),
};

/** Whether a resolved period runs forwards (`from` ≤ `to`). */
export const isOrderedPeriod = (p: Period): boolean => p.from <= p.to;
export const UNORDERED_PERIOD = 'to must not be before from';

/** Whether a resolved period is at most MAX_PERIOD_DAYS days long. */
export const isBoundedPeriod = (p: Period): boolean => daysFromTo(p.from, p.to) <= MAX_PERIOD_DAYS;
export const UNBOUNDED_PERIOD = `the period is at most ${MAX_PERIOD_DAYS} days`;

/** `?from=&to=` alone (the leaderboard, the ambassador's stats), resolved and checked. */
export const PeriodQuerySchema = v.pipe(
  v.object(PeriodEntries),
  v.transform((query) => withPeriodDefaults(query)),
  v.forward(v.check((p) => isOrderedPeriod(p), UNORDERED_PERIOD), ['to']),
  v.forward(v.check((p) => isBoundedPeriod(p), UNBOUNDED_PERIOD), ['to']),
);
export type PeriodQuery = v.InferOutput<typeof PeriodQuerySchema>;
