/** Accepting an invitation: an admin sets a password, an ambassador chooses to join; both get a session. */
import { and, eq } from 'drizzle-orm';
import { admins, ambassadors } from '../../db/schema';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { hashPassword } from '../lib/passwords';
import type { AcceptInvitationBody } from '../schemas/invitations';
import { toAdminDto } from './admins';
import { getAmbassadorOrThrow, toAmbassadorDto } from './ambassadors';
import { consumeInvitation, invitationNotFound, peekInvitation } from './invitations';
import { clientKey, consume, refund } from './rate-limits';
import { createSession } from './sessions';

/** 20 failed attempts per client every 15 minutes (an unknown, used or expired token is a failure). */
export const ACCEPT_LIMIT = { perClient: 20, windowMs: 15 * 60_000 } as const;

/** The counters an attempt on an invitation token takes from (accepting it, or reading what it offers). */
export const invitationAttemptLimits = (ip: string | undefined) => [{ key: `accept:client:${clientKey(ip)}`, max: ACCEPT_LIMIT.perClient, windowMs: ACCEPT_LIMIT.windowMs }];

/**
 * Accepts an invitation and opens the session. The attempt is counted first; the token is looked up
 * before any password is hashed, so unknown tokens cost one indexed read; a success takes its count back.
 */
export async function acceptInvitation(db: Db, token: string, body: AcceptInvitationBody, ip: string | undefined, now = Date.now()) {
  const limits = invitationAttemptLimits(ip);
  await consume(db, limits, now);
  const pending = await peekInvitation(db, token, now);
  if (!pending) throw invitationNotFound();
  if (pending.subjectType === 'admin' && !body.password) {
    throw new ApiError('validation_failed', 'password is required: choose one of at least 12 characters', 'password');
  }
  // Hash before consuming, so a slow hash cannot leave a consumed invitation without a password.
  const passwordHash = pending.subjectType === 'admin' && body.password ? await hashPassword(body.password) : null;
  const subject = await consumeInvitation(db, token, now);
  await refund(db, limits, now);
  const session = await createSession(db, subject, now);
  if (subject.subjectType === 'admin') {
    const [admin] = await db
      .update(admins)
      .set({ passwordHash, status: 'active', updatedAt: now })
      .where(and(eq(admins.id, subject.subjectId), eq(admins.organisationId, subject.organisationId)))
      .returning();
    if (!admin) throw new ApiError('not_found', 'This invitation’s admin was removed.');
    return { result: { kind: 'admin' as const, admin: toAdminDto(admin) }, session };
  }
  const [joined] = await db
    .update(ambassadors)
    .set({ status: 'active', joinedAt: now, updatedAt: now })
    .where(and(eq(ambassadors.id, subject.subjectId), eq(ambassadors.organisationId, subject.organisationId)))
    .returning({ id: ambassadors.id });
  if (!joined) throw new ApiError('not_found', 'This invitation’s ambassador was removed.');
  const ambassador = toAmbassadorDto(await getAmbassadorOrThrow(db, subject.organisationId, joined.id));
  return { result: { kind: 'ambassador' as const, ambassador }, session };
}
