/**
 * Fixed-window counters in D1. Keys are SHA-256 hashes of what they count (an e-mail, a client), so the
 * table never holds an address or an IP.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { rateLimits } from '../../db/schema';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { hashToken } from '../lib/tokens';

export interface Limit {
  key: string;
  max: number;
  windowMs: number;
}

const windowOf = (limit: Limit, now: number) => Math.floor(now / limit.windowMs) * limit.windowMs;

/** Throws `429 rate_limited` with `Retry-After` when any of `limits` is already used up in its window. */
export async function assertUnderLimits(db: Db, limits: Limit[], now = Date.now()): Promise<void> {
  const keys = await Promise.all(limits.map((l) => hashToken(l.key)));
  const rows = await db.select().from(rateLimits).where(inArray(rateLimits.key, keys));
  for (const [i, limit] of limits.entries()) {
    const row = rows.find((r) => r.key === keys[i]);
    const start = windowOf(limit, now);
    if (row && row.windowStart === start && row.count >= limit.max) {
      const retryAfter = Math.max(1, Math.ceil((start + limit.windowMs - now) / 1000));
      throw new ApiError('rate_limited', `Too many attempts. Try again in ${retryAfter} seconds.`, undefined, { 'Retry-After': String(retryAfter) });
    }
  }
}

/** Counts one more event against each of `limits`. */
export async function countAgainst(db: Db, limits: Limit[], now = Date.now()): Promise<void> {
  // Hash first: a drizzle query is a thenable, so building it inside an async callback would run it.
  const keys = await Promise.all(limits.map((l) => hashToken(l.key)));
  const statements = limits.map((limit, i) =>
    db
      .insert(rateLimits)
      .values({ key: keys[i] ?? '', windowStart: windowOf(limit, now), count: 1 })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.count} + 1 else 1 end`,
          windowStart: sql`excluded.window_start`,
        },
      }),
  );
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}

/** Forgets a counter (a successful sign-in clears the account's failures). */
export async function resetLimit(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, await hashToken(key)));
}
