/** Admin sign-in: PBKDF2 check, per-account and per-client limits, then a session. */
import { eq } from 'drizzle-orm';
import { admins } from '../../db/schema';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { DUMMY_PASSWORD_RECORD, verifyPassword } from '../lib/passwords';
import type { LoginBody } from '../schemas/admins';
import { toAdminDto } from './admins';
import { assertUnderLimits, countAgainst, resetLimit, type Limit } from './rate-limits';
import { createSession } from './sessions';

/** 10 failed attempts per account and 30 per client every 15 minutes. */
export const LOGIN_LIMITS = { perAccount: 10, perClient: 30, windowMs: 15 * 60_000 } as const;

function limitsFor(email: string, client: string): Limit[] {
  return [
    { key: `login:account:${email}`, max: LOGIN_LIMITS.perAccount, windowMs: LOGIN_LIMITS.windowMs },
    { key: `login:client:${client}`, max: LOGIN_LIMITS.perClient, windowMs: LOGIN_LIMITS.windowMs },
  ];
}

/** Checks the credentials and opens a session; the same 401 for an unknown e-mail and a wrong password. */
export async function login(db: Db, input: LoginBody, client: string, now = Date.now()) {
  const limits = limitsFor(input.email, client);
  await assertUnderLimits(db, limits, now);
  const admin = await db.select().from(admins).where(eq(admins.email, input.email)).get();
  // Unknown accounts still pay for a PBKDF2 run, so timing does not reveal which e-mails exist.
  const valid = await verifyPassword(input.password, admin?.passwordHash ?? DUMMY_PASSWORD_RECORD);
  if (!admin || !valid || admin.status !== 'active') {
    await countAgainst(db, limits, now);
    throw new ApiError('unauthenticated', 'Wrong e-mail or password.');
  }
  await resetLimit(db, limits[0]?.key ?? '');
  const session = await createSession(db, { organisationId: admin.organisationId, subjectType: 'admin', subjectId: admin.id }, now);
  return { admin: toAdminDto(admin), session };
}
