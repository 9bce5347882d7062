/**
 * `GET /api/v1/kpis`: the programme's KPIs for a period, overall and per group, read from the daily
 * rollups (cost follows days × links, not clicks), the shares and the enrolled ambassadors. Ambassadors
 * appear by name only when they chose to be visible; small teams merge into "others".
 */
import { and, between, eq, gte, lte, sum } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { ambassadors, campaigns, contents, dailyLinkStats, shares, type Network } from '../../db/schema';
import { addDays, dayOf } from '../lib/days';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import type { KpiQuery, KpiReport } from '../schemas/kpis';
import { Accumulator, type TrafficSums } from './kpi-measures';
import { getOrganisationOrThrow, toOrganisationDto } from './organisations';

export const OTHERS = 'others';
/** Teams with fewer enrolled ambassadors than this merge into "others", so nobody is singled out. */
export const MIN_TEAM_SIZE = 5;
const DAY_MS = 86_400_000;

type GroupBy = NonNullable<KpiQuery['groupBy']>;

/** Computes the KPI report of API.md. */
export async function computeKpis(db: Db, organisationId: string, query: KpiQuery, now = Date.now()): Promise<KpiReport> {
  const to = query.to ?? dayOf(now);
  const from = query.from ?? addDays(to, -29);
  const organisation = toOrganisationDto(await getOrganisationOrThrow(db, organisationId));
  if (query.campaignId) await assertCampaign(db, organisationId, query.campaignId);
  const [traffic, shared, enrolled] = await Promise.all([
    trafficRows(db, organisationId, from, to, query.campaignId, query.groupBy),
    sharedRows(db, organisationId, from, to, query.campaignId),
    db.select({ id: ambassadors.id, team: ambassadors.team, name: ambassadors.displayName, fullName: ambassadors.name, optIn: ambassadors.leaderboardOptIn }).from(ambassadors)
      .where(and(eq(ambassadors.organisationId, organisationId), eq(ambassadors.status, 'active'), lte(ambassadors.joinedAt, Date.parse(`${to}T00:00:00Z`) + DAY_MS))),
  ]);
  const total = new Accumulator(organisation.rates);
  for (const row of traffic) total.addTraffic(row.network, row);
  for (const share of shared) total.addShare(share);
  const report: KpiReport = { from, to, currency: organisation.currency, totals: total.totals(enrolled.length), groups: [] };
  const groupBy = query.groupBy;
  if (!groupBy) return report;

  const visible = new Set(enrolled.filter((a) => organisation.ambassadorVisibility === 'all' || a.optIn).map((a) => a.id));
  const teamOf = new Map(enrolled.map((a) => [a.id, a.team]));
  const teamSizes = countBy(enrolled.map((a) => a.team ?? OTHERS));
  const keyOf = groupKey(groupBy, { visible, teamOf, teamSizes });
  const groups = new Map<string, Accumulator>();
  const group = (key: string) => {
    const existing = groups.get(key);
    if (existing) return existing;
    const created = new Accumulator(organisation.rates);
    groups.set(key, created);
    return created;
  };
  if (groupBy === 'day') for (let day = from; day <= to; day = addDays(day, 1)) group(day);
  for (const row of traffic) group(keyOf(row.key)).addTraffic(row.network, row);
  for (const share of shared) group(keyOf(share.keys[groupBy])).addShare(share);

  const labels = await labelsFor(db, organisationId, groupBy, [...groups.keys()], enrolled);
  const enrolledIn = (key: string) => enrolledCount(groupBy, key, enrolled.length, { visible, teamOf, teamSizes });
  report.groups = [...groups.entries()]
    .map(([key, acc]) => ({ key, label: labels.get(key) ?? (key === OTHERS ? 'Others' : key), totals: acc.totals(enrolledIn(key)) }))
    .sort((a, b) => (groupBy === 'day' ? a.key.localeCompare(b.key) : b.totals.clicks - a.totals.clicks || a.key.localeCompare(b.key)));
  return report;
}

async function assertCampaign(db: Db, organisationId: string, campaignId: string) {
  const found = await db.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.organisationId, organisationId), eq(campaigns.id, campaignId))).get();
  if (!found) throw new ApiError('not_found', 'No such campaign.');
}

const sumOf = (column: AnySQLiteColumn) => sum(column).mapWith(Number);

/** Rollup sums per network and per group dimension (one row per pair). */
async function trafficRows(db: Db, organisationId: string, from: string, to: string, campaignId: string | undefined, groupBy: GroupBy | undefined) {
  const t = dailyLinkStats;
  const dimension = { day: t.day, campaign: t.campaignId, content: t.contentId, ambassador: t.ambassadorId, team: t.ambassadorId, network: t.network }[groupBy ?? 'network'];
  const rows = await db
    .select({
      key: dimension, network: t.network, clicks: sumOf(t.clicks), uniqueVisitors: sumOf(t.uniqueVisitors), previews: sumOf(t.previews), scanners: sumOf(t.scanners),
      automated: sumOf(t.automated), self: sumOf(t.self), optouts: sumOf(t.optouts), conversions: sumOf(t.conversions), conversionValue: sumOf(t.conversionValue),
    })
    .from(t)
    .where(and(eq(t.organisationId, organisationId), between(t.day, from, to), campaignId ? eq(t.campaignId, campaignId) : undefined))
    .groupBy(dimension, t.network);
  return rows.map((r): TrafficSums & { key: string | null; network: Network | null } => r);
}

/** Shares posted in the period, with what KPIs need from their ambassador. */
async function sharedRows(db: Db, organisationId: string, from: string, to: string, campaignId: string | undefined) {
  const rows = await db
    .select({ share: shares, audience: ambassadors.audience })
    .from(shares)
    .leftJoin(ambassadors, eq(ambassadors.id, shares.ambassadorId))
    .where(and(eq(shares.organisationId, organisationId), gte(shares.createdAt, Date.parse(`${from}T00:00:00Z`)), lte(shares.createdAt, Date.parse(`${to}T00:00:00Z`) + DAY_MS - 1), campaignId ? eq(shares.campaignId, campaignId) : undefined));
  return rows.map(({ share: s, audience }) => ({
    network: s.network,
    ambassadorId: s.ambassadorId,
    impressions: s.metricsReportedAt ? (s.impressions ?? 0) : null,
    engagements: s.metricsReportedAt ? (s.reactions ?? 0) + (s.comments ?? 0) + (s.reshares ?? 0) : null,
    audience: audience?.[s.network] ?? 0,
    keys: { day: dayOf(s.createdAt), campaign: s.campaignId, content: s.contentId, ambassador: s.ambassadorId, team: s.ambassadorId, network: s.network } satisfies Record<GroupBy, string | null>,
  }));
}

interface Visibility {
  visible: Set<string>;
  teamOf: Map<string, string | null>;
  teamSizes: Map<string, number>;
}

/** Maps a raw dimension value to its group key, applying the "not a surveillance tool" rules. */
function groupKey(groupBy: GroupBy, v: Visibility): (raw: string | null) => string {
  if (groupBy === 'ambassador') return (id) => (id && v.visible.has(id) ? id : OTHERS);
  if (groupBy === 'team') {
    return (id) => {
      const team = id ? v.teamOf.get(id) : undefined;
      return team && (v.teamSizes.get(team) ?? 0) >= MIN_TEAM_SIZE ? team : OTHERS;
    };
  }
  return (raw) => raw ?? OTHERS;
}

function enrolledCount(groupBy: GroupBy, key: string, all: number, v: Visibility): number {
  if (groupBy === 'ambassador') return key === OTHERS ? all - v.visible.size : 1;
  if (groupBy === 'team') {
    const named = [...v.teamSizes].filter(([team, n]) => team !== OTHERS && n >= MIN_TEAM_SIZE);
    return key === OTHERS ? all - named.reduce((s, [, n]) => s + n, 0) : (v.teamSizes.get(key) ?? 0);
  }
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
