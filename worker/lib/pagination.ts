/**
 * Keyset pagination, newest first: the cursor is the `(created_at, id)` of the last item, base64url
 * JSON, opaque to clients. It stays stable while rows are added, unlike an offset.
 */
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { fromBase64Url, toBase64Url } from './encoding';
import { ApiError } from './errors';

interface Position {
  at: number;
  id: string;
}

function encodeCursor(position: Position): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify([position.at, position.id])));
}

function decodeCursor(cursor: string): Position {
  try {
    const bytes = fromBase64Url(cursor);
    const [at, id] = JSON.parse(new TextDecoder().decode(bytes ?? new Uint8Array())) as unknown[];
    if (typeof at === 'number' && typeof id === 'string') return { at, id };
  } catch {
    // fall through to the error below
  }
  throw new ApiError('validation_failed', 'cursor is not valid: pass back the nextCursor of a previous page', 'cursor');
}

/** The where-clause and ordering for one page of a table ordered by `(createdAt, id)` descending. */
export function pageClauses(columns: { createdAt: SQLiteColumn; id: SQLiteColumn }, cursor: string | undefined): { where: SQL | undefined; orderBy: SQL[] } {
  const orderBy = [desc(columns.createdAt), desc(columns.id)];
  if (!cursor) return { where: undefined, orderBy };
  const { at, id } = decodeCursor(cursor);
  return { where: or(lt(columns.createdAt, at), and(eq(columns.createdAt, at), lt(columns.id, id))), orderBy };
}

/** Builds `{ items, nextCursor }` from `limit + 1` rows. */
export function toPage<Row extends { createdAt: number; id: string }, Item>(rows: Row[], limit: number, toItem: (row: Row) => Item): { items: Item[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(toItem), nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
}
