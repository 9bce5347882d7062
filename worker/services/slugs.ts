/** Slugs derived from names and titles, unique within an organisation (campaigns, contents, …). */
import { and, eq, like } from 'drizzle-orm';
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

/**
 * `base` if the organisation has no row with it in `table`, else the first free `base-2`, `base-3`, …
 * (shortened so the result stays within 64 characters).
 */
export async function uniqueSlug(db: Db, table: SlugTable, organisationId: string, base: string): Promise<string> {
  // Every candidate starts with this prefix (suffixes up to -9999); a slug holds neither `%` nor `_`,
  // so the LIKE pattern matches literally.
  const prefix = base.slice(0, MAX_SLUG - 5);
  const rows = await db
    .select({ slug: table.slug })
    .from(table)
    .where(and(eq(table.organisationId, organisationId), like(table.slug, `${prefix}%`)));
  const taken = new Set(rows.map((row) => String(row.slug)));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_SLUG - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
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
