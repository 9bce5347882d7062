import { sha256Hex } from './encoding';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random base62 secret from the CSPRNG (rejection sampling keeps characters uniform). */
export function randomSecret(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** The stored form of a session token, invitation token or API key: its SHA-256, hex. */
export function hashToken(token: string): Promise<string> {
  return sha256Hex(token);
}
