/**
 * Records classified hits and their daily rollup in one D1 batch (one transaction). Idempotent: a
 * click's id is its primary key, and the rollup adds only the rows this run inserted (`ingest_id`),
 * so a redelivered batch, or a click written by the fallback and then delivered again, counts once.
 */
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { clicks, contents, dailyLinkStats, links, sessions, type HitClass } from '../../db/schema';
import type { ClickEvent } from '../lib/click-event';
import { chunksOf, MAX_BOUND_PARAMETERS } from '../lib/d1-limits';
import { dayOf } from '../lib/days';
import type { Db } from '../lib/db';
import { newId } from '../lib/ids';
import { classifyHit, deviceOf } from './classify';
import { afterIngestStatements } from './ingest-rollups';
import { increment, rollupCounters } from './rollup-row';

interface Owner {
  organisationId: string;
  ambassadorId: string | null;
}

/** Classifies `events`, stores them and updates `daily_link_stats`. Events for unknown links are skipped. */
export async function recordClicks(db: Db, events: readonly ClickEvent[], now = Date.now()): Promise<{ recorded: number; skipped: number }> {
  if (events.length === 0) return { recorded: 0, skipped: 0 };
  const owners = await ownersOf(db, events);
  const sessionOwners = await sessionAmbassadors(db, events, now);
  const ingestId = newId('ing');
  const inserts = [];
  for (const event of events) {
    const owner = owners.get(event.linkId);
    if (!owner) continue;
    const hitClass = classOf(event, owner, sessionOwners);
    const day = dayOf(event.at);
    const visitorHash = hitClass === 'human' ? (event.visitor ?? null) : null;
    inserts.push(
      db
        .insert(clicks)
        .values({
          id: event.id,
          organisationId: owner.organisationId,
          linkId: event.linkId,
          at: event.at,
          day,
          class: hitClass,
          visitorHash,
          firstOfDay: visitorHash ? sql`not exists (select 1 from ${clicks} where ${clicks.linkId} = ${event.linkId} and ${clicks.day} = ${day} and ${clicks.visitorHash} = ${visitorHash})` : false,
          country: hitClass === 'optout' ? null : (event.country ?? null),
          refererHost: hitClass === 'optout' ? null : (event.refererHost ?? null),
          device: hitClass === 'optout' ? null : deviceOf(event.userAgent),
          ingestId,
        })
        .onConflictDoNothing(),
    );
  }
  const [first, ...rest] = inserts;
  if (!first) return { recorded: 0, skipped: events.length };
  await db.batch([first, ...rest, rollupStatement(db, ingestId), ...afterIngestStatements(db, ingestId)]);
  return { recorded: inserts.length, skipped: events.length - inserts.length };
}

function classOf(event: ClickEvent, owner: Owner, sessionOwners: Map<string, string>): HitClass {
  if (event.optout) return 'optout';
  if (event.session && owner.ambassadorId && sessionOwners.get(event.session) === owner.ambassadorId) return 'self';
  return classifyHit({ userAgent: event.userAgent, refererHost: event.refererHost, asn: event.asn });
}

async function ownersOf(db: Db, events: readonly ClickEvent[]): Promise<Map<string, Owner>> {
  const ids = [...new Set(events.map((e) => e.linkId))];
  const owners = new Map<string, Owner>();
  // The statement binds nothing but the ids.
  for (const chunk of chunksOf(ids, MAX_BOUND_PARAMETERS)) {
    const rows = await db
      .select({ id: links.id, organisationId: links.organisationId, ambassadorId: links.ambassadorId })
      .from(links)
      .where(inArray(links.id, chunk));
    for (const r of rows) owners.set(r.id, r);
  }
  return owners;
}

/** Session id → ambassador id, for the sessions the events carried (to recognise `self` clicks). */
async function sessionAmbassadors(db: Db, events: readonly ClickEvent[], now: number): Promise<Map<string, string>> {
  const ids = [...new Set(events.flatMap((e) => (e.session ? [e.session] : [])))];
  const owners = new Map<string, string>();
  // The statement binds the ids, the subject type and the time.
  for (const chunk of chunksOf(ids, MAX_BOUND_PARAMETERS - 2)) {
    const rows = await db
      .select({ id: sessions.id, subjectId: sessions.subjectId })
      .from(sessions)
      .where(and(inArray(sessions.id, chunk), eq(sessions.subjectType, 'ambassador'), gt(sessions.expiresAt, now)));
    for (const r of rows) owners.set(r.id, r.subjectId);
  }
  return owners;
}

const countOf = (hitClass: HitClass, alias: string) => sql<number>`sum(${clicks.class} = ${hitClass})`.as(alias);

/** Adds the rows inserted by this run (`ingestId`) to their organisation × day × link rollup. */
export function rollupStatement(db: Db, ingestId: string) {
  return db
    .insert(dailyLinkStats)
    .select(
      db
        .select({
          organisationId: clicks.organisationId,
          day: clicks.day,
          linkId: clicks.linkId,
          ambassadorId: links.ambassadorId,
          contentId: links.contentId,
          campaignId: contents.campaignId,
          network: links.network,
          ...rollupCounters({
            clicks: countOf('human', 'clicks'),
            uniqueVisitors: sql<number>`sum(${clicks.firstOfDay})`.as('unique_visitors'),
            previews: countOf('preview', 'previews'),
            scanners: countOf('scanner', 'scanners'),
            automated: countOf('automated', 'automated'),
            self: countOf('self', 'self'),
            optouts: countOf('optout', 'optouts'),
          }),
        })
        .from(clicks)
        .innerJoin(links, eq(links.id, clicks.linkId))
        .innerJoin(contents, eq(contents.id, links.contentId))
        .where(eq(clicks.ingestId, ingestId))
        .groupBy(clicks.organisationId, clicks.day, clicks.linkId),
    )
    .onConflictDoUpdate({
      target: [dailyLinkStats.organisationId, dailyLinkStats.day, dailyLinkStats.linkId],
      set: {
        clicks: increment(dailyLinkStats.clicks),
        uniqueVisitors: increment(dailyLinkStats.uniqueVisitors),
        previews: increment(dailyLinkStats.previews),
        scanners: increment(dailyLinkStats.scanners),
        automated: increment(dailyLinkStats.automated),
        self: increment(dailyLinkStats.self),
        optouts: increment(dailyLinkStats.optouts),
      },
    });
}
