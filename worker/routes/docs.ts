import { Scalar } from '@scalar/hono-api-reference';
import type { Context, Hono } from 'hono';
import { openAPIRouteHandler } from 'hono-openapi';
import { collectInlineSources, contentSecurityPolicy, ICON_LINK } from '../lib/content-security-policy';
import { SESSION_COOKIE } from '../lib/cookies';
import { errorResponses, IDEMPOTENCY_KEY, idempotencyKeyParameter } from '../lib/openapi';
import { R_JS_GUIDE } from '../lib/r-js-guide';
import type { AppEnv } from '../env';

const BODY_LIMITED = { responses: errorResponses('payload_too_large') };

const INTRODUCTION =
  'Employee advocacy at the edge: management, conversions and KPIs. Errors are `{"error": {"code", "message", "field"?}}`. ' +
  'Each operation names who may call it (`security`): an API key with one of the scopes listed, or a session cookie of one of the roles listed.';

/** The OpenAPI 3.1 document generated from the routes' valibot schemas. */
export function openApiDocument(api: Hono<AppEnv>) {
  return openAPIRouteHandler(api, {
    // Validation failures answer our own 422 envelope (documented per route), never hono-openapi's 400 shape.
    defaultValidationErrorResponse: false,
    // `/api/v1/exports/kpis.csv` ends in a file extension, which hono-openapi would otherwise skip.
    excludeStaticFile: false,
    // Every request with a body passes the `/api` body limit (app.ts), so every operation taking one can answer 413.
    defaultOptions: { POST: BODY_LIMITED, PATCH: BODY_LIMITED, PUT: BODY_LIMITED },
    documentation: {
      openapi: '3.1.0',
      info: {
        title: 'Relais API',
        version: '1.0.0',
        description: `${INTRODUCTION}\n${R_JS_GUIDE}`,
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: '/', description: 'This deployment' }],
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key `rl_…`; an operation lists the scopes that reach it (`conversions:write`, `kpis:read`, `admin`), any one of them sufficing.' },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description: 'The session cookie set by login or by accepting an invitation; an operation lists the roles that reach it (`owner`, `editor`, `analyst`, `ambassador`), any one of them sufficing.',
          },
          operatorToken: { type: 'http', scheme: 'bearer', description: 'The deployment’s OPERATOR_TOKEN secret.' },
        },
        parameters: { [IDEMPOTENCY_KEY]: idempotencyKeyParameter() },
      },
    },
  });
}

/**
 * Nothing from a third party: no default fonts (Scalar fetches them from its own CDN; the page uses system fonts),
 * no "Ask AI" agent, no developer toolbar ("Deploy", "Share"), no telemetry. Scalar shows the agent and the toolbar
 * by default on localhost (`agent.disabled`, `showDeveloperTools` in @scalar/types' configuration). The 1.46 line is
 * the last whose packages support Node 20, and has no "Generate MCP" button to hide.
 */
const scalarPage = Scalar<AppEnv>({
  url: '/api/openapi.json',
  cdn: '/assets/scalar/standalone.js',
  pageTitle: 'Relais API',
  withDefaultFonts: false,
  customCss: ':root { --scalar-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; --scalar-font-code: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }',
  agent: { disabled: true },
  showDeveloperTools: 'never',
  telemetry: false,
});

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
