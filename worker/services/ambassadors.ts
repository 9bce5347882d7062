/** Ambassadors: invited by admins, active once they chose to join, `left` (erased) when they go. */
import { and, eq, getTableColumns, isNull, max, type SQL } from 'drizzle-orm';
import { ambassadors, charterAcceptances, invitations } from '../../db/schema';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { newId } from '../lib/ids';
import { pageClauses, toPage } from '../lib/pagination';
import { iso, isoOrNull } from '../lib/time';
import type { Ambassador, InviteAmbassadorBody, ListAmbassadorsQuery } from '../schemas/ambassadors';
import { createInvitation } from './invitations';
import { auditInsert, type AuditActor } from './audit-log';

type AmbassadorRow = typeof ambassadors.$inferSelect & { charterVersion: number | null };

/** Ambassadors with the highest charter version each accepted (null when none). */
function selectAmbassadors(db: Db, where: SQL | undefined) {
  return db
    .select({ ...getTableColumns(ambassadors), charterVersion: max(charterAcceptances.version) })
    .from(ambassadors)
    .leftJoin(charterAcceptances, eq(charterAcceptances.ambassadorId, ambassadors.id))
    .where(where)
    .groupBy(ambassadors.id);
}

/** Maps a row (with its highest accepted charter version) to the API shape. */
export function toAmbassadorDto(row: AmbassadorRow): Ambassador {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    displayName: row.displayName,
    team: row.team,
    profile: row.profile,
    status: row.status,
    leaderboardOptIn: row.leaderboardOptIn,
    charterVersion: row.charterVersion,
    invitedAt: iso(row.createdAt),
    joinedAt: isoOrNull(row.joinedAt),
    leftAt: isoOrNull(row.leftAt),
  };
}

/** A page of the organisation's ambassadors, newest first, optionally of one status. */
export async function listAmbassadors(db: Db, organisationId: string, query: ListAmbassadorsQuery) {
  const { where, orderBy } = pageClauses(ambassadors, query.cursor);
  const rows = await selectAmbassadors(db, and(eq(ambassadors.organisationId, organisationId), query.status ? eq(ambassadors.status, query.status) : undefined, where))
    .orderBy(...orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, toAmbassadorDto);
}

/** One ambassador of the organisation; 404 when unknown or in another organisation. */
export async function getAmbassadorOrThrow(db: Db, organisationId: string, id: string): Promise<AmbassadorRow> {
  const row = await selectAmbassadors(db, and(eq(ambassadors.organisationId, organisationId), eq(ambassadors.id, id))).get();
  if (!row) throw new ApiError('not_found', 'No such ambassador.');
  return row;
}

/** Creates an invited ambassador and the one-time link where they choose to join. */
export async function inviteAmbassador(db: Db, actor: AuditActor, organisationId: string, input: InviteAmbassadorBody, origin: string, now = Date.now()) {
  const taken = await db
    .select({ id: ambassadors.id })
    .from(ambassadors)
    .where(and(eq(ambassadors.organisationId, organisationId), eq(ambassadors.email, input.email)))
    .get();
  if (taken) throw new ApiError('conflict', 'An ambassador with this e-mail is already invited or active.', 'email');
  const row = { id: newId('amb'), organisationId, ...input, displayName: null, audience: null, leaderboardOptIn: false, language: null, status: 'invited' as const, joinedAt: null, leftAt: null, createdAt: now, updatedAt: now };
  // No name or e-mail in the log: an erased person must not survive there (their entries name them by id only).
  await db.batch([db.insert(ambassadors).values(row), auditInsert(db, organisationId, actor, { action: 'ambassador.invited', target: { type: 'ambassador', id: row.id }, after: { status: 'invited' } }, now)]);
  return invitationAnswer(db, { ...row, charterVersion: null }, origin, now);
}

/** Issues a fresh link to an ambassador who has not joined yet; their unused links stop working. */
export async function reinviteAmbassador(db: Db, actor: AuditActor, organisationId: string, id: string, origin: string, now = Date.now()) {
  const row = await getAmbassadorOrThrow(db, organisationId, id);
  if (row.status !== 'invited') throw new ApiError('conflict', `This ambassador is ${row.status}: only an invited ambassador gets a new link.`);
  await db.batch([
    db
      .update(invitations)
      .set({ usedAt: now })
      .where(and(eq(invitations.subjectType, 'ambassador'), eq(invitations.subjectId, id), eq(invitations.organisationId, organisationId), isNull(invitations.usedAt))),
    auditInsert(db, organisationId, actor, { action: 'ambassador.invitation_renewed', target: { type: 'ambassador', id } }, now),
  ]);
  return invitationAnswer(db, row, origin, now);
}

async function invitationAnswer(db: Db, row: AmbassadorRow, origin: string, now: number) {
  const token = await createInvitation(db, { organisationId: row.organisationId, subjectType: 'ambassador', subjectId: row.id }, now);
  return { ambassador: toAmbassadorDto(row), token, inviteUrl: `${origin}/me/join#${token}` };
}
