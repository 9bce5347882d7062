/**
 * The browser tests' window on the Worker's D1. The one Miniflare that serves the Worker owns the
 * database; test files (other processes) query it through this loopback bridge with drizzle's
 * sqlite-proxy driver, so no second workerd ever opens the same SQLite files while the Worker runs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { drizzle } from 'drizzle-orm/sqlite-proxy';
import * as schema from '../../db/schema';

type Method = 'run' | 'all' | 'values' | 'get';
interface Query {
  sql: string;
  params: unknown[];
  method: Method;
}

/** Serves `db` on 127.0.0.1 (an ephemeral port); answers `{ rows }` as sqlite-proxy expects, or 500 `{ error }`. */
export async function serveD1(db: D1Database): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    try {
      let body = '';
      for await (const chunk of req) body += chunk;
      const { sql, params, method } = JSON.parse(body) as Query;
      const statement = db.prepare(sql).bind(...params);
      const rows = method === 'run' ? (await statement.run(), []) : method === 'get' ? ((await statement.raw())[0] ?? null) : await statement.raw();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ rows }));
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A drizzle database over the bridge at `url`. */
export function bridgedDb(url: string) {
  return drizzle(
    async (sql, params, method) => {
      const res = await fetch(url, { method: 'POST', body: JSON.stringify({ sql, params, method } satisfies Query) });
      const answer = (await res.json()) as { rows: unknown[] | null; error?: string };
      if (!res.ok) throw new Error(`D1 bridge: ${answer.error}`);
      // `get` without a row answers null; drizzle reads `undefined` as "no row".
      return { rows: answer.rows ?? (undefined as unknown as unknown[]) };
    },
    { schema },
  );
}

export type BridgedDb = ReturnType<typeof bridgedDb>;
