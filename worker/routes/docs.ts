import { Scalar } from '@scalar/hono-api-reference';
import type { Hono } from 'hono';
import { openAPIRouteHandler } from 'hono-openapi';
import { SESSION_COOKIE } from '../lib/cookies';
import type { AppEnv } from '../env';

/** The OpenAPI 3.1 document generated from the routes' valibot schemas. */
export function openApiDocument(api: Hono<AppEnv>) {
  return openAPIRouteHandler(api, {
    // Validation failures answer our own 422 envelope (documented per route), never hono-openapi's 400 shape.
    defaultValidationErrorResponse: false,
    // `/api/v1/exports/kpis.csv` ends in a file extension, which hono-openapi would otherwise skip.
    excludeStaticFile: false,
    documentation: {
      openapi: '3.1.0',
      info: {
        title: 'Relais API',
        version: '1.0.0',
        description: 'Employee advocacy at the edge: management, conversions and KPIs. Errors are `{"error": {"code", "message", "field"?}}`.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: '/', description: 'This deployment' }],
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key `rl_…` with the scopes the call needs.' },
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session cookie set by login or by accepting an invitation.' },
          operatorToken: { type: 'http', scheme: 'bearer', description: 'The deployment’s OPERATOR_TOKEN secret.' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
  });
}

/** The interactive reference, served with Scalar's bundle from the site's own assets (works offline). */
export const docsPage = Scalar<AppEnv>({ url: '/api/openapi.json', cdn: '/assets/scalar/standalone.js', pageTitle: 'Relais API' });
