/**
 * Password hashing with PBKDF2-SHA256 (WebCrypto). workerd refuses more than 100 000 iterations, so
 * that is the count used; the record keeps its own count so it can be raised later without breaking logins.
 */
import { fromBase64Url, toBase64Url } from './encoding';

export const PBKDF2_ITERATIONS = 100_000;
const SCHEME = 'pbkdf2-sha256';

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256));
}

/** A self-describing record: `pbkdf2-sha256$<iterations>$<salt>$<hash>` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, PBKDF2_ITERATIONS);
  return [SCHEME, PBKDF2_ITERATIONS, toBase64Url(salt), toBase64Url(hash)].join('$');
}

/** Checks a password against its record in constant time; false for any malformed record. */
export async function verifyPassword(password: string, record: string): Promise<boolean> {
  const [scheme, iterations, saltText, hashText] = record.split('$');
  const salt = fromBase64Url(saltText ?? '');
  const expected = fromBase64Url(hashText ?? '');
  const count = Number(iterations);
  if (scheme !== SCHEME || !salt || !expected || !Number.isInteger(count) || count < 1 || count > PBKDF2_ITERATIONS) return false;
  const actual = await derive(password, salt, count);
  return timingSafeEqual(actual, expected);
}

/** Compares two byte arrays without an early exit. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** A hash that costs as much as a real check, for unknown accounts (no timing oracle on emails). */
export const DUMMY_PASSWORD_RECORD = `${SCHEME}$${PBKDF2_ITERATIONS}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
