/**
 * One-time invitation links for admins and ambassadors. The token travels in the URL fragment and only
 * its hash is stored; accepting consumes it atomically, so a second use or an expired one is refused.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { invitations } from '../../db/schema';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { hashToken, randomSecret } from '../lib/tokens';

export const INVITATION_TTL_MS = 14 * 86_400_000;

type Subject = { organisationId: string; subjectType: 'admin' | 'ambassador'; subjectId: string };

/** Creates an invitation and returns its token (shown once). */
export async function createInvitation(db: Db, subject: Subject, now = Date.now()): Promise<string> {
  const token = randomSecret(32);
  await db.insert(invitations).values({ id: await hashToken(token), ...subject, createdAt: now, expiresAt: now + INVITATION_TTL_MS });
  return token;
}

/** The one answer for an unknown, used or expired invitation. */
export function invitationNotFound(): ApiError {
  return new ApiError('not_found', 'This invitation link is unknown, already used or expired. Ask for a new one.');
}

/** Marks the invitation used and returns its subject; 404 when unknown, used or expired. */
export async function consumeInvitation(db: Db, token: string, now = Date.now()): Promise<Subject> {
  const [row] = await db
    .update(invitations)
    .set({ usedAt: now })
    .where(and(eq(invitations.id, await hashToken(token)), isNull(invitations.usedAt), gt(invitations.expiresAt, now)))
    .returning();
  if (!row) throw invitationNotFound();
  return { organisationId: row.organisationId, subjectType: row.subjectType, subjectId: row.subjectId };
}

/** Looks at an invitation without consuming it (to know which kind it is before checking the body). */
export async function peekInvitation(db: Db, token: string, now = Date.now()): Promise<Subject | undefined> {
  const row = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, await hashToken(token)), isNull(invitations.usedAt), gt(invitations.expiresAt, now)))
    .get();
  return row ? { organisationId: row.organisationId, subjectType: row.subjectType, subjectId: row.subjectId } : undefined;
}
