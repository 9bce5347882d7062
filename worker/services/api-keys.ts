/** API keys for companies' systems: the secret is shown once and stored only as its SHA-256. */
import { and, eq, sql } from 'drizzle-orm';
import { apiKeys } from '../../db/schema';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { newId } from '../lib/ids';
import { pageClauses, toPage } from '../lib/pagination';
import { iso, isoOrNull } from '../lib/time';
import { hashToken, randomSecret } from '../lib/tokens';
import type { ApiKey, CreateApiKeyBody } from '../schemas/api-keys';
import { auditInsert, type AuditActor } from './audit-log';

type ApiKeyRow = typeof apiKeys.$inferSelect;

/** Maps a row to the API shape (never the hash). */
export function toApiKeyDto(row: ApiKeyRow): ApiKey {
  return { id: row.id, name: row.name, scopes: row.scopes, prefix: row.prefix, createdAt: iso(row.createdAt), lastUsedAt: isoOrNull(row.lastUsedAt), revokedAt: isoOrNull(row.revokedAt) };
}

/** A page of the organisation's keys, revoked ones included, newest first. */
export async function listApiKeys(db: Db, organisationId: string, page: { limit: number; cursor?: string | undefined }) {
  const { where, orderBy } = pageClauses(apiKeys, page.cursor);
  const rows = await db.select().from(apiKeys).where(and(eq(apiKeys.organisationId, organisationId), where)).orderBy(...orderBy).limit(page.limit + 1);
  return toPage(rows, page.limit, toApiKeyDto);
}

/** Creates a key and returns it with its secret, `rl_` + 40 base62 characters, which is never shown again. */
export async function createApiKey(db: Db, actor: AuditActor, organisationId: string, input: CreateApiKeyBody, now = Date.now()) {
  const secret = `rl_${randomSecret(40)}`;
  const row = { id: newId('key'), organisationId, name: input.name, scopes: input.scopes, secretHash: await hashToken(secret), prefix: secret.slice(0, 8), createdAt: now, lastUsedAt: null, revokedAt: null };
  await db.batch([
    db.insert(apiKeys).values(row),
    auditInsert(db, organisationId, actor, { action: 'api_key.created', target: { type: 'api_key', id: row.id }, after: { name: row.name, scopes: row.scopes, prefix: row.prefix } }, now),
  ]);
  return { ...toApiKeyDto(row), secret };
}

/** Revokes a key at once; revoking again keeps the first revocation time (and logs nothing). 404 for another organisation's key. */
export async function revokeApiKey(db: Db, actor: AuditActor, organisationId: string, id: string, now = Date.now()): Promise<void> {
  const key = await db.select({ name: apiKeys.name, revokedAt: apiKeys.revokedAt }).from(apiKeys).where(and(eq(apiKeys.organisationId, organisationId), eq(apiKeys.id, id))).get();
  if (!key) throw new ApiError('not_found', 'No such API key.');
  if (key.revokedAt !== null) return;
  await db.batch([
    db.update(apiKeys).set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, ${now})` }).where(and(eq(apiKeys.organisationId, organisationId), eq(apiKeys.id, id))),
    auditInsert(db, organisationId, actor, { action: 'api_key.revoked', target: { type: 'api_key', id }, before: { name: key.name, revokedAt: null }, after: { name: key.name, revokedAt: iso(now) } }, now),
  ]);
}
