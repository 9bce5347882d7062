/**
 * Idempotency-Key handling after the IETF draft (draft-ietf-httpapi-idempotency-key-header): the first
 * request with a key is processed and its answer stored for at least 24 h; the same key with the same
 * body replays that answer, with another body answers 422 `idempotency_key_reused`, and while the first
 * is still being processed answers 409 `conflict`.
 */
import { and, eq, lt } from 'drizzle-orm';
import { idempotencyKeys } from '../../db/schema';
import type { Db } from '../lib/db';
import { sha256Hex } from '../lib/encoding';
import { ApiError } from '../lib/errors';

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

export interface StoredAnswer {
  status: number;
  body: unknown;
}

/** Runs `work` at most once per organisation × key; returns its answer, or the stored one (`replayed`). */
export async function once(db: Db, organisationId: string, key: string, request: unknown, work: () => Promise<StoredAnswer>, now = Date.now()): Promise<StoredAnswer & { replayed: boolean }> {
  const requestHash = await sha256Hex(JSON.stringify(request));
  const where = and(eq(idempotencyKeys.organisationId, organisationId), eq(idempotencyKeys.key, key));
  await db.delete(idempotencyKeys).where(and(where, lt(idempotencyKeys.createdAt, now - IDEMPOTENCY_TTL_MS)));
  const [claimed] = await db.insert(idempotencyKeys).values({ organisationId, key, requestHash, state: 'processing', createdAt: now }).onConflictDoNothing().returning();
  if (!claimed) {
    const seen = await db.select().from(idempotencyKeys).where(where).get();
    if (!seen) throw new ApiError('conflict', 'This Idempotency-Key is being released; retry.');
    if (seen.requestHash !== requestHash) throw new ApiError('idempotency_key_reused', 'This Idempotency-Key was used with a different body.', 'Idempotency-Key');
    if (seen.state === 'processing') throw new ApiError('conflict', 'A request with this Idempotency-Key is still being processed; retry later.');
    return { status: seen.status ?? 200, body: JSON.parse(seen.response ?? 'null'), replayed: true };
  }
  let answer: StoredAnswer;
  try {
    answer = await work();
  } catch (error) {
    // A client error is an answer too, and is replayed; anything else frees the key for a retry.
    if (error instanceof ApiError && error.status < 500) answer = { status: error.status, body: error.toJSON() };
    else {
      await db.delete(idempotencyKeys).where(where);
      throw error;
    }
  }
  await db.update(idempotencyKeys).set({ state: 'done', status: answer.status, response: JSON.stringify(answer.body) }).where(where);
  return { ...answer, replayed: false };
}

/** Deletes keys older than 24 h (cron). */
export async function purgeIdempotencyKeys(db: Db, now = Date.now()): Promise<number> {
  return (await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, now - IDEMPOTENCY_TTL_MS))).meta.changes;
}
