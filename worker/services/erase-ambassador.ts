/** Erasing an ambassador: used when an admin removes them and when they leave the programme themselves. */
import { and, eq, sql } from 'drizzle-orm';
import { ambassadors, charterAcceptances, dailyLinkStats, idempotencyKeys, invitations, links, sessions } from '../../db/schema';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { auditInsert, type AuditActor } from './audit-log';
import { eraseSharesStatements } from './erase-shares';
import { clearLinkCache } from './link-targets';

/**
 * Erases an ambassador's personal data in one atomic batch: their row keeps only its id, status `left`
 * and dates; their links keep redirecting, unattributed; the daily stats keep their counts anonymously;
 * their sessions, charter acceptances and invitations go; stored idempotent answers lose their id.
 * Logged as `ambassador.left` when the ambassador is the actor, else `ambassador.erased`, with no personal field.
 * Erasing again changes nothing (and logs nothing). Any table that later stores personal data about an ambassador must be
 * added here.
 */
export async function eraseAmbassador(db: Db, actor: AuditActor, organisationId: string, ambassadorId: string, now = Date.now()): Promise<void> {
  const found = await db
    .select({ id: ambassadors.id, status: ambassadors.status })
    .from(ambassadors)
    .where(and(eq(ambassadors.organisationId, organisationId), eq(ambassadors.id, ambassadorId)))
    .get();
  if (!found) throw new ApiError('not_found', 'No such ambassador.');
  const quoted = JSON.stringify(ambassadorId);
  const action = actor.kind === 'ambassador' ? 'ambassador.left' : 'ambassador.erased';
  const audit = found.status === 'left' ? [] : [auditInsert(db, organisationId, actor, { action, target: { type: 'ambassador', id: ambassadorId }, before: { status: found.status }, after: { status: 'left' } }, now)];
  await db.batch([
    ...eraseSharesStatements(db, organisationId, ambassadorId, now),
    ...audit,
    db
      .update(ambassadors)
      .set({ name: null, email: null, displayName: null, team: null, profile: null, audience: null, leaderboardOptIn: false, status: 'left', leftAt: sql`coalesce(${ambassadors.leftAt}, ${now})`, updatedAt: now })
      .where(and(eq(ambassadors.organisationId, organisationId), eq(ambassadors.id, ambassadorId))),
    db.update(links).set({ ambassadorId: null }).where(and(eq(links.organisationId, organisationId), eq(links.ambassadorId, ambassadorId))),
    db.update(dailyLinkStats).set({ ambassadorId: null }).where(and(eq(dailyLinkStats.organisationId, organisationId), eq(dailyLinkStats.ambassadorId, ambassadorId))),
    // The same statement as `revokeSessionsOf`, built here so that it commits with the rest of the batch.
    db.delete(sessions).where(and(eq(sessions.subjectType, 'ambassador'), eq(sessions.subjectId, ambassadorId))),
    db.delete(charterAcceptances).where(and(eq(charterAcceptances.organisationId, organisationId), eq(charterAcceptances.ambassadorId, ambassadorId))),
    db.delete(invitations).where(and(eq(invitations.subjectType, 'ambassador'), eq(invitations.subjectId, ambassadorId))),
    // Stored idempotent answers (a conversion's attribution) name the ambassador too: a replay now says null.
    db
      .update(idempotencyKeys)
      .set({ response: sql`replace(${idempotencyKeys.response}, ${quoted}, 'null')` })
      .where(and(eq(idempotencyKeys.organisationId, organisationId), sql`instr(${idempotencyKeys.response}, ${quoted}) > 0`)),
  ]);
  clearLinkCache();
}
