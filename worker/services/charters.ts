/** The social-media charter: numbered versions per organisation; the highest is the one ambassadors must accept. */
import { and, count, eq, getTableColumns, sql } from 'drizzle-orm';
import { ambassadors, charterAcceptances, charters } from '../../db/schema';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { newId } from '../lib/ids';
import { renderMarkdown } from '../lib/markdown';
import { pageClauses, toPage } from '../lib/pagination';
import { iso } from '../lib/time';
import type { Charter, CharterAcceptance, PublishCharterBody } from '../schemas/charters';
import { auditInsert, type AuditActor } from './audit-log';

type CharterRow = typeof charters.$inferSelect & { acceptedBy: number };

/** Maps a row to the API shape, with the body rendered to safe HTML. */
export function toCharterDto(row: CharterRow): Charter {
  return { id: row.id, version: row.version, body: row.body, bodyHtml: renderMarkdown(row.body), publishedAt: iso(row.publishedAt), acceptedBy: row.acceptedBy };
}

/** A page of versions, newest first; the cursor position is the version, which grows with time. */
export async function listCharters(db: Db, organisationId: string, page: { limit: number; cursor?: string | undefined }) {
  const { where, orderBy } = pageClauses({ createdAt: charters.version, id: charters.id }, page.cursor);
  // acceptedBy counts active ambassadors who accepted exactly this version.
  const rows = await db
    .select({ ...getTableColumns(charters), acceptedBy: count(ambassadors.id) })
    .from(charters)
    .leftJoin(charterAcceptances, and(eq(charterAcceptances.organisationId, charters.organisationId), eq(charterAcceptances.version, charters.version)))
    .leftJoin(ambassadors, and(eq(ambassadors.id, charterAcceptances.ambassadorId), eq(ambassadors.status, 'active')))
    .where(and(eq(charters.organisationId, organisationId), where))
    .groupBy(charters.id)
    .orderBy(...orderBy)
    .limit(page.limit + 1);
  return toPage(rows.map((row) => ({ ...row, createdAt: row.version })), page.limit, toCharterDto);
}

/**
 * Publishes the next version (1 for the first); the number is computed in the insert itself, so two publishers never
 * share one. Logged right after with its number and how many active ambassadors must accept it before their next link.
 */
export async function publishCharter(db: Db, actor: AuditActor, organisationId: string, input: PublishCharterBody, now = Date.now()): Promise<Charter> {
  const [row] = await db
    .insert(charters)
    .values({
      id: newId('chr'),
      organisationId,
      version: sql`(select coalesce(max(${charters.version}), 0) + 1 from ${charters} where ${charters.organisationId} = ${organisationId})`,
      body: input.body,
      publishedAt: now,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('the charter insert returned no row');
  const [active] = await db.select({ n: count() }).from(ambassadors).where(and(eq(ambassadors.organisationId, organisationId), eq(ambassadors.status, 'active')));
  await auditInsert(db, organisationId, actor, { action: 'charter.published', target: { type: 'charter', id: row.id }, after: { version: row.version, mustAccept: active?.n ?? 0 } }, now);
  return toCharterDto({ ...row, acceptedBy: 0 });
}

/** A page of who accepted `version` (active ambassadors), most recent acceptance first; 404 for an unknown version. */
export async function listCharterAcceptances(db: Db, organisationId: string, version: number, page: { limit: number; cursor?: string | undefined }) {
  const published = await db.select({ id: charters.id }).from(charters).where(and(eq(charters.organisationId, organisationId), eq(charters.version, version))).get();
  if (!published) throw new ApiError('not_found', `No charter version ${version}.`);
  const { where, orderBy } = pageClauses({ createdAt: charterAcceptances.acceptedAt, id: charterAcceptances.ambassadorId }, page.cursor);
  const rows = await db
    .select({ id: charterAcceptances.ambassadorId, name: ambassadors.name, createdAt: charterAcceptances.acceptedAt })
    .from(charterAcceptances)
    .innerJoin(ambassadors, eq(ambassadors.id, charterAcceptances.ambassadorId))
    .where(and(eq(charterAcceptances.organisationId, organisationId), eq(charterAcceptances.version, version), eq(ambassadors.status, 'active'), where))
    .orderBy(...orderBy)
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (row): CharterAcceptance => ({ ambassadorId: row.id, name: row.name, acceptedAt: iso(row.createdAt) }));
}
