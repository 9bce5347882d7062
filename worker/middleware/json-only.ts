import { createMiddleware } from 'hono/factory';
import { ApiError } from '../lib/errors';
import type { AppEnv } from '../env';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/**
 * Refuses a request body that is not JSON (400 `invalid_json`) instead of silently reading it as `{}`.
 *
 * @example
 * api.use('*', jsonOnly());
 */
export function jsonOnly() {
  return createMiddleware<AppEnv>(async function requireJson(c, next) {
    const length = Number(c.req.header('content-length') ?? (c.req.header('transfer-encoding') ? 1 : 0));
    if (WITH_BODY.has(c.req.method) && length > 0 && !JSON_TYPE.test(c.req.header('content-type') ?? '')) {
      throw new ApiError('invalid_json', 'The body must be JSON, sent with `Content-Type: application/json`.');
    }
    await next();
  });
}
