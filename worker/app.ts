/** Builds the Hono app: health, the `/api` sub-app, and the short-link route last. */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError, codeForStatus } from './lib/errors';
import type { AppEnv } from './env';
import { notFoundPage, redirect } from './redirect';
import { health } from './routes/health';

export const api = new Hono<AppEnv>();

export const app = new Hono<AppEnv>()
  .route('/health', health)
  .route('/api', api)
  .all('/api/*', () => {
    throw new ApiError('not_found', 'No such endpoint.');
  })
  .on(['GET', 'HEAD'], '/:slug{[A-Za-z0-9_-]{4,64}}', (c) => redirect(c, c.req.param('slug')));

app.notFound(notFoundPage);

app.onError((error, c) => {
  if (error instanceof ApiError) return c.json(error.toJSON(), error.status, error.headers);
  if (error instanceof HTTPException) {
    const apiError = new ApiError(codeForStatus(error.status), error.message || 'Request refused.');
    return c.json(apiError.toJSON(), apiError.status);
  }
  console.error('unhandled error', { path: c.req.path, error: error instanceof Error ? error.stack : String(error) });
  return c.json(new ApiError('internal_error', 'Something went wrong on our side.').toJSON(), 500);
});

export type ApiType = typeof api;
