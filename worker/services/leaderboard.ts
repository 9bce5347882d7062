/**
 * The leaderboard: only ambassadors who opted in, ranked by what their posts achieved — conversions,
 * then unique visitors, then engagements — and never by how many posts they made (not a surveillance
 * tool: API.md, KPIs). Admins read it; an ambassador reads it only after opting in themselves. When 1 to 4
 * active ambassadors stay off it, it gives names and ranks without figures (the remainder rule).
 */
import { and, between, count, eq, sql, sum } from 'drizzle-orm';
import { ambassadors, dailyLinkStats, shares } from '../../db/schema';
import type { Caller } from '../lib/caller';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { publicName } from '../lib/public-name';
import type { Leaderboard } from '../schemas/me';
import type { Period } from '../schemas/period';
import { periodBounds } from './ambassador-stats';
import { visitorsByAmbassadorGroup } from './kpi-visitors';
import { MIN_REMAINDER } from './kpis';

type Figures = { conversions: number; uniqueVisitors: number; engagements: number };
type Entry = { ambassadorId: string; displayName: string; me: boolean } & Figures;

/** Refuses an ambassador who has not opted in: seeing others' results is for those who show their own. */
async function assertMayRead(db: Db, caller: Caller): Promise<void> {
  if (caller.kind !== 'ambassador') return;
  const self = await db
    .select({ optIn: ambassadors.leaderboardOptIn })
    .from(ambassadors)
    .where(and(eq(ambassadors.organisationId, caller.organisationId), eq(ambassadors.id, caller.ambassadorId)))
    .get();
  if (!self?.optIn) throw new ApiError('forbidden', 'Join the leaderboard first (PATCH /api/v1/me {"leaderboardOptIn": true}) to see it.');
}

/** Orders by results and numbers the ranks; equal results share a rank (1, 2, 2, 4). */
export function rankByResults(entries: Entry[]): Array<Entry & { rank: number }> {
  const sorted = [...entries].sort(
    (a, b) => b.conversions - a.conversions || b.uniqueVisitors - a.uniqueVisitors || b.engagements - a.engagements || a.displayName.localeCompare(b.displayName),
  );
  const same = (a: Entry, b: Entry) => a.conversions === b.conversions && a.uniqueVisitors === b.uniqueVisitors && a.engagements === b.engagements;
  let previous: Entry | undefined;
  let rank = 0;
  return sorted.map((entry, i) => {
    if (!previous || !same(entry, previous)) rank = i + 1;
    previous = entry;
    return { rank, ...entry };
  });
}

/** The opted-in, active ambassadors of the caller's organisation with their results over the period. */
export async function getLeaderboard(db: Db, caller: Caller, period: Period): Promise<Leaderboard> {
  await assertMayRead(db, caller);
  const { start, end } = periodBounds(period);
  const { organisationId } = caller;
  const visible = and(eq(ambassadors.organisationId, organisationId), eq(ambassadors.leaderboardOptIn, true), eq(ambassadors.status, 'active'));
  // Joins rather than `in (…ids)`: D1 binds at most 100 parameters per statement.
  const [people, results, engagement, offBoard] = await Promise.all([
    db.select({ id: ambassadors.id, name: ambassadors.name, displayName: ambassadors.displayName }).from(ambassadors).where(visible),
    db
      .select({ id: ambassadors.id, conversions: sum(dailyLinkStats.conversions).mapWith(Number) })
      .from(dailyLinkStats)
      .innerJoin(ambassadors, eq(ambassadors.id, dailyLinkStats.ambassadorId))
      .where(and(visible, eq(dailyLinkStats.organisationId, organisationId), between(dailyLinkStats.day, period.from, period.to)))
      .groupBy(ambassadors.id),
    db
      .select({ id: ambassadors.id, engagements: sql<number>`sum(coalesce(${shares.reactions}, 0) + coalesce(${shares.comments}, 0) + coalesce(${shares.reshares}, 0))`.mapWith(Number) })
      .from(shares)
      .innerJoin(ambassadors, eq(ambassadors.id, shares.ambassadorId))
      .where(and(visible, eq(shares.organisationId, organisationId), between(shares.postedAt, start, end)))
      .groupBy(ambassadors.id),
    db
      .select({ n: count() })
      .from(ambassadors)
      .where(and(eq(ambassadors.organisationId, organisationId), eq(ambassadors.status, 'active'), eq(ambassadors.leaderboardOptIn, false)))
      .get(),
  ]);
  // A visitor who reached two of a person's links on one day is one of their visitors.
  const visitors = await visitorsByAmbassadorGroup(db, { organisationId, ...period }, new Map(people.map((a) => [a.id, a.id])), { others: false });
  const resultsOf = new Map(results.map((r) => [r.id, r]));
  const engagementOf = new Map(engagement.map((e) => [e.id, e.engagements]));
  const me = caller.kind === 'ambassador' ? caller.ambassadorId : null;
  const entries = people.map((a) => ({
    ambassadorId: a.id,
    displayName: publicName(a.displayName, a.name),
    conversions: resultsOf.get(a.id)?.conversions ?? 0,
    uniqueVisitors: visitors.get(a.id) ?? 0,
    engagements: engagementOf.get(a.id) ?? 0,
    me: a.id === me,
  }));
  const hidden = offBoard?.n ?? 0;
  const ranked = rankByResults(entries);
  if (hidden === 0 || hidden >= MIN_REMAINDER) return { ...period, items: ranked };
  return { ...period, items: ranked.map(({ rank, ambassadorId, displayName, me: mine }) => ({ rank, ambassadorId, displayName, conversions: null, uniqueVisitors: null, engagements: null, me: mine })) };
}
