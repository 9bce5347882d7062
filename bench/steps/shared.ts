/**
 * What the step Workers share: the app's slug route, headers and `describeHit`, imported from the worker
 * itself so the steps measure the real code. Each step adds one piece of the redirect to the one
 * before it, so the difference in CPU per request between two steps is the cost of that piece.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../worker/env';
import { SLUG_ROUTE } from '../../worker/redirect';

export { HEADERS } from '../../worker/redirect';
export { describeHit } from '../../worker/services/describe-hit';

/** A Worker with the app's short-link route (same pattern, same Hono), answering with `handler`. */
export function slugWorker(handler: (c: Context<AppEnv>, slug: string) => Response | Promise<Response>): ExportedHandler<Env> {
  const app = new Hono<AppEnv>().on(['GET', 'HEAD'], SLUG_ROUTE, (c) => handler(c, c.req.param('slug')));
  return { fetch: app.fetch };
}
