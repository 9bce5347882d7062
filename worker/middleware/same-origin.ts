import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../lib/errors';
import type { AppEnv } from '../env';

/** True when the request carries this site's own `Origin`, as browsers send it on every same-origin write. */
export function fromSiteOrigin(c: Context<AppEnv>): boolean {
  return c.req.header('origin') === new URL(c.req.url).origin;
}

/** The 403 of a write that a browser may have sent on another site's behalf (CSRF). */
export function crossSiteRefused(): ApiError {
  return new ApiError('forbidden', 'Cross-site request refused: this write must carry this site’s Origin header.');
}

/**
 * Refuses a write that opens a session (sign-in, accepting an invitation) unless it carries the site's own
 * `Origin`, whether or not a cookie came with it: another site cannot swap a visitor's session (login CSRF).
 *
 * @example
 * auth.post('/login', sameOrigin(), jsonBody(LoginBodySchema), handler)
 */
export function sameOrigin() {
  return createMiddleware<AppEnv>(async function checkOrigin(c, next) {
    if (!fromSiteOrigin(c)) throw crossSiteRefused();
    await next();
  });
}
