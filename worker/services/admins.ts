/** The organisation's admins: invited by an owner, removable except for the last owner. */
import { and, eq, exists, ne, notExists, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { admins, sessions } from '../../db/schema';
import type { Db } from '../lib/db';
import { auditInsert, type AuditActor } from './audit-log';
import { ApiError } from '../lib/errors';
import { newId } from '../lib/ids';
import { pageClauses, toPage } from '../lib/pagination';
import { iso } from '../lib/time';
import type { Admin, InviteAdminBody } from '../schemas/admins';
import { createInvitation } from './invitations';

type AdminRow = typeof admins.$inferSelect;

export function toAdminDto(row: AdminRow): Admin {
  return { id: row.id, email: row.email, name: row.name, role: row.role, status: row.status, createdAt: iso(row.createdAt) };
}

export async function listAdmins(db: Db, organisationId: string, page: { limit: number; cursor?: string | undefined }) {
  const { where, orderBy } = pageClauses(admins, page.cursor);
  const rows = await db.select().from(admins).where(and(eq(admins.organisationId, organisationId), where)).orderBy(...orderBy).limit(page.limit + 1);
  return toPage(rows, page.limit, toAdminDto);
}

export async function getAdminOrThrow(db: Db, organisationId: string, id: string): Promise<AdminRow> {
  const row = await db.select().from(admins).where(and(eq(admins.organisationId, organisationId), eq(admins.id, id))).get();
  if (!row) throw new ApiError('not_found', 'No such admin.');
  return row;
}

/**
 * Creates an invited admin and the one-time link where they set their password. Only this organisation's
 * admins are looked at: whether the address runs another organisation changes nothing in the answer.
 */
export async function inviteAdmin(db: Db, actor: AuditActor, organisationId: string, input: InviteAdminBody, origin: string, now = Date.now()) {
  const row = { id: newId('adm'), organisationId, ...input, status: 'invited' as const, passwordHash: null, createdAt: now, updatedAt: now };
  const [inserted] = await db.insert(admins).values(row).onConflictDoNothing({ target: [admins.organisationId, admins.email] }).returning({ id: admins.id });
  if (!inserted) throw new ApiError('conflict', 'This organisation already has an admin with this e-mail.', 'email');
  await auditInsert(db, organisationId, actor, { action: 'admin.invited', target: { type: 'admin', id: row.id }, after: { email: row.email, name: row.name, role: row.role } }, now);
  const token = await createInvitation(db, { organisationId, subjectType: 'admin', subjectId: row.id }, now);
  return { admin: toAdminDto(row), token, inviteUrl: `${origin}/admin/join#${token}` };
}

/**
 * Removes an admin and ends their sessions in one batch; the last active owner stays (409). The check is
 * part of the DELETE itself, so two owners removing each other at once leave one.
 */
export async function deleteAdmin(db: Db, actor: AuditActor, organisationId: string, id: string, now = Date.now()): Promise<void> {
  const otherOwners = alias(admins, 'other_owners');
  const anotherOwner = db
    .select({ id: otherOwners.id })
    .from(otherOwners)
    .where(and(eq(otherOwners.organisationId, organisationId), eq(otherOwners.role, 'owner'), eq(otherOwners.status, 'active'), ne(otherOwners.id, id)));
  const [[removed]] = await db.batch([
    db
      .delete(admins)
      .where(and(eq(admins.organisationId, organisationId), eq(admins.id, id), or(ne(admins.role, 'owner'), ne(admins.status, 'active'), exists(anotherOwner))))
      .returning({ id: admins.id, email: admins.email, role: admins.role }),
    db.delete(sessions).where(and(eq(sessions.subjectType, 'admin'), eq(sessions.subjectId, id), notExists(db.select({ id: admins.id }).from(admins).where(eq(admins.id, id))))),
  ]);
  if (removed) {
    await auditInsert(db, organisationId, actor, { action: 'admin.removed', target: { type: 'admin', id }, before: { email: removed.email, role: removed.role } }, now);
    return;
  }
  await getAdminOrThrow(db, organisationId, id);
  throw new ApiError('conflict', 'The last owner cannot be removed: make someone else an owner first.');
}
