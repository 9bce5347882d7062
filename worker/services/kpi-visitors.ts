/**
 * Unique visitors per group, for the groupings a link's rollup row cannot answer alone: a visitor who reached
 * two links of a group on one day is one visitor of that group (API.md, KPIs). Counted from `daily_visitors`
 * (one row per organisation × day × visitor × link): distinct visitor hashes per group and day, added up.
 */
import { and, between, eq, sql } from 'drizzle-orm';
import { contents, dailyVisitors, links } from '../../db/schema';
import type { Db } from '../lib/db';

export interface VisitorScope {
  organisationId: string;
  from: string;
  to: string;
  campaignId?: string | undefined;
}

/** Which group each ambassador's visitors go to; ambassadors left out (and links without one) go to `null`. */
export type GroupOfAmbassador = ReadonlyMap<string, string>;

// Per group and day (hashes are daily), then added up per group: no string built per row.
const distinctPerDay = sql<number>`count(distinct ${dailyVisitors.visitorHash})`.mapWith(Number);

function sumPerGroup(rows: ReadonlyArray<{ key: string | null; visitors: number }>): Map<string | null, number> {
  const totals = new Map<string | null, number>();
  for (const row of rows) totals.set(row.key, (totals.get(row.key) ?? 0) + row.visitors);
  return totals;
}

function inScope(scope: VisitorScope) {
  return and(eq(dailyVisitors.organisationId, scope.organisationId), between(dailyVisitors.day, scope.from, scope.to), scope.campaignId ? eq(contents.campaignId, scope.campaignId) : undefined);
}

/** Distinct visitors per content or per network of the links they reached. */
export async function visitorsByLinkDimension(db: Db, scope: VisitorScope, dimension: 'content' | 'network'): Promise<Map<string | null, number>> {
  const key = dimension === 'content' ? links.contentId : links.network;
  const rows = await db
    .select({ key, visitors: distinctPerDay })
    .from(dailyVisitors)
    .innerJoin(links, eq(links.id, dailyVisitors.linkId))
    .innerJoin(contents, eq(contents.id, links.contentId))
    .where(inScope(scope))
    .groupBy(key, dailyVisitors.day);
  return sumPerGroup(rows);
}

/**
 * Distinct visitors per group of ambassadors (one person, a team, and with `others` everyone left out, as `null`).
 * The grouping travels as one JSON parameter, however many ambassadors there are (D1 binds at most 100
 * parameters); without `others`, only the listed ambassadors' links are read.
 */
export async function visitorsByAmbassadorGroup(db: Db, scope: VisitorScope, groupOf: GroupOfAmbassador, options: { others: boolean }): Promise<Map<string | null, number>> {
  const groups = db
    .$with('ambassador_groups', { groupAmbassador: sql<string>`group_ambassador`.as('group_ambassador'), groupKey: sql<string>`group_key`.as('group_key') })
    .as(sql`select key as group_ambassador, value as group_key from json_each(${JSON.stringify(Object.fromEntries(groupOf))})`);
  const query = db.with(groups).select({ key: groups.groupKey, visitors: distinctPerDay });
  const rows = await (options.others
    ? query.from(dailyVisitors).innerJoin(links, eq(links.id, dailyVisitors.linkId)).leftJoin(groups, eq(groups.groupAmbassador, links.ambassadorId))
    : query.from(groups).innerJoin(links, eq(links.ambassadorId, groups.groupAmbassador)).innerJoin(dailyVisitors, eq(dailyVisitors.linkId, links.id))
  )
    .innerJoin(contents, eq(contents.id, links.contentId))
    .where(inScope(scope))
    .groupBy((selected) => [selected.key, dailyVisitors.day]);
  return sumPerGroup(rows);
}
