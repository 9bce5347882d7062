import { Hono } from 'hono';
import { getDb } from '../lib/db';
import { sessionTokenOf } from '../lib/cookies';
import { signInPageFor, subjectForPage } from '../lib/page-access';
import { markPageSession, withoutValidators } from '../lib/page-session';
import { findSession } from '../services/sessions';
import type { AppEnv } from '../env';

/**
 * The admin's and the ambassador's pages (`/admin/*`, `/me/*`; wrangler.toml `run_worker_first`): a
 * page that needs a session and has none answers a 302 to where one is opened; every other request is
 * the static asset (whose security headers come from the build's `_headers`), a page marked with the session
 * it was served to (lib/page-session.ts).
 */
export const pages = new Hono<AppEnv>().on(['GET', 'HEAD'], ['/admin/*', '/me/*'], async (c) => {
  const url = new URL(c.req.url);
  const isPage = url.pathname.endsWith('/');
  const subject = subjectForPage(url.pathname);
  const token = isPage ? sessionTokenOf(c.req.header('cookie') ?? null) : undefined;
  const session = token ? await findSession(getDb(c.env.DB), token) : undefined;
  if (subject && session?.subjectType !== subject) {
    return c.body(null, 302, { Location: signInPageFor(subject, url.pathname + url.search), 'Cache-Control': 'no-store' });
  }
  const asset = await c.env.ASSETS.fetch(isPage ? withoutValidators(c.req.raw) : c.req.raw);
  const isHtml = isPage && asset.ok && (asset.headers.get('content-type') ?? '').startsWith('text/html');
  // The same URL answers a page or a redirect depending on the cookie: no shared cache may keep either.
  const response = new Response(asset.body, asset);
  response.headers.set('Cache-Control', 'private, no-cache');
  response.headers.append('Vary', 'Cookie');
  if (url.protocol === 'https:') response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  if (!isHtml) return response;
  response.headers.delete('ETag');
  return markPageSession(response, session?.subjectType ?? 'none');
});
