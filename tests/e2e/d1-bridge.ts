/**
 * The browser tests' window on the Worker's D1: the SQL Worker (scripts/http-d1.ts) that runs in the same
 * Miniflare as the Worker, bound to the same database, on a socket of its own. Setup and test files (other
 * processes) reach it with plain `fetch`, so no second workerd ever opens the same SQLite files and no call
 * goes through Miniflare's synchronous proxy.
 */
import { drizzle } from 'drizzle-orm/d1';
import * as schema from '../../db/schema';
import { httpD1 } from '../../scripts/http-d1';

/** The D1 binding behind the SQL Worker at `url`. */
export function workerD1(url: string): D1Database {
  return httpD1((body) => fetch(url, { method: 'POST', body }));
}

/** A drizzle database over the SQL Worker at `url`. */
export function bridgedDb(url: string) {
  return drizzle(workerD1(url), { schema });
}

export type BridgedDb = ReturnType<typeof bridgedDb>;
