/**
 * The audit log (API.md, "Privacy and trust"): every change to who sees what or where a link leads, with its actor
 * and only the fields that changed; never a secret, a password or a token. An entry is written in the same batch as
 * the change it records where that change is one batch (neither lands without the other), else right after it once
 * it is known to have happened (an admin's invitation or removal, whose conflicts decide whether it does).
 */
import { and, eq, sql } from 'drizzle-orm';
import { admins, apiKeys, auditLog } from '../../db/schema';
import type { Caller } from '../lib/caller';
import type { Db } from '../lib/db';
import { newId } from '../lib/ids';
import { pageClauses, toPage } from '../lib/pagination';
import { iso } from '../lib/time';
import type { AuditEntry, AuditLogQuery } from '../schemas/audit-log';

/** Who made a change: a caller of the API (an ambassador by id alone), the operator (creating an organisation), or Relais itself. */
export type AuditActor = Caller | { kind: 'ambassador'; ambassadorId: string } | { kind: 'operator' } | { kind: 'system' };

type Fields = Record<string, unknown>;

export interface AuditChange {
  /** `<target>.<verb>`. */
  action: `${string}.${string}`;
  target: { type: string; id: string | null };
  before?: Fields | null;
  after?: Fields | null;
}

/** The fields of `fields` whose values differ between `before` and `after` (JSON equality), or null when none does. */
export function changedFields<T extends Fields>(before: T, after: T, fields: ReadonlyArray<keyof T & string>): { before: Fields; after: Fields } | null {
  const changed = fields.filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null));
  if (changed.length === 0) return null;
  return { before: Object.fromEntries(changed.map((f) => [f, before[f] ?? null])), after: Object.fromEntries(changed.map((f) => [f, after[f] ?? null])) };
}

/** The actor's columns; an admin's and a key's label are read in the same statement, as they are at that moment. */
function actorColumns(db: Db, actor: AuditActor) {
  switch (actor.kind) {
    case 'admin':
      return { actorKind: 'admin' as const, actorId: actor.adminId, actorLabel: sql<string>`(${db.select({ email: admins.email }).from(admins).where(eq(admins.id, actor.adminId))})` };
    case 'key':
      return { actorKind: 'api_key' as const, actorId: actor.keyId, actorLabel: sql<string>`(${db.select({ name: apiKeys.name }).from(apiKeys).where(eq(apiKeys.id, actor.keyId))})` };
    case 'ambassador':
      return { actorKind: 'ambassador' as const, actorId: actor.ambassadorId, actorLabel: null };
    default:
      return { actorKind: actor.kind, actorId: null, actorLabel: null };
  }
}

/** The insert recording `change`, to run in the same `db.batch` as the change itself. */
export function auditInsert(db: Db, organisationId: string, actor: AuditActor, change: AuditChange, now = Date.now()) {
  return db.insert(auditLog).values({
    id: newId('aud'),
    organisationId,
    at: now,
    ...actorColumns(db, actor),
    action: change.action,
    targetType: change.target.type,
    targetId: change.target.id,
    before: change.before ?? null,
    after: change.after ?? null,
  });
}

type AuditRow = typeof auditLog.$inferSelect;

function toAuditDto(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: iso(row.at),
    actor: { kind: row.actorKind, id: row.actorId, label: row.actorLabel },
    action: row.action,
    target: { type: row.targetType, id: row.targetId },
    before: row.before,
    after: row.after,
  };
}

/** A page of the organisation's audit log, newest first, optionally one action only. */
export async function listAuditLog(db: Db, organisationId: string, query: AuditLogQuery) {
  const limit = query.limit ?? 50;
  const { where, orderBy } = pageClauses({ createdAt: auditLog.at, id: auditLog.id }, query.cursor);
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.organisationId, organisationId), query.action ? eq(auditLog.action, query.action) : undefined, where))
    .orderBy(...orderBy)
    .limit(limit + 1);
  return toPage(
    rows.map((row) => ({ ...row, createdAt: row.at })),
    limit,
    toAuditDto,
  );
}
