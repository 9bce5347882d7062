import type { Caller } from './lib/caller';
import type { Db } from './lib/db';

/** Hono's environment for every route: the bindings from wrangler.toml and the per-request variables. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    db: Db;
    /** Null when the request carries no valid credential. */
    caller: Caller | null;
  };
}
