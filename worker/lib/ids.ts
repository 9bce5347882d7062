import { toBase64Url } from './encoding';
import { randomSecret } from './tokens';

/** Byte length of the random part of every id. A link id's bytes are embedded in its click ids. */
export const ID_BYTES = 12;

/** Opaque, type-prefixed id: `lnk_` + 16 base64url characters (96 random bits). */
export function newId(prefix: string): string {
  return `${prefix}_${toBase64Url(crypto.getRandomValues(new Uint8Array(ID_BYTES)))}`;
}

/** A random base62 slug (API.md: random slugs are at least 7 characters). */
export function randomSlug(length = 8): string {
  return randomSecret(length);
}
