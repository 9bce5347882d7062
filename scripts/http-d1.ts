/**
 * D1 from Node, asynchronously, through a tiny Worker that owns the binding. Miniflare's own D1 proxies
 * (`getPlatformProxy`, `mf.getD1Database`) make `prepare()` and `bind()` synchronous calls through a worker
 * thread that can wake before its answer has arrived (its `postMessage` races its `Atomics.notify`): under
 * load a seed or a test then died on `assert(message?.id === id)`. Here every statement is one plain
 * `fetch`, answered inside workerd by the real binding.
 */
import type { WorkerOptions } from 'miniflare';

/** The Worker that runs statements for Node: `POST` `{op, sql, params}` or `{op: 'batch', statements}`. */
export const SQL_WORKER_SCRIPT = /* javascript */ `
export default {
  async fetch(request, env) {
    const body = await request.json();
    const bound = (s) => env.DB.prepare(s.sql).bind(...s.params);
    try {
      let result;
      if (body.op === 'batch') result = await env.DB.batch(body.statements.map(bound));
      else if (body.op === 'all') result = await bound(body).all();
      else if (body.op === 'run') result = await bound(body).run();
      else if (body.op === 'raw') result = await bound(body).raw(body.options);
      else if (body.op === 'first') result = await bound(body).first(body.column);
      else return Response.json({ error: 'unknown op ' + body.op }, { status: 400 });
      return Response.json({ result: result ?? null });
    } catch (error) {
      return Response.json({ error: String(error && error.message || error) }, { status: 500 });
    }
  },
};
`;

/** The SQL Worker's options, bound to the D1 database `databaseId` (the same storage as the Worker's `DB`). */
export function sqlWorkerOptions(databaseId: string): WorkerOptions & { name: string } {
  return { name: 'sql', modules: true, script: SQL_WORKER_SCRIPT, compatibilityDate: '2025-01-01', d1Databases: { DB: databaseId } };
}

type Send = (body: string) => Promise<Response>;

interface Statement {
  sql: string;
  params: unknown[];
}

async function call<T>(send: Send, body: object): Promise<T> {
  const res = await send(JSON.stringify(body));
  const answer = (await res.json()) as { result?: T; error?: string };
  if (!res.ok) throw new Error(`D1: ${answer.error ?? res.status}`);
  return answer.result as T;
}

/** A prepared statement that only runs when one of its methods is awaited, like D1's. */
class HttpStatement implements Statement {
  constructor(
    private readonly send: Send,
    readonly sql: string,
    readonly params: unknown[] = [],
  ) {}
  bind(...params: unknown[]) {
    return new HttpStatement(this.send, this.sql, params);
  }
  all() {
    return call(this.send, { op: 'all', sql: this.sql, params: this.params });
  }
  run() {
    return call(this.send, { op: 'run', sql: this.sql, params: this.params });
  }
  raw(options?: { columnNames?: boolean }) {
    return call(this.send, { op: 'raw', sql: this.sql, params: this.params, options });
  }
  first(column?: string) {
    return call(this.send, { op: 'first', sql: this.sql, params: this.params, column });
  }
}

/** A `D1Database` whose statements travel through `send` to the SQL Worker. */
export function httpD1(send: Send): D1Database {
  const db = {
    prepare: (sql: string) => new HttpStatement(send, sql),
    batch: (statements: Statement[]) => call(send, { op: 'batch', statements: statements.map(({ sql, params }) => ({ sql, params })) }),
  };
  return db as unknown as D1Database;
}
