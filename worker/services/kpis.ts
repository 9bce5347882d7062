/**
 * `GET /api/v1/kpis`: the programme's KPIs for a period, overall and per group, read from the daily
 * rollups (cost follows days × links, not clicks), the shares and the enrolled ambassadors. Ambassadors
 * appear by name only when they chose to be visible; small teams merge into "others"; and no anonymous
 * remainder of 1 to 4 people is ever shown beside named groups (API.md, KPIs: the remainder rule).
 */
import { and, between, eq, gte, inArray, isNull, lte, or, sum } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { ambassadors, campaigns, contents, dailyLinkStats, shares, type Network } from '../../db/schema';
import { addDays, dayOf } from '../lib/days';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import type { KpiQuery, KpiReport } from '../schemas/kpis';
import { periodBounds, postedOnly } from './ambassador-stats';
import { isShownByName } from './ambassador-visibility';
import { Accumulator, type TrafficSums } from './kpi-measures';
import { visitorsByAmbassadorGroup, visitorsByLinkDimension } from './kpi-visitors';
import { getOrganisationOrThrow, toOrganisationDto } from './organisations';

export const OTHERS = 'others';
/** The one group answered when any finer grouping would single out a person by subtraction. */
export const ALL = 'all';
/** Teams with fewer enrolled ambassadors than this merge into "others", so nobody is singled out. */
export const MIN_TEAM_SIZE = 5;
/** An anonymous remainder ("others") must hold at least this many people, or it is not shown at all. */
export const MIN_REMAINDER = 5;

type GroupBy = NonNullable<KpiQuery['groupBy']>;

/** Computes the KPI report of API.md for a resolved period (schemas/period.ts). */
export async function computeKpis(db: Db, organisationId: string, query: KpiQuery): Promise<KpiReport> {
  const { from, to, campaignId, groupBy } = query;
  const organisation = toOrganisationDto(await getOrganisationOrThrow(db, organisationId));
  if (campaignId) await assertCampaign(db, organisationId, campaignId);
  const [traffic, shared, enrolled] = await Promise.all([
    trafficRows(db, organisationId, from, to, campaignId, groupBy),
    sharedRows(db, organisationId, from, to, campaignId),
    enrolledIn(db, organisationId, from, to),
  ]);
  // Each visitor counts on exactly one link of the organisation (of the campaign) per day: their sum is exact.
  const scopedVisitors = (row: TrafficRow) => (campaignId ? row.campaignVisitors : row.orgVisitors);
  const total = new Accumulator(organisation.rates);
  for (const row of traffic) total.addTraffic(row.network, { ...row, uniqueVisitors: scopedVisitors(row) });
  for (const share of shared) total.addShare(share);
  const report: KpiReport = { from, to, currency: organisation.currency, totals: total.totals(enrolled.length), groups: [] };
  if (!groupBy) return report;

  const v = visibilityOf(enrolled, organisation.ambassadorVisibility === 'all');
  if (singlesOut(groupBy, v)) {
    report.groups = [{ key: ALL, label: 'All', totals: report.totals }];
    return report;
  }
  const keyOf = groupKey(groupBy, v);
  const groups = new Map<string, Accumulator>();
  const group = (key: string) => {
    const existing = groups.get(key);
    if (existing) return existing;
    const created = new Accumulator(organisation.rates);
    groups.set(key, created);
    return created;
  };
  if (groupBy === 'day') for (let day = from; day <= to; day = addDays(day, 1)) group(day);
  const rowVisitors = (row: TrafficRow) => (groupBy === 'day' ? scopedVisitors(row) : groupBy === 'campaign' ? row.campaignVisitors : 0);
  for (const row of traffic) group(keyOf(row.key)).addTraffic(row.network, { ...row, uniqueVisitors: rowVisitors(row) });
  for (const share of shared) group(keyOf(share.keys[groupBy])).addShare(share);
  const visitors = await visitorsPerGroup(db, { organisationId, from, to, campaignId }, groupBy, v);
  for (const [raw, count] of visitors ?? []) group(raw ?? OTHERS).setUniqueVisitors(count);

  const labels = await labelsFor(db, organisationId, groupBy, [...groups.keys()], enrolled);
  const enrolledCountOf = (key: string) => enrolledCount(groupBy, key, enrolled.length, v);
  report.groups = [...groups.entries()]
    .map(([key, acc]) => ({ key, label: labels.get(key) ?? (key === OTHERS ? 'Others' : key), totals: acc.totals(enrolledCountOf(key)) }))
    .sort((a, b) => (groupBy === 'day' ? a.key.localeCompare(b.key) : b.totals.clicks - a.totals.clicks || a.key.localeCompare(b.key)));
  return report;
}

/**
 * Ambassadors enrolled at some time in the period: joined by its end, and not gone before its start. Those
 * who left (erased) keep counting in the periods they were part of, so a past report does not change.
 */
function enrolledIn(db: Db, organisationId: string, from: string, to: string) {
  const { start, end } = periodBounds({ from, to });
  return db
    .select({ id: ambassadors.id, team: ambassadors.team, name: ambassadors.displayName, fullName: ambassadors.name, optIn: ambassadors.leaderboardOptIn, status: ambassadors.status })
    .from(ambassadors)
    .where(
      and(
        eq(ambassadors.organisationId, organisationId),
        inArray(ambassadors.status, ['active', 'left']),
        lte(ambassadors.joinedAt, end),
        or(isNull(ambassadors.leftAt), gte(ambassadors.leftAt, start)),
      ),
    );
}

/** Unique visitors per group where a group spans several links; null for the groupings the rollup answers. */
async function visitorsPerGroup(db: Db, scope: Parameters<typeof visitorsByLinkDimension>[1], groupBy: GroupBy, v: Visibility) {
  if (groupBy === 'content' || groupBy === 'network') return visitorsByLinkDimension(db, scope, groupBy);
  if (groupBy === 'ambassador') return visitorsByAmbassadorGroup(db, scope, new Map([...v.visible].map((id) => [id, id])), { others: true });
  if (groupBy === 'team') {
    const keyOf = groupKey('team', v);
    return visitorsByAmbassadorGroup(db, scope, new Map([...v.teamOf.keys()].map((id) => [id, keyOf(id)])), { others: true });
  }
  return null;
}

async function assertCampaign(db: Db, organisationId: string, campaignId: string) {
  const found = await db.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.organisationId, organisationId), eq(campaigns.id, campaignId))).get();
  if (!found) throw new ApiError('not_found', 'No such campaign.');
}

const sumOf = (column: AnySQLiteColumn) => sum(column).mapWith(Number);

type TrafficRow = TrafficSums & { key: string | null; network: Network | null; orgVisitors: number; campaignVisitors: number };

/** Rollup sums per network and per group dimension (one row per pair). */
async function trafficRows(db: Db, organisationId: string, from: string, to: string, campaignId: string | undefined, groupBy: GroupBy | undefined) {
  const t = dailyLinkStats;
  const dimension = { day: t.day, campaign: t.campaignId, content: t.contentId, ambassador: t.ambassadorId, team: t.ambassadorId, network: t.network }[groupBy ?? 'network'];
  const rows = await db
    .select({
      key: dimension, network: t.network, clicks: sumOf(t.clicks), uniqueVisitors: sumOf(t.uniqueVisitors), previews: sumOf(t.previews), scanners: sumOf(t.scanners),
      automated: sumOf(t.automated), self: sumOf(t.self), optouts: sumOf(t.optouts), conversions: sumOf(t.conversions), conversionValue: sumOf(t.conversionValue),
      orgVisitors: sumOf(t.orgVisitors), campaignVisitors: sumOf(t.campaignVisitors),
    })
    .from(t)
    .where(and(eq(t.organisationId, organisationId), between(t.day, from, to), campaignId ? eq(t.campaignId, campaignId) : undefined))
    .groupBy(dimension, t.network);
  return rows.map((r): TrafficRow => r);
}

/** The query of the shares confirmed published in the period (by `postedAt`, through `shares_org_posted`), with their ambassador's audience. */
export function sharedRowsQuery(db: Db, organisationId: string, from: string, to: string, campaignId: string | undefined) {
  const { start, end } = periodBounds({ from, to });
  return db
    .select({ share: shares, audience: ambassadors.audience })
    .from(shares)
    .leftJoin(ambassadors, eq(ambassadors.id, shares.ambassadorId))
    .where(and(eq(shares.organisationId, organisationId), between(shares.postedAt, start, end), campaignId ? eq(shares.campaignId, campaignId) : undefined));
}

/** Shares confirmed published in the period, with what KPIs need from their ambassador; a share's day is its `postedAt` day. */
async function sharedRows(db: Db, organisationId: string, from: string, to: string, campaignId: string | undefined) {
  const rows = await sharedRowsQuery(db, organisationId, from, to, campaignId);
  return postedOnly(rows.map(({ share, audience }) => ({ ...share, audience }))).map(({ audience, ...s }) => ({
    network: s.network,
    sharer: s.ambassadorId ?? s.anonymousSharer,
    impressions: s.metricsReportedAt ? (s.impressions ?? 0) : null,
    engagements: s.metricsReportedAt ? (s.reactions ?? 0) + (s.comments ?? 0) + (s.reshares ?? 0) : null,
    audience: s.erasedAudience ?? audience?.[s.network] ?? 0,
    keys: { day: dayOf(s.postedAt), campaign: s.campaignId, content: s.contentId, ambassador: s.ambassadorId, team: s.ambassadorId, network: s.network } satisfies Record<GroupBy, string | null>,
  }));
}

interface Visibility {
  visible: Set<string>;
  teamOf: Map<string, string | null>;
  teamSizes: Map<string, number>;
  /** Enrolled ambassadors not shown by name. */
  hidden: number;
  /** Enrolled ambassadors whose team is under MIN_TEAM_SIZE, or who have none. */
  teamless: number;
}

function visibilityOf(enrolled: ReadonlyArray<{ id: string; team: string | null; optIn: boolean; status: string }>, showAll: boolean): Visibility {
  const visible = new Set(enrolled.filter((a) => isShownByName(a, showAll)).map((a) => a.id));
  const teamSizes = countBy(enrolled.flatMap((a) => (a.team ? [a.team] : [])));
  const named = (team: string | null) => isNamedTeam(team, teamSizes);
  return {
    visible,
    teamOf: new Map(enrolled.map((a) => [a.id, a.team])),
    teamSizes,
    hidden: enrolled.length - visible.size,
    teamless: enrolled.filter((a) => !named(a.team)).length,
  };
}

/** A team shown under its own name: at least MIN_TEAM_SIZE people, and not named like a reserved group key. */
function isNamedTeam(team: string | null | undefined, sizes: ReadonlyMap<string, number>): team is string {
  return !!team && team !== OTHERS && team !== ALL && (sizes.get(team) ?? 0) >= MIN_TEAM_SIZE;
}

/** The remainder rule: an "others" group of 1 to 4 people, beside named groups, would single them out by subtraction. */
function singlesOut(groupBy: GroupBy, v: Visibility): boolean {
  const remainder = groupBy === 'ambassador' ? v.hidden : groupBy === 'team' ? v.teamless : 0;
  return remainder > 0 && remainder < MIN_REMAINDER;
}

/** Maps a raw dimension value to its group key, applying the "not a surveillance tool" rules. */
function groupKey(groupBy: GroupBy, v: Visibility): (raw: string | null) => string {
  if (groupBy === 'ambassador') return (id) => (id && v.visible.has(id) ? id : OTHERS);
  if (groupBy === 'team') {
    return (id) => {
      const team = id ? v.teamOf.get(id) : undefined;
      return team && isNamedTeam(team, v.teamSizes) ? team : OTHERS;
    };
  }
  return (raw) => raw ?? OTHERS;
}

function enrolledCount(groupBy: GroupBy, key: string, all: number, v: Visibility): number {
  if (groupBy === 'ambassador') return key === OTHERS ? v.hidden : 1;
  if (groupBy === 'team') return key === OTHERS ? v.teamless : (v.teamSizes.get(key) ?? 0);
  return all;
}

async function labelsFor(db: Db, organisationId: string, groupBy: GroupBy, keys: string[], enrolled: Array<{ id: string; name: string | null; fullName: string | null }>): Promise<Map<string, string>> {
  if (groupBy === 'campaign') return new Map((await db.select({ id: campaigns.id, name: campaigns.name }).from(campaigns).where(eq(campaigns.organisationId, organisationId))).filter((c) => keys.includes(c.id)).map((c) => [c.id, c.name]));
  if (groupBy === 'content') return new Map((await db.select({ id: contents.id, title: contents.title }).from(contents).where(eq(contents.organisationId, organisationId))).filter((c) => keys.includes(c.id)).map((c) => [c.id, c.title]));
  if (groupBy === 'ambassador') return new Map(enrolled.map((a) => [a.id, a.name ?? a.fullName ?? a.id]));
  return new Map();
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
