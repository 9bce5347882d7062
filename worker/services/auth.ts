/** Admin sign-in: limits counted first, then the PBKDF2 check, then a session. */
import { and, asc, eq } from 'drizzle-orm';
import { admins, organisations } from '../../db/schema';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { DUMMY_PASSWORD_RECORD, verifyPassword } from '../lib/passwords';
import type { LoginBody } from '../schemas/admins';
import { toAdminDto } from './admins';
import { clientKey, consume, refund, type Limit } from './rate-limits';
import { createSession } from './sessions';

/** 10 failed attempts per account and 30 per client every 15 minutes. */
export const LOGIN_LIMITS = { perAccount: 10, perClient: 30, windowMs: 15 * 60_000 } as const;

function limitsFor(email: string, ip: string | undefined): Limit[] {
  return [
    { key: `login:account:${email}`, max: LOGIN_LIMITS.perAccount, windowMs: LOGIN_LIMITS.windowMs },
    { key: `login:client:${clientKey(ip)}`, max: LOGIN_LIMITS.perClient, windowMs: LOGIN_LIMITS.windowMs },
  ];
}

/**
 * The membership a sign-in is for: the named organisation's, or else the person's oldest one (so that a
 * person who runs several organisations signs in the same way every time, and nothing tells how many).
 */
function membershipOf(db: Db, email: string, organisation: string | undefined) {
  const query = db.select({ admin: admins }).from(admins).innerJoin(organisations, eq(organisations.id, admins.organisationId));
  return query
    .where(and(eq(admins.email, email), eq(admins.status, 'active'), organisation === undefined ? undefined : eq(organisations.slug, organisation)))
    .orderBy(asc(admins.createdAt), asc(admins.id))
    .limit(1)
    .get();
}

/**
 * Checks the credentials and opens a session; the same 401 for an unknown e-mail, an organisation the
 * person does not run and a wrong password. Every attempt is counted before it is checked; a success
 * takes its count back, so the limits count failures.
 */
export async function login(db: Db, input: LoginBody, ip: string | undefined, now = Date.now()) {
  const limits = limitsFor(input.email, ip);
  await consume(db, limits, now);
  const admin = (await membershipOf(db, input.email, input.organisation))?.admin;
  // Unknown accounts still pay for a PBKDF2 run, so timing does not reveal which e-mails exist.
  const valid = await verifyPassword(input.password, admin?.passwordHash ?? DUMMY_PASSWORD_RECORD);
  if (!admin || !valid) throw new ApiError('unauthenticated', 'Wrong e-mail or password.');
  await refund(db, limits, now);
  const session = await createSession(db, { organisationId: admin.organisationId, subjectType: 'admin', subjectId: admin.id }, now);
  return { admin: toAdminDto(admin), session };
}
