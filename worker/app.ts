/** Builds the Hono app: health and the `/api` sub-app. Short links never reach it (`index.ts`). */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import { secureHeaders } from 'hono/secure-headers';
import { ApiError, codeForStatus } from './lib/errors';
import { logError } from './lib/log';
import { caller } from './middleware/caller';
import { db } from './middleware/db';
import { jsonOnly } from './middleware/json-only';
import { notFoundPage } from './redirect';
import { adminsRoutes } from './routes/admins';
import { ambassadorsRoutes } from './routes/ambassadors';
import { apiKeysRoutes } from './routes/api-keys';
import { auditLogRoutes } from './routes/audit-log';
import { campaignsRoutes } from './routes/campaigns';
import { chartersRoutes } from './routes/charters';
import { contentStatsRoutes, linksRoutes } from './routes/click-sources';
import { contentsRoutes } from './routes/contents';
import { conversionsRoutes } from './routes/conversions';
import { exportsRoutes } from './routes/exports';
import { kpisRoutes } from './routes/kpis';
import { leaderboardRoutes } from './routes/leaderboard';
import { meRoutes } from './routes/me';
import { auth } from './routes/auth';
import { docsPage, openApiDocument } from './routes/docs';
import { documentsRoutes } from './routes/documents';
import { meTransparencyRoutes } from './routes/transparency';
import { health } from './routes/health';
import { invitationsRoutes } from './routes/invitations';
import { operatorOrganisations, organisation } from './routes/organisations';
import { pages } from './routes/pages';
import { privacy } from './routes/privacy';
import type { AppEnv } from './env';

const MAX_BODY_BYTES = 1024 * 1024;

const v1 = new Hono<AppEnv>()
  .route('/organisations', operatorOrganisations)
  .route('/auth', auth)
  .route('/invitations', invitationsRoutes)
  .route('/organisation', organisation)
  .route('/admins', adminsRoutes)
  .route('/campaigns', campaignsRoutes)
  .route('/contents', contentsRoutes)
  .route('/contents', contentStatsRoutes)
  .route('/links', linksRoutes)
  .route('/charters', chartersRoutes)
  .route('/ambassadors', ambassadorsRoutes)
  .route('/api-keys', apiKeysRoutes)
  .route('/me/transparency', meTransparencyRoutes)
  .route('/me', meRoutes)
  .route('/leaderboard', leaderboardRoutes)
  .route('/conversions', conversionsRoutes)
  .route('/kpis', kpisRoutes)
  .route('/exports', exportsRoutes)
  .route('/audit-log', auditLogRoutes)
  .route('/documents', documentsRoutes);

export const api = new Hono<AppEnv>()
  .basePath('/api')
  .use(
    '*',
    requestId(),
    secureHeaders(),
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError('payload_too_large', 'The body is larger than 1 MB.');
      },
    }),
    jsonOnly(),
    db(),
    caller(),
  )
  .route('/v1', v1);

api.get('/openapi.json', openApiDocument(api));
api.get('/docs', docsPage);
api.all('*', () => {
  throw new ApiError('not_found', 'No such endpoint.');
});

/** Everything but short links, which the entry point answers before Hono (`redirect.ts`); the site's pages guarded (`routes/pages.ts`). */
export const app = new Hono<AppEnv>().route('/health', health).route('/privacy', privacy).route('/', pages).route('/', api);

app.notFound((c) => notFoundPage(c.req.url));

app.onError((error, c) => {
  if (error instanceof ApiError) return c.json(error.toJSON(), error.status, error.headers);
  if (error instanceof HTTPException) {
    const apiError = new ApiError(codeForStatus(error.status), error.message || 'Request refused.');
    return c.json(apiError.toJSON(), apiError.status);
  }
  // The route's pattern, never the path: a path can hold an invitation token.
  logError('unhandled error', error, { requestId: c.get('requestId'), method: c.req.method, route: routePath(c) });
  return c.json(new ApiError('internal_error', 'Something went wrong on our side.').toJSON(), 500);
});

export type ApiType = typeof api;
