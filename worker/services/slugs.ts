/** Slugs derived from names and titles, unique within an organisation (campaigns, contents, …). */
import { and, eq, inArray } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';

const MAX_SLUG = 64;

// Letters NFKD does not decompose into an ASCII base (French and German texts use them).
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', þ: 'th' };

/** Lower-case ASCII letters, digits and single dashes, accents stripped, at most 64 characters; '' when nothing is left. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}/gu, '')
    .replace(/[œæßøłđþ]/g, (letter) => LIGATURES[letter] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG)
    .replace(/^-+|-+$/g, '');
}

/** A table with slugs unique per organisation. */
export type SlugTable = SQLiteTable & { slug: SQLiteColumn; organisationId: SQLiteColumn };

/** How many candidates (`base`, `base-2` … `base-20`) one query checks; 21 bound parameters in all. */
export const SLUG_CANDIDATES = 20;
const RANDOM_SUFFIX = 6;

/** `base` shortened (and stripped of a trailing dash) so that `base` + `suffix` fits in 64 characters. */
function withSuffix(base: string, suffix: string): string {
  return `${base.slice(0, MAX_SLUG - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** Six random lower-case letters or digits. */
function randomSuffix(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(RANDOM_SUFFIX)), (byte) => (byte % 36).toString(36)).join('');
}

/**
 * `base` if the organisation has no row with it in `table`, else the first free of `base-2` … `base-20`
 * (shortened so the result stays within 64 characters), else `base-` and six random characters.
 * One query on an exact list of candidates: no LIKE pattern (D1 refuses one over 50 bytes), a fixed
 * number of bound parameters whatever the name.
 */
export async function uniqueSlug(db: Db, table: SlugTable, organisationId: string, base: string): Promise<string> {
  const candidates = [base];
  for (let n = 2; n <= SLUG_CANDIDATES; n++) candidates.push(withSuffix(base, `-${n}`));
  const rows = await db
    .select({ slug: table.slug })
    .from(table)
    .where(and(eq(table.organisationId, organisationId), inArray(table.slug, candidates)));
  const taken = new Set(rows.map((row) => String(row.slug)));
  return candidates.find((candidate) => !taken.has(candidate)) ?? withSuffix(base, `-${randomSuffix()}`);
}

/** True when `error` (or its cause, as drizzle wraps D1 errors) is a UNIQUE constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e.message.includes('UNIQUE constraint failed')) return true;
  }
  return false;
}

/** Awaits an insert or update, turning a slug UNIQUE violation (a taken slug, or a race) into `409 conflict` on `slug`. */
export async function withUniqueSlug<T>(write: PromiseLike<T>, message: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApiError('conflict', message, 'slug');
    throw error;
  }
}
