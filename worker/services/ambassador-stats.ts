/**
 * An ambassador's own results. Clicks, visitors and conversions come from the daily rollup only;
 * impressions and engagement from what they reported; reach is impressions, or audience × the
 * network's organic reach rate for a post without a report (`reachEstimated`).
 *
 * Only posts the ambassador confirmed they published count, on the day they confirmed it. Several posts may
 * use the same link, so a link's day is credited to the latest post on that link posted on or before that
 * day (days before the first post go to the first post): every click counts once.
 */
import { and, between, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import { contents, dailyLinkStats, shares, type Network } from '../../db/schema';
import { addDays, dayOf } from '../lib/days';
import type { Db } from '../lib/db';
import { iso } from '../lib/time';
import type { MyStats } from '../schemas/me';
import type { Period } from '../schemas/period';
import type { ShareStats } from '../schemas/shares';
import { visitorsByAmbassadorGroup } from './kpi-visitors';
import { getAmbassadorRowOrThrow } from './me';
import { getOrganisationOrThrow, toOrganisationDto } from './organisations';

const DAY_MS = 86_400_000;

/** Epoch-ms bounds of a period, for columns that hold times rather than days. */
export function periodBounds(period: Period): { start: number; end: number } {
  return { start: Date.parse(`${period.from}T00:00:00.000Z`), end: Date.parse(`${period.to}T00:00:00.000Z`) + DAY_MS - 1 };
}

export interface RollupRow {
  linkId: string;
  day: string;
  clicks: number;
  uniqueVisitors: number;
  conversions: number;
  conversionValue: number;
}

/** The rollup rows matching `where`. */
export function rollupRows(db: Db, where: SQL | undefined): Promise<RollupRow[]> {
  const { linkId, day, clicks, uniqueVisitors, conversions, conversionValue } = dailyLinkStats;
  return db.select({ linkId, day, clicks, uniqueVisitors, conversions, conversionValue }).from(dailyLinkStats).where(where);
}

/** D1 binds at most 100 parameters per statement, so `in (…)` lists are split. */
export const MAX_IN_LIST = 90;

/** Runs `query` over `ids` in chunks of `MAX_IN_LIST` and joins the results. */
export async function inChunks<T>(ids: readonly string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const chunks = [];
  for (let i = 0; i < ids.length; i += MAX_IN_LIST) chunks.push(ids.slice(i, i + MAX_IN_LIST));
  return (await Promise.all(chunks.map(query))).flat();
}

/** The rollup rows of the ambassador's links, within a period or for some links. */
export function ownRollupRows(db: Db, organisationId: string, ambassadorId: string, scope: { period: Period } | { linkIds: readonly string[] }): Promise<RollupRow[]> {
  const mine = and(eq(dailyLinkStats.organisationId, organisationId), eq(dailyLinkStats.ambassadorId, ambassadorId));
  if ('period' in scope) return rollupRows(db, and(mine, between(dailyLinkStats.day, scope.period.from, scope.period.to)));
  return inChunks(scope.linkIds, (chunk) => rollupRows(db, and(mine, inArray(dailyLinkStats.linkId, chunk))));
}

export type Counts = Pick<RollupRow, 'clicks' | 'uniqueVisitors' | 'conversions' | 'conversionValue'>;
export const zeroCounts = (): Counts => ({ clicks: 0, uniqueVisitors: 0, conversions: 0, conversionValue: 0 });

export function addCounts(total: Counts, row: Counts): void {
  total.clicks += row.clicks;
  total.uniqueVisitors += row.uniqueVisitors;
  total.conversions += row.conversions;
  total.conversionValue += row.conversionValue;
}

/** Credits each rollup row to one post of its link (see the module comment); rows of links without a post are left out. */
export function creditToShares(posts: readonly { id: string; linkId: string; postedAt: number }[], rows: readonly RollupRow[]): Map<string, Counts> {
  const byLink = new Map<string, { id: string; day: string }[]>();
  for (const post of [...posts].sort((a, b) => a.postedAt - b.postedAt)) {
    byLink.set(post.linkId, [...(byLink.get(post.linkId) ?? []), { id: post.id, day: dayOf(post.postedAt) }]);
  }
  const credited = new Map<string, Counts>();
  for (const row of rows) {
    const onLink = byLink.get(row.linkId);
    if (!onLink?.[0]) continue;
    const post = onLink.findLast((candidate) => candidate.day <= row.day) ?? onLink[0];
    const counts = credited.get(post.id) ?? zeroCounts();
    addCounts(counts, row);
    credited.set(post.id, counts);
  }
  return credited;
}

export interface ReportedPost {
  network: Network;
  impressions: number | null;
  reactions: number | null;
  comments: number | null;
  reshares: number | null;
  /** Null until the ambassador reported: only then is reach estimated from the audience. */
  metricsReportedAt: number | null;
  /** Null until the ambassador confirmed they published it: an unpublished post reaches nobody. */
  postedAt: number | null;
}

type ReachRates = Record<Network, { organicReach: number }>;

/** Each network's rates: the organisation's settings over the defaults. */
export function networkRates(organisation: Parameters<typeof toOrganisationDto>[0]): ReachRates {
  return toOrganisationDto(organisation).rates;
}

/** A post's reach estimate, unrounded: audience × organic reach for a published post without a report, else 0 (as the KPIs count it). */
export function estimatedReachOf(post: ReportedPost, audience: Partial<Record<Network, number>> | null, reachRates: ReachRates): number {
  return post.postedAt !== null && post.metricsReportedAt === null ? (audience?.[post.network] ?? 0) * reachRates[post.network].organicReach : 0;
}

/** One post's figures: its credited counts plus reach and engagement from what was reported. */
export function shareStatsOf(post: ReportedPost, counts: Counts, audience: Partial<Record<Network, number>> | null, reachRates: ReachRates): ShareStats {
  const reachEstimated = Math.round(estimatedReachOf(post, audience, reachRates));
  const impressions = post.impressions ?? 0;
  return {
    ...counts,
    impressions,
    reach: impressions + reachEstimated,
    reachEstimated,
    engagements: (post.reactions ?? 0) + (post.comments ?? 0) + (post.reshares ?? 0),
  };
}

/** `part / whole`, 0 when `whole` is 0 (API.md: rates are never NaN). */
export function rate(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0;
}

/** Every post the ambassador confirmed they published, with what its figures need. */
export async function ownPosts(db: Db, organisationId: string, ambassadorId: string) {
  const rows = await db
    .select({
      id: shares.id,
      linkId: shares.linkId,
      contentId: shares.contentId,
      contentTitle: contents.title,
      network: shares.network,
      impressions: shares.impressions,
      reactions: shares.reactions,
      comments: shares.comments,
      reshares: shares.reshares,
      metricsReportedAt: shares.metricsReportedAt,
      postedAt: shares.postedAt,
      createdAt: shares.createdAt,
    })
    .from(shares)
    .innerJoin(contents, eq(contents.id, shares.contentId))
    .where(and(eq(shares.organisationId, organisationId), eq(shares.ambassadorId, ambassadorId), isNotNull(shares.postedAt)));
  return postedOnly(rows);
}

/** The posts among `rows` that were confirmed published, typed so (the queries already filter them; this narrows the type). */
export function postedOnly<T extends { postedAt: number | null }>(rows: readonly T[]): Array<Omit<T, 'postedAt'> & { postedAt: number }> {
  return rows.flatMap(({ postedAt, ...row }) => (postedAt === null ? [] : [{ ...row, postedAt }]));
}

const sum = <T>(items: readonly T[], value: (item: T) => number) => items.reduce((total, item) => total + value(item), 0);

/**
 * The ambassador's results over a period: totals, one row per day, and per post. Reach and engagement
 * count the posts published in the period (reported numbers are each post's lifetime totals).
 */
export async function getMyStats(db: Db, organisationId: string, ambassadorId: string, period: Period): Promise<MyStats> {
  const { start, end } = periodBounds(period);
  const [organisation, ambassador, posts, rows, visitors] = await Promise.all([
    getOrganisationOrThrow(db, organisationId),
    getAmbassadorRowOrThrow(db, organisationId, ambassadorId),
    ownPosts(db, organisationId, ambassadorId),
    ownRollupRows(db, organisationId, ambassadorId, { period }),
    visitorsByAmbassadorGroup(db, { organisationId, ...period }, new Map([[ambassadorId, ambassadorId]]), { others: false }),
  ]);
  const reachRates = networkRates(organisation);
  const credited = creditToShares(posts, rows);
  const madeInPeriod = posts.filter((post) => post.postedAt >= start && post.postedAt <= end);
  const reported = madeInPeriod.map((post) => shareStatsOf(post, zeroCounts(), ambassador.audience, reachRates));
  const counts = zeroCounts();
  for (const row of rows) addCounts(counts, row);
  // Per person, as the KPIs count them: a visitor on two of their links on one day is one visitor.
  counts.uniqueVisitors = visitors.get(ambassadorId) ?? 0;
  const impressions = sum(reported, (s) => s.impressions);
  // Rounded once over the period, as the KPIs do, so this equals the ambassador's slice of the KPIs.
  const reachEstimated = Math.round(sum(madeInPeriod, (post) => estimatedReachOf(post, ambassador.audience, reachRates)));
  const engagements = sum(reported, (s) => s.engagements);
  return {
    ...period,
    currency: organisation.currency,
    totals: {
      ...counts,
      conversionValue: cents(counts.conversionValue),
      shares: madeInPeriod.length,
      impressions,
      reach: impressions + reachEstimated,
      reachEstimated,
      engagements,
      engagementRate: rate(engagements, impressions),
      conversionRate: rate(counts.conversions, counts.uniqueVisitors),
    },
    byDay: byDay(period, rows, madeInPeriod),
    byShare: posts
      .filter((post) => (post.postedAt >= start && post.postedAt <= end) || credited.has(post.id))
      .sort((a, b) => b.postedAt - a.postedAt)
      .map((post) => {
        const stats = shareStatsOf(post, credited.get(post.id) ?? zeroCounts(), ambassador.audience, reachRates);
        return { shareId: post.id, contentId: post.contentId, contentTitle: post.contentTitle, network: post.network, createdAt: iso(post.createdAt), ...stats, conversionValue: cents(stats.conversionValue) };
      }),
  };
}

const cents = (value: number) => Math.round(value * 100) / 100;

/** One row per day of the period, zeros included, so a chart needs no gap filling. */
function byDay(period: Period, rows: readonly RollupRow[], posts: readonly { postedAt: number }[]): MyStats['byDay'] {
  const days = new Map<string, MyStats['byDay'][number]>();
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) days.set(day, { day, shares: 0, clicks: 0, uniqueVisitors: 0, conversions: 0 });
  for (const row of rows) {
    const entry = days.get(row.day);
    if (!entry) continue;
    entry.clicks += row.clicks;
    entry.uniqueVisitors += row.uniqueVisitors;
    entry.conversions += row.conversions;
  }
  for (const post of posts) {
    const entry = days.get(dayOf(post.postedAt));
    if (entry) entry.shares++;
  }
  return [...days.values()];
}
