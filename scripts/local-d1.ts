/**
 * Opens the local D1 (binding `DB` of wrangler.toml) from Node, through wrangler's platform proxy.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { getPlatformProxy } from 'wrangler';

export interface LocalD1 {
  db: D1Database;
  /** The local CLICK_SIGNING_KEY (from .dev.vars, else .dev.vars.example), so seeded click ids verify. */
  signingKey: string;
  dispose: () => Promise<void>;
}

/**
 * Opens the D1 that `wrangler dev` and `wrangler d1 … --local` see.
 * @param persistTo the directory wrangler's `--persist-to` names (default `.wrangler/state`);
 *   wrangler keeps its data in `<persistTo>/v3`, which is what the platform proxy wants.
 */
export async function openLocalD1(persistTo = '.wrangler/state'): Promise<LocalD1> {
  const proxy = await getPlatformProxy<Pick<Env, 'DB' | 'CLICK_SIGNING_KEY'>>({
    configPath: 'wrangler.toml',
    envFiles: [existsSync('.dev.vars') ? '.dev.vars' : '.dev.vars.example'],
    persist: { path: path.join(path.resolve(persistTo), 'v3') },
    remoteBindings: false,
  });
  return { db: proxy.env.DB, signingKey: proxy.env.CLICK_SIGNING_KEY, dispose: proxy.dispose };
}
