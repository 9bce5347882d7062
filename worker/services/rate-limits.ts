/**
 * Rate limits in D1, counted before they are decided: each attempt increments its counter in one atomic
 * batch and is refused when the count passes the limit, so concurrent attempts cannot exceed it. Counts
 * slide: the previous window's count weighs in by the share of it still within the last `windowMs`, so a
 * burst across a window's edge gets no second allowance. A counter's key is an HMAC under a random secret
 * of the day, never a plain hash of an e-mail or an IP; ended windows and past days' secrets are purged.
 */
import { eq, inArray, lt, lte, sql } from 'drizzle-orm';
import { rateLimitSecrets, rateLimits } from '../../db/schema';
import type { Db } from '../lib/db';
import { toHex } from '../lib/encoding';
import { ApiError } from '../lib/errors';
import { randomSecret } from '../lib/tokens';

/** What is counted (`key`, e.g. `login:client:<clientKey>`), how many per window, and the window. */
export interface Limit {
  key: string;
  max: number;
  /** A divisor of a day (a minute, 15 minutes, an hour…), so every window lies within one day's secret. */
  windowMs: number;
}

const DAY_MS = 86_400_000;
const PURGE_BATCH = 1_000;
const PURGE_ROUNDS = 50;

const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);
const windowOf = (limit: Limit, now: number) => Math.floor(now / limit.windowMs) * limit.windowMs;

const secrets = new Map<string, Promise<CryptoKey>>();

/** The day's HMAC key, created on first use; the same for every isolate (the first insert wins). */
function secretOf(db: Db, day: string, now: number): Promise<CryptoKey> {
  let secret = secrets.get(day);
  if (!secret) {
    secret = (async () => {
      const [row] = await db
        .insert(rateLimitSecrets)
        .values({ day, secret: randomSecret(43), createdAt: now })
        .onConflictDoUpdate({ target: rateLimitSecrets.day, set: { secret: sql`${rateLimitSecrets.secret}` } })
        .returning({ secret: rateLimitSecrets.secret });
      if (!row) throw new Error('rate-limit secret not stored');
      return crypto.subtle.importKey('raw', new TextEncoder().encode(row.secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    })();
    secret.catch(() => secrets.delete(day));
    for (const known of secrets.keys()) if (known < dayOf(now - 2 * DAY_MS)) secrets.delete(known);
    secrets.set(day, secret);
  }
  return secret;
}

/** The stored key of `limit`'s counter for the window starting at `windowStart`. */
async function counterKey(db: Db, limit: Limit, windowStart: number, now: number): Promise<string> {
  const secret = await secretOf(db, dayOf(windowStart), now);
  return toHex(await crypto.subtle.sign('HMAC', secret, new TextEncoder().encode(`${limit.key}\n${windowStart}`)));
}

async function countersOf(db: Db, limits: Limit[], now: number) {
  return Promise.all(
    limits.map(async (limit) => {
      if (!Number.isInteger(limit.windowMs) || limit.windowMs <= 0 || DAY_MS % limit.windowMs !== 0) throw new Error(`a window of ${limit.windowMs} ms does not divide a day`);
      const windowStart = windowOf(limit, now);
      const [current, previous] = await Promise.all([counterKey(db, limit, windowStart, now), counterKey(db, limit, windowStart - limit.windowMs, now)]);
      return { limit, windowStart, current, previous };
    }),
  );
}

/** When the sliding count of a limit refused at `now` falls back to its maximum, if nothing more is attempted. */
function retryAt(limit: Limit, windowStart: number, previous: number, current: number): number {
  const { max, windowMs } = limit;
  if (current <= max) return windowStart + windowMs * (1 - (max - current) / previous);
  return windowStart + windowMs + windowMs * (1 - max / current);
}

/**
 * Counts one attempt against every limit, atomically, then throws `429 rate_limited` with `Retry-After`
 * when any sliding count is now over its maximum (the attempt must then not be carried out).
 */
export async function consume(db: Db, limits: Limit[], now = Date.now()): Promise<void> {
  // Keys first: a drizzle query is a thenable, so building it inside an async callback would run it.
  const counters = await countersOf(db, limits, now);
  const statements = counters.flatMap(({ limit, windowStart, current, previous }) => [
    db
      .insert(rateLimits)
      .values({ key: current, windowStart, count: 1, expiresAt: windowStart + 2 * limit.windowMs })
      .onConflictDoUpdate({ target: rateLimits.key, set: { count: sql`${rateLimits.count} + 1` } })
      .returning({ count: rateLimits.count }),
    db.select({ count: rateLimits.count }).from(rateLimits).where(eq(rateLimits.key, previous)),
  ]);
  const [first, ...rest] = statements;
  if (!first) return;
  const results = await db.batch([first, ...rest]);
  let retry = 0;
  for (const [i, { limit, windowStart }] of counters.entries()) {
    const current = results[2 * i]?.[0]?.count ?? 0;
    const previous = results[2 * i + 1]?.[0]?.count ?? 0;
    const estimate = previous * (1 - (now - windowStart) / limit.windowMs) + current;
    if (estimate > limit.max) retry = Math.max(retry, retryAt(limit, windowStart, previous, current));
  }
  if (retry > 0) {
    const retryAfter = Math.max(1, Math.ceil((retry - now) / 1000));
    throw new ApiError('rate_limited', `Too many attempts. Try again in ${retryAfter} seconds.`, undefined, { 'Retry-After': String(retryAfter) });
  }
}

/** Takes back one attempt counted by `consume` (a successful sign-in is not a failure). */
export async function refund(db: Db, limits: Limit[], now = Date.now()): Promise<void> {
  const counters = await countersOf(db, limits, now);
  if (counters.length === 0) return;
  await db
    .update(rateLimits)
    .set({ count: sql`max(${rateLimits.count} - 1, 0)` })
    .where(inArray(rateLimits.key, counters.map((c) => c.current)));
}

/** Deletes counters no count weighs on any more, and secrets older than yesterday's (cron). */
export async function purgeEndedRateLimits(db: Db, now = Date.now()): Promise<number> {
  let purged = 0;
  for (let round = 0; round < PURGE_ROUNDS; round++) {
    const ended = db.select({ key: rateLimits.key }).from(rateLimits).where(lte(rateLimits.expiresAt, now)).limit(PURGE_BATCH);
    const { changes } = (await db.delete(rateLimits).where(inArray(rateLimits.key, ended))).meta;
    purged += changes;
    if (changes < PURGE_BATCH) break;
  }
  // Yesterday's secret keys the previous window just after midnight.
  const yesterday = dayOf(now - DAY_MS);
  purged += (await db.delete(rateLimitSecrets).where(lt(rateLimitSecrets.day, yesterday))).meta.changes;
  for (const day of secrets.keys()) if (day < yesterday) secrets.delete(day);
  return purged;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4Bytes(text: string): number[] | undefined {
  const bytes = IPV4.exec(text)?.slice(1).map(Number);
  return bytes && bytes.every((b) => b <= 255) ? bytes : undefined;
}

/** The eight 16-bit groups of an IPv6 address (zone dropped, `::` and a trailing IPv4 expanded). */
function ipv6Groups(text: string): number[] | undefined {
  const halves = (text.split('%')[0] ?? '').toLowerCase().split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups: number[] = [];
    for (const piece of part.split(':')) {
      const v4 = ipv4Bytes(piece);
      if (v4) groups.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      else if (/^[0-9a-f]{1,4}$/.test(piece)) groups.push(parseInt(piece, 16));
      else return undefined;
    }
    return groups;
  };
  const left = parse(halves[0] ?? '');
  const right = halves.length === 2 ? parse(halves[1] ?? '') : [];
  if (!left || !right) return undefined;
  if (halves.length === 1) return left.length === 8 ? left : undefined;
  const missing = 8 - left.length - right.length;
  return missing >= 1 ? [...left, ...new Array<number>(missing).fill(0), ...right] : undefined;
}

/**
 * The client a per-client limit counts: an IPv4 address as is, an IPv6 address by its /64 (one home or
 * office network, which a single client can fill with addresses), an IPv4-mapped IPv6 as its IPv4.
 */
export function clientKey(ip: string | null | undefined): string {
  const text = (ip ?? '').trim();
  if (ipv4Bytes(text)) return text.split('.').map(Number).join('.');
  const groups = text.length <= 64 ? ipv6Groups(text) : undefined;
  if (!groups) return 'unknown';
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [(groups[6] ?? 0) >> 8, (groups[6] ?? 0) & 255, (groups[7] ?? 0) >> 8, (groups[7] ?? 0) & 255].join('.');
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

/** API.md: conversions (and Dub-compatible tracking) are limited to 1 200 per API key per minute. */
export function perKeyLimit(scope: string, keyId: string): Limit {
  return { key: `${scope}:key:${keyId}`, max: 1200, windowMs: 60_000 };
}
