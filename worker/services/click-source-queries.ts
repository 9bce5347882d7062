/**
 * The reads behind a content's or a link's stats page. Each starts from the links (one content's through
 * `links_content`, or one link by its key) and joins its way to the rollup, the daily visitors and the raw
 * clicks by their link-and-day indexes, so its cost follows that content's links and the period, and no query
 * binds the links' ids (a content may have thousands: D1 binds at most 100 parameters).
 */
import { and, between, count, desc, eq, isNull, notInArray, or, sql, sum, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { ambassadors, clicks, dailyLinkStats, dailyVisitors, links } from '../../db/schema';
import type { Db } from '../lib/db';
import { BREAKDOWN_TOP, type Breakdown } from '../schemas/click-sources';

/** Whose links a page reads: every link of one content, or one link; always within one organisation. */
export type LinkScope = { organisationId: string; from: string; to: string } & ({ contentId: string } | { linkId: string });

const sumOf = (column: AnySQLiteColumn) => sum(column).mapWith(Number);

function linksOf(scope: LinkScope): SQL | undefined {
  return and(eq(links.organisationId, scope.organisationId), 'contentId' in scope ? eq(links.contentId, scope.contentId) : eq(links.id, scope.linkId));
}

const rollupSums = {
  clicks: sumOf(dailyLinkStats.clicks),
  uniqueVisitors: sumOf(dailyLinkStats.uniqueVisitors),
  previews: sumOf(dailyLinkStats.previews),
  scanners: sumOf(dailyLinkStats.scanners),
  automated: sumOf(dailyLinkStats.automated),
  self: sumOf(dailyLinkStats.self),
  optouts: sumOf(dailyLinkStats.optouts),
  conversions: sumOf(dailyLinkStats.conversions),
};

// A link id names one organisation's rows (the links are filtered by organisation): left out here, the
// organisation-first indexes cannot tempt the planner into a range over every link of the organisation.
const rollupOfPeriod = (scope: LinkScope) => and(eq(dailyLinkStats.linkId, links.id), between(dailyLinkStats.day, scope.from, scope.to));

/** The rollup's sums per day of the period (days without traffic are absent). */
export function rollupByDayQuery(db: Db, scope: LinkScope) {
  return db
    .select({ day: dailyLinkStats.day, ...rollupSums })
    .from(links)
    .innerJoin(dailyLinkStats, rollupOfPeriod(scope))
    .where(linksOf(scope))
    .groupBy(dailyLinkStats.day);
}

/** Every link of the scope with its ambassador's visibility facts and its period's sums (0 without traffic). */
export function rollupByLinkQuery(db: Db, scope: LinkScope) {
  return db
    .select({
      id: links.id,
      slug: links.slug,
      network: links.network,
      ambassadorId: links.ambassadorId,
      displayName: ambassadors.displayName,
      name: ambassadors.name,
      optIn: ambassadors.leaderboardOptIn,
      status: ambassadors.status,
      ...rollupSums,
    })
    .from(links)
    .leftJoin(ambassadors, eq(ambassadors.id, links.ambassadorId))
    .leftJoin(dailyLinkStats, rollupOfPeriod(scope))
    .where(linksOf(scope))
    .groupBy(links.id);
}

/**
 * Distinct visitors per day across the scope's links (a visitor who reached two of them on one day is one),
 * optionally only on links of ambassadors outside `shownAmbassadors` (and of those who left): the "others" row.
 * The shown ambassadors travel as one JSON parameter, however many there are.
 */
export function visitorsByDayQuery(db: Db, scope: LinkScope, shownAmbassadors?: readonly string[]) {
  const shown = sql`(select value from json_each(${JSON.stringify(shownAmbassadors ?? [])}))`;
  return db
    .select({ day: dailyVisitors.day, visitors: sql<number>`count(distinct ${dailyVisitors.visitorHash})`.mapWith(Number) })
    .from(links)
    .innerJoin(dailyVisitors, and(eq(dailyVisitors.linkId, links.id), between(dailyVisitors.day, scope.from, scope.to)))
    .where(and(linksOf(scope), shownAmbassadors ? or(isNull(links.ambassadorId), notInArray(links.ambassadorId, shown)) : undefined))
    .groupBy(dailyVisitors.day);
}

export type BreakdownColumn = 'refererHost' | 'country' | 'device';

/** Human clicks of the scope per value of `column`: the top values, each row also carrying the grand total. */
export function breakdownQuery(db: Db, scope: LinkScope, column: BreakdownColumn) {
  const key = clicks[column];
  const clicksOf = count();
  return db
    .select({ key, clicks: clicksOf, total: sql<number>`sum(count(*)) over ()`.mapWith(Number) })
    .from(links)
    .innerJoin(clicks, and(eq(clicks.linkId, links.id), between(clicks.day, scope.from, scope.to), eq(clicks.class, 'human')))
    .where(linksOf(scope))
    .groupBy(key)
    .orderBy(desc(clicksOf), key)
    .limit(BREAKDOWN_TOP);
}

/** A breakdown as the API answers it: the top rows, and what the other values add up to. */
export async function readBreakdown(db: Db, scope: LinkScope, column: BreakdownColumn): Promise<Breakdown> {
  const rows = await breakdownQuery(db, scope, column);
  const shown = rows.reduce((acc, row) => acc + row.clicks, 0);
  return { rows: rows.map(({ key, clicks: n }) => ({ key, clicks: n })), other: (rows[0]?.total ?? shown) - shown };
}
