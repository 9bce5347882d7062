/**
 * Self-verifying click ids (`rl_cid`): version, time, link and a random part, signed with
 * HMAC-SHA256 under `CLICK_SIGNING_KEY`. A conversion naming a click id can be attributed at once,
 * before the click row lands, and a forged or altered id fails verification.
 *
 * Layout (37 bytes → 50 base64url characters):
 *   [0]      version (1)
 *   [1..7)   time, epoch ms, big-endian (6 bytes)
 *   [7..19)  the link id's 12 random bytes
 *   [19..25) random (48 bits: unique per link and millisecond)
 *   [25..37) HMAC-SHA256 of bytes 0..25, truncated to 96 bits
 */
import { fromBase64Url, toBase64Url } from './encoding';
import { ID_BYTES } from './ids';

const VERSION = 1;
const BODY = 1 + 6 + ID_BYTES + 6;
const MAC = 12;
const LINK_PREFIX = 'lnk_';

export interface ClickIdFacts {
  linkId: string;
  at: number;
}

const keys = new Map<string, Promise<CryptoKey>>();

/** The HMAC key of `secret`, imported once per isolate; a missing key or a failed import is never cached. */
function signingKey(secret: string): Promise<CryptoKey> {
  if (typeof secret !== 'string' || secret.length === 0) return Promise.reject(new Error('CLICK_SIGNING_KEY is not set'));
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    keys.set(secret, key);
    key.catch(() => keys.delete(secret));
  }
  return key;
}

async function mac(secret: string, body: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign('HMAC', await signingKey(secret), body), 0, MAC);
}

/** Creates the signed click id for a hit on `linkId` at `at` (epoch ms). */
export async function signClickId(secret: string, linkId: string, at: number): Promise<string> {
  const link = fromBase64Url(linkId.slice(LINK_PREFIX.length));
  if (!linkId.startsWith(LINK_PREFIX) || link?.length !== ID_BYTES) throw new Error(`not a link id: ${linkId}`);
  const bytes = new Uint8Array(BODY + MAC);
  bytes[0] = VERSION;
  new DataView(bytes.buffer).setUint16(1, Math.floor(at / 2 ** 32));
  new DataView(bytes.buffer).setUint32(3, at % 2 ** 32);
  bytes.set(link, 7);
  crypto.getRandomValues(bytes.subarray(7 + ID_BYTES, BODY));
  bytes.set(await mac(secret, bytes.subarray(0, BODY)), BODY);
  return toBase64Url(bytes);
}

/** Verifies a click id; returns its link and time, or null when it is malformed, forged or altered. */
export async function verifyClickId(secret: string, clickId: string): Promise<ClickIdFacts | null> {
  const bytes = typeof clickId === 'string' && clickId.length <= 64 ? fromBase64Url(clickId) : null;
  // Only the canonical encoding is accepted, so one click has exactly one id string.
  if (bytes?.length !== BODY + MAC || bytes[0] !== VERSION || toBase64Url(bytes) !== clickId) return null;
  const expected = await mac(secret, bytes.subarray(0, BODY));
  // Constant-time comparison: the difference is accumulated over every byte.
  let diff = 0;
  for (let i = 0; i < MAC; i++) diff |= (expected[i] ?? 0) ^ (bytes[BODY + i] ?? 0);
  if (diff !== 0) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const at = view.getUint16(1) * 2 ** 32 + view.getUint32(3);
  return { linkId: LINK_PREFIX + toBase64Url(bytes.subarray(7, 7 + ID_BYTES)), at };
}
