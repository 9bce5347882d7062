/** Server-side sessions behind the `relais_session` cookie: the cookie holds a random token, D1 its hash. */
import { and, eq, gt } from 'drizzle-orm';
import { sessions } from '../../db/schema';
import type { Db } from '../lib/db';
import { hashToken, randomSecret } from '../lib/tokens';

export const SESSION_TTL_MS = { admin: 7 * 86_400_000, ambassador: 30 * 86_400_000 } as const;

export type SessionSubject = { organisationId: string; subjectType: 'admin' | 'ambassador'; subjectId: string };

/** Opens a session and returns the token for the cookie (shown nowhere else). */
export async function createSession(db: Db, subject: SessionSubject, now = Date.now()): Promise<{ token: string; expiresAt: number }> {
  const token = randomSecret(43);
  const expiresAt = now + SESSION_TTL_MS[subject.subjectType];
  await db.insert(sessions).values({ id: await hashToken(token), ...subject, createdAt: now, expiresAt });
  return { token, expiresAt };
}

/** The live session behind a cookie token, or undefined. */
export async function findSession(db: Db, token: string, now = Date.now()) {
  const id = await hashToken(token);
  return db.select().from(sessions).where(and(eq(sessions.id, id), gt(sessions.expiresAt, now))).get();
}

/** Ends one session (logout). */
export async function revokeSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of a subject (password reset, removal, leaving the programme). */
export async function revokeSessionsOf(db: Db, subjectType: 'admin' | 'ambassador', subjectId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.subjectType, subjectType), eq(sessions.subjectId, subjectId)));
}
