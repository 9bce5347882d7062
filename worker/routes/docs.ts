import { Scalar } from '@scalar/hono-api-reference';
import type { Context, Hono } from 'hono';
import { openAPIRouteHandler } from 'hono-openapi';
import { collectInlineSources, contentSecurityPolicy, ICON_LINK } from '../lib/content-security-policy';
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

// No default fonts: Scalar would fetch them from its own CDN, a third party the policy refuses.
const scalarPage = Scalar<AppEnv>({ url: '/api/openapi.json', cdn: '/assets/scalar/standalone.js', pageTitle: 'Relais API', withDefaultFonts: false });

/** The page's policy, computed once per isolate from its (constant) inline scripts and styles. */
let docsPolicy: Promise<string> | undefined;

function policyOf(html: string): Promise<string> {
  docsPolicy ??= (async () => {
    const sources = { scripts: new Set<string>(), styles: new Set<string>() };
    await collectInlineSources(html, sources);
    // Scalar injects its styles at run time, so styles cannot be listed by hash; scripts stay hashed.
    return contentSecurityPolicy({ scripts: [...sources.scripts], styles: ["'unsafe-inline'"] });
  })();
  return docsPolicy;
}

/**
 * The interactive reference, served with Scalar's bundle from the site's own assets (works offline), under
 * the same kind of policy as every other page.
 */
export async function docsPage(c: Context<AppEnv>): Promise<Response> {
  const page = await scalarPage(c, async () => undefined);
  if (!(page instanceof Response)) throw new Error('the API reference rendered nothing');
  const html = (await page.text()).replace('<head>', `<head>${ICON_LINK}`);
  const response = new Response(html, page);
  response.headers.set('Content-Security-Policy', await policyOf(html));
  response.headers.set('X-Frame-Options', 'DENY');
  return response;
}
