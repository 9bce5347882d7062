import { createMiddleware } from 'hono/factory';
import { getDb } from '../lib/db';
import type { AppEnv } from '../env';

/**
 * Puts a drizzle handle on `c.var.db` for the API routes.
 *
 * @example
 * api.use('*', db());
 */
export function db() {
  return createMiddleware<AppEnv>(async function attachDb(c, next) {
    c.set('db', getDb(c.env.DB));
    await next();
  });
}
