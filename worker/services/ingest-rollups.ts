/**
 * What the KPIs need from each consumer run beyond the per-link rollup, as statements that commit in the same
 * batch as the clicks (so a redelivered batch, which inserts no click, changes nothing):
 * - which links each daily visitor reached (`daily_visitors`), and per link the visitors whose first click of
 *   the day in the organisation, and in the link's campaign, landed there: unique visitors per organisation;
 * - only a human click earns an attribution: conversions already reported on a click that turns out to be a
 *   preview, scanner, automated, self or opt-out hit leave the rollup and stop being attributed.
 */
import { and, eq, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { clicks, contents, conversions, dailyLinkStats, dailyVisitors, links } from '../../db/schema';
import type { Db } from '../lib/db';
import { conversionDimensions, increment, rollupCounters } from './rollup-row';

/**
 * The statements to run right after the run's clicks and their rollup, in this order, in the same batch.
 *
 * @example
 * await db.batch([...clickInserts, rollupStatement(db, ingestId), ...afterIngestStatements(db, ingestId)]);
 */
export function afterIngestStatements(db: Db, ingestId: string) {
  return [recordVisitors(db, ingestId), rollupVisitors(db, ingestId), uncountUnearnedConversions(db, ingestId), unattributeUnearnedConversions(db, ingestId)] as const;
}

/** One row per organisation × day × visitor × link for the run's human clicks; the first run to see it keeps it. */
function recordVisitors(db: Db, ingestId: string) {
  return db
    .insert(dailyVisitors)
    .select(
      db
        .selectDistinct({ organisationId: clicks.organisationId, day: clicks.day, visitorHash: sql<string>`${clicks.visitorHash}`.as('visitor_hash'), linkId: clicks.linkId, ingestId: clicks.ingestId })
        .from(clicks)
        .where(and(eq(clicks.ingestId, ingestId), eq(clicks.class, 'human'), sql`${clicks.visitorHash} is not null`)),
    )
    .onConflictDoNothing();
}

/**
 * Adds to each link's rollup the visitors this run saw first in the organisation (and in the campaign) that day.
 * A visitor counts on the smallest link id of the first run that saw them, so exactly once.
 */
function rollupVisitors(db: Db, ingestId: string) {
  const seen = alias(dailyVisitors, 'seen');
  const seenLink = alias(links, 'seen_link');
  const seenContent = alias(contents, 'seen_content');
  const sameVisitorBefore = and(
    eq(seen.organisationId, dailyVisitors.organisationId),
    eq(seen.day, dailyVisitors.day),
    eq(seen.visitorHash, dailyVisitors.visitorHash),
    or(ne(seen.ingestId, dailyVisitors.ingestId), sql`${seen.linkId} < ${dailyVisitors.linkId}`),
  );
  const firstInOrganisation = sql<number>`sum(not exists ${db.select({ one: sql`1` }).from(seen).where(sameVisitorBefore)})`.as('org_visitors');
  const firstInCampaign = sql<number>`sum(not exists ${db
    .select({ one: sql`1` })
    .from(seen)
    .innerJoin(seenLink, eq(seenLink.id, seen.linkId))
    .innerJoin(seenContent, eq(seenContent.id, seenLink.contentId))
    .where(and(sameVisitorBefore, eq(seenContent.campaignId, contents.campaignId)))})`.as('campaign_visitors');
  return db
    .insert(dailyLinkStats)
    .select(
      db
        .select({
          organisationId: dailyVisitors.organisationId,
          day: dailyVisitors.day,
          linkId: dailyVisitors.linkId,
          ambassadorId: links.ambassadorId,
          contentId: links.contentId,
          campaignId: contents.campaignId,
          network: links.network,
          ...rollupCounters({ orgVisitors: firstInOrganisation, campaignVisitors: firstInCampaign }),
        })
        .from(dailyVisitors)
        .innerJoin(links, eq(links.id, dailyVisitors.linkId))
        .innerJoin(contents, eq(contents.id, links.contentId))
        .where(eq(dailyVisitors.ingestId, ingestId))
        .groupBy(dailyVisitors.organisationId, dailyVisitors.day, dailyVisitors.linkId),
    )
    .onConflictDoUpdate({
      target: [dailyLinkStats.organisationId, dailyLinkStats.day, dailyLinkStats.linkId],
      set: {
        orgVisitors: increment(dailyLinkStats.orgVisitors),
        campaignVisitors: increment(dailyLinkStats.campaignVisitors),
      },
    });
}

/** The run's clicks that earn no attribution, joined to the attributed conversions that named them. */
const unearned = (ingestId: string) =>
  and(eq(clicks.ingestId, ingestId), ne(clicks.class, 'human'), eq(clicks.organisationId, conversions.organisationId), eq(conversions.attributed, true));

/** Takes attributed conversions whose click this run classified as not human out of their click day's rollup. */
function uncountUnearnedConversions(db: Db, ingestId: string) {
  return db
    .insert(dailyLinkStats)
    .select(
      db
        .select({
          ...conversionDimensions,
          ...rollupCounters({
            conversions: sql<number>`-count(*)`.as('conversions'),
            conversionValue: sql<number>`-sum(${conversions.countedValue})`.as('conversion_value'),
          }),
        })
        .from(conversions)
        .innerJoin(clicks, eq(clicks.id, conversions.clickId))
        .where(unearned(ingestId))
        .groupBy(conversions.organisationId, conversions.clickDay, conversions.linkId),
    )
    .onConflictDoUpdate({
      target: [dailyLinkStats.organisationId, dailyLinkStats.day, dailyLinkStats.linkId],
      set: {
        conversions: increment(dailyLinkStats.conversions),
        conversionValue: increment(dailyLinkStats.conversionValue),
      },
    });
}

/** Marks those conversions unattributed (they stay recorded); runs after `uncountUnearnedConversions`. */
function unattributeUnearnedConversions(db: Db, ingestId: string) {
  return db
    .update(conversions)
    .set({ attributed: false, countedValue: 0 })
    .where(
      and(
        eq(conversions.attributed, true),
        // Not correlated with the conversion (a click id is unique and signed for its own organisation's link), so
        // SQLite reads the run's clicks once and finds their conversions by `conversions_click`, never scanning them.
        sql`${conversions.clickId} in ${db.select({ id: clicks.id }).from(clicks).where(and(eq(clicks.ingestId, ingestId), ne(clicks.class, 'human')))}`,
      ),
    );
}
