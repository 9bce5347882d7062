/**
 * Opens the local D1 (binding `DB` of wrangler.toml) from Node: the same SQLite files `wrangler dev` and
 * `wrangler d1 … --local` use, reached through a SQL Worker (scripts/http-d1.ts). Never while a Worker runs on
 * the same files: one workerd owns a database at a time.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Log, LogLevel, Miniflare } from 'miniflare';
import { d1DatabaseId, readVarsFile, ROOT } from './bundled-worker';
import { httpD1, sqlWorkerOptions } from './http-d1';

export interface LocalD1 {
  db: D1Database;
  /** The local CLICK_SIGNING_KEY (from .dev.vars, else .dev.vars.example), so seeded click ids verify. */
  signingKey: string;
  dispose: () => Promise<void>;
}

/**
 * Opens the D1 that `wrangler dev` and `wrangler d1 … --local` see.
 * @param persistTo the directory wrangler's `--persist-to` names (default `.wrangler/state`);
 *   wrangler keeps its data in `<persistTo>/v3`.
 */
export async function openLocalD1(persistTo = '.wrangler/state'): Promise<LocalD1> {
  const mf = new Miniflare({
    ...sqlWorkerOptions(d1DatabaseId()),
    defaultPersistRoot: path.join(path.resolve(ROOT, persistTo), 'v3'),
    // No Request.cf to download: offline, that printed a stack trace at every start.
    cf: false,
    log: new Log(LogLevel.WARN),
  });
  await mf.ready;
  const vars = readVarsFile(existsSync(path.join(ROOT, '.dev.vars')) ? '.dev.vars' : '.dev.vars.example');
  return {
    db: httpD1((body) => mf.dispatchFetch('http://sql.local/', { method: 'POST', body }) as unknown as Promise<Response>),
    signingKey: vars.CLICK_SIGNING_KEY ?? '',
    dispose: () => mf.dispose(),
  };
}
