/**
 * Idempotency-Key handling after the IETF draft (draft-ietf-httpapi-idempotency-key-header): the first
 * request with a key is processed and its answer stored for at least 24 h; the same key with the same
 * body replays that answer, with another body answers 422 `idempotency_key_reused`, and while the first
 * is still being processed answers 409 `conflict`.
 *
 * A key cannot stick: the request processing it holds a lease, and once the lease has expired (the request
 * died) the next request reclaims the key in one atomic upsert. A request writes its final answer only while
 * it still holds its lease, ideally in the same batch as the work itself (`finishStatement`), so a stored
 * answer always matches what was committed.
 */
import { and, eq, lt, or, type SQL } from 'drizzle-orm';
import { idempotencyKeys } from '../../db/schema';
import type { Db } from '../lib/db';
import { sha256Hex } from '../lib/encoding';
import { ApiError } from '../lib/errors';

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** How long a request owns a key it is processing; a conversion takes well under a second. */
export const IDEMPOTENCY_LEASE_MS = 30_000;

export interface StoredAnswer {
  status: number;
  body: unknown;
}

/** A key held while its request is processed: `expiresAt` also identifies this holder. */
export interface Lease {
  organisationId: string;
  key: string;
  expiresAt: number;
}

const rowOf = (lease: Pick<Lease, 'organisationId' | 'key'>) => and(eq(idempotencyKeys.organisationId, lease.organisationId), eq(idempotencyKeys.key, lease.key));
const held = (lease: Lease) => and(rowOf(lease), eq(idempotencyKeys.state, 'processing'), eq(idempotencyKeys.leaseExpiresAt, lease.expiresAt));

/**
 * Takes the key for this request: a new key, a key whose holder's lease expired, or a key older than 24 h.
 * Otherwise answers the stored answer (`replay`), or throws 422 for another body, 409 while a live lease holds it.
 */
export async function claimKey(db: Db, organisationId: string, key: string, request: unknown, now = Date.now()): Promise<{ lease: Lease } | { replay: StoredAnswer }> {
  const requestHash = await sha256Hex(JSON.stringify(request));
  const expiresAt = now + IDEMPOTENCY_LEASE_MS;
  const [claimed] = await db
    .insert(idempotencyKeys)
    .values({ organisationId, key, requestHash, state: 'processing', leaseExpiresAt: expiresAt, createdAt: now })
    .onConflictDoUpdate({
      target: [idempotencyKeys.organisationId, idempotencyKeys.key],
      set: { requestHash, state: 'processing', status: null, response: null, leaseExpiresAt: expiresAt, createdAt: now },
      setWhere: or(and(eq(idempotencyKeys.state, 'processing'), lt(idempotencyKeys.leaseExpiresAt, now)), lt(idempotencyKeys.createdAt, now - IDEMPOTENCY_TTL_MS)),
    })
    .returning({ leaseExpiresAt: idempotencyKeys.leaseExpiresAt });
  if (claimed) return { lease: { organisationId, key, expiresAt } };
  const seen = await db.select().from(idempotencyKeys).where(rowOf({ organisationId, key })).get();
  if (!seen) throw new ApiError('conflict', 'This Idempotency-Key is being released; retry.');
  if (seen.requestHash !== requestHash) throw new ApiError('idempotency_key_reused', 'This Idempotency-Key was used with a different body.', 'Idempotency-Key');
  if (seen.state === 'processing') throw new ApiError('conflict', 'A request with this Idempotency-Key is still being processed; retry later.');
  return { replay: { status: seen.status ?? 200, body: JSON.parse(seen.response ?? 'null') } };
}

/**
 * The statement storing the final answer, effective only while `lease` still holds the key (and `when`, if given,
 * is true): batch it with the work it answers for.
 *
 * @example
 * await db.batch([insertConversion, finishStatement(db, lease, 201, JSON.stringify(dto))]);
 */
export function finishStatement(db: Db, lease: Lease, status: number, response: string | SQL, when?: SQL) {
  return db.update(idempotencyKeys).set({ state: 'done', status, response }).where(and(held(lease), when));
}

/** Frees a key whose request failed on our side, so a retry need not wait for the lease. */
export async function releaseKey(db: Db, lease: Lease): Promise<void> {
  await db.delete(idempotencyKeys).where(held(lease));
}

/**
 * Runs `work` at most once per organisation × key; returns its answer, or the stored one (`replayed`). `work`
 * should write its answer itself, in its own batch, with `finishStatement(db, lease, …)`; an answer it did not
 * write (a client error, a repeat) is written after, while the lease still holds.
 */
export async function once(db: Db, organisationId: string, key: string, request: unknown, work: (lease: Lease) => Promise<StoredAnswer>, now = Date.now()): Promise<StoredAnswer & { replayed: boolean }> {
  const claim = await claimKey(db, organisationId, key, request, now);
  if ('replay' in claim) return { ...claim.replay, replayed: true };
  const { lease } = claim;
  let answer: StoredAnswer;
  try {
    answer = await work(lease);
  } catch (error) {
    // A client error is an answer too, and is replayed; anything else frees the key for a retry.
    if (!(error instanceof ApiError) || error.status >= 500) {
      await releaseKey(db, lease).catch(() => undefined);
      throw error;
    }
    answer = { status: error.status, body: error.toJSON() };
  }
  await finishStatement(db, lease, answer.status, JSON.stringify(answer.body));
  return { ...answer, replayed: false };
}

