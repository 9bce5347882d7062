/** The organisation's admins: invited by an owner, removable except for the last owner. */
import { and, eq, ne } from 'drizzle-orm';
import { admins } from '../../db/schema';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { newId } from '../lib/ids';
import { pageClauses, toPage } from '../lib/pagination';
import { iso } from '../lib/time';
import type { Admin, InviteAdminBody } from '../schemas/admins';
import { createInvitation } from './invitations';
import { revokeSessionsOf } from './sessions';

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

/** Creates an invited admin and the one-time link where they set their password. */
export async function inviteAdmin(db: Db, organisationId: string, input: InviteAdminBody, origin: string, now = Date.now()) {
  if (await db.select({ id: admins.id }).from(admins).where(eq(admins.email, input.email)).get()) {
    throw new ApiError('conflict', 'An admin with this e-mail already exists.', 'email');
  }
  const row = { id: newId('adm'), organisationId, ...input, status: 'invited' as const, passwordHash: null, createdAt: now, updatedAt: now };
  await db.insert(admins).values(row);
  const token = await createInvitation(db, { organisationId, subjectType: 'admin', subjectId: row.id }, now);
  return { admin: toAdminDto(row), token, inviteUrl: `${origin}/admin/join#${token}` };
}

/** Removes an admin and ends their sessions; the last owner stays (409). */
export async function deleteAdmin(db: Db, organisationId: string, id: string): Promise<void> {
  const admin = await getAdminOrThrow(db, organisationId, id);
  if (admin.role === 'owner') {
    const otherOwner = await db
      .select({ id: admins.id })
      .from(admins)
      .where(and(eq(admins.organisationId, organisationId), eq(admins.role, 'owner'), eq(admins.status, 'active'), ne(admins.id, id)))
      .get();
    if (!otherOwner) throw new ApiError('conflict', 'The last owner cannot be removed: make someone else an owner first.');
  }
  await db.delete(admins).where(eq(admins.id, id));
  await revokeSessionsOf(db, 'admin', id);
}
