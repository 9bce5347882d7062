/**
 * The row shape of an insert-select into `daily_link_stats`. Drizzle matches an insert-select's fields to the
 * table's columns by position, so every such select lists all of them in the table's order: the counters it
 * adds, and 0 for the others.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { conversions, dailyLinkStats } from '../../db/schema';

const COUNTERS = ['clicks', 'uniqueVisitors', 'previews', 'scanners', 'automated', 'self', 'optouts', 'conversions', 'conversionValue', 'orgVisitors', 'campaignVisitors'] as const;
type Counter = (typeof COUNTERS)[number];
type Value = SQL.Aliased<number> | AnySQLiteColumn;

/** The counter fields of a rollup select, in the table's order: `given`, and 0 for every other counter. */
export function rollupCounters(given: Partial<Record<Counter, Value>>): Record<Counter, Value> {
  const fields = {} as Record<Counter, Value>;
  for (const counter of COUNTERS) fields[counter] = given[counter] ?? sql<number>`0`.as(dailyLinkStats[counter].name);
  return fields;
}

/** The rollup key and dimensions of a conversion: its click's day, link, ambassador, content, campaign and network. */
export const conversionDimensions = {
  organisationId: conversions.organisationId,
  day: conversions.clickDay,
  linkId: conversions.linkId,
  ambassadorId: conversions.ambassadorId,
  contentId: conversions.contentId,
  campaignId: conversions.campaignId,
  network: conversions.network,
};

/** `column + excluded.column`: what an upsert into the rollup adds. */
export const increment = (column: AnySQLiteColumn) => sql`${column} + excluded.${sql.identifier(column.name)}`;
