/**
 * Daily visitor hashes: SHA-256(daily salt ‖ IP ‖ user agent ‖ organisation). The salt is random per
 * UTC day, shared by every isolate through D1, and deleted after 48 h, so a hash can neither be
 * reversed nor linked across days. The IP is read here and never stored or sent anywhere.
 */
import { eq } from 'drizzle-orm';
import { dailySalts } from '../../db/schema';
import { dayOf } from '../lib/days';
import type { Db } from '../lib/db';
import { sha256Hex, toHex } from '../lib/encoding';

let current: { day: string; salt: Promise<string> } | undefined;

/** The salt of `day`, created on first use; read from D1 once per isolate and day. */
export function saltOf(db: Db, day: string, now: number): Promise<string> {
  if (current?.day !== day) {
    const salt = loadSalt(db, day, now);
    current = { day, salt };
    salt.catch(() => (current = undefined));
  }
  return current.salt;
}

async function loadSalt(db: Db, day: string, now: number): Promise<string> {
  const fresh = toHex(crypto.getRandomValues(new Uint8Array(32)));
  // Insert-if-absent then read, in one round trip: concurrent isolates all read the winner.
  const [, rows] = await db.batch([
    db.insert(dailySalts).values({ day, salt: fresh, createdAt: now }).onConflictDoNothing(),
    db.select({ salt: dailySalts.salt }).from(dailySalts).where(eq(dailySalts.day, day)),
  ]);
  const salt = rows[0]?.salt;
  if (!salt) throw new Error(`no salt for ${day}`);
  return salt;
}

/** The visitor hash of one request. */
export async function visitorHash(db: Db, input: { ip: string; userAgent: string; organisationId: string; at: number }): Promise<string> {
  const salt = await saltOf(db, dayOf(input.at), input.at);
  return sha256Hex(`${salt}\u0000${input.ip}\u0000${input.userAgent}\u0000${input.organisationId}`);
}
