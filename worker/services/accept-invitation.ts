/** Accepting an invitation: an admin sets a password, an ambassador chooses to join; both get a session. */
import { and, eq } from 'drizzle-orm';
import { admins, ambassadors } from '../../db/schema';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { hashPassword } from '../lib/passwords';
import type { AcceptInvitationBody } from '../schemas/invitations';
import { toAdminDto } from './admins';
import { getAmbassadorOrThrow, toAmbassadorDto } from './ambassadors';
import { consumeInvitation, peekInvitation } from './invitations';
import { createSession } from './sessions';

export async function acceptInvitation(db: Db, token: string, body: AcceptInvitationBody, now = Date.now()) {
  const pending = await peekInvitation(db, token, now);
  if (pending?.subjectType === 'admin' && !body.password) {
    throw new ApiError('validation_failed', 'password is required: choose one of at least 12 characters', 'password');
  }
  // Hash before consuming, so a slow hash cannot leave a consumed invitation without a password.
  const passwordHash = body.password ? await hashPassword(body.password) : null;
  const subject = await consumeInvitation(db, token, now);
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
