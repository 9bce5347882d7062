import { toBase64Url } from './encoding';

/** Byte length of the random part of every id. A link id's bytes are embedded in its click ids. */
export const ID_BYTES = 12;

/** Opaque, type-prefixed id: `lnk_` + 16 base64url characters (96 random bits). */
export function newId(prefix: string): string {
  return `${prefix}_${toBase64Url(crypto.getRandomValues(new Uint8Array(ID_BYTES)))}`;
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random base62 slug (API.md: random slugs are at least 7 characters). */
export function randomSlug(length = 8): string {
  // 248 = 4 × 62: rejecting bytes ≥ 248 keeps every character equally likely.
  let out = '';
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}
