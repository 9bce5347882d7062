/**
 * The hot path: `GET /{slug}` → 302. One cached lookup and one HMAC; everything about the click
 * (visitor hash, queue hand-off) runs after the response, in `waitUntil`, and can never fail it.
 * The entry point calls it before Hono: a short link needs none of the app's routing or middleware.
 */
import { signClickId } from './lib/click-id';
import { getDb } from './lib/db';
import { newId } from './lib/ids';
import { sendClick } from './services/click-sink';
import { describeHit } from './services/describe-hit';
import { resolveLink } from './services/link-targets';
import { trackedUrl, untrackedUrl } from './services/tracking-url';

/** First path segments that are never slugs (API.md). */
export const RESERVED = new Set(['api', 'admin', 'me', 'a', 'assets', '_astro', 'r.js', 'privacy', 'favicon.ico', 'robots.txt', 'health']);

export const HEADERS = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'strict-origin-when-cross-origin' };
const NOT_FOUND_PAGE = `<!doctype html><html lang="fr"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Lien introuvable · Link not found</title><main><h1>Lien introuvable</h1><p lang="en">This link does not exist.</p></main></html>`;

/** `scheme://host/{slug}`, a query allowed: matched on the raw URL, since parsing it costs more than the match. */
const SLUG_URL = /^https?:\/\/[^/?#]+\/([A-Za-z0-9_-]{4,64})(?:\?|$)/;

/** The slug of a request for a short link (`GET`/`HEAD /{slug}`, not a reserved path), or null. */
export function shortLinkSlug(req: Request): string | null {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  const slug = SLUG_URL.exec(req.url)?.[1];
  return slug && !RESERVED.has(slug) ? slug : null;
}

/** Answers a short link: 302 to the tracked target, or a small 404 page. */
export async function redirect(req: Request, env: Env, ctx: ExecutionContext, slug: string): Promise<Response> {
  const now = Date.now();
  const link = await resolveLink(getDb(env.DB), slug, now);
  if (!link) return notFoundPage();
  if (req.headers.get('sec-gpc') === '1' || req.headers.get('dnt') === '1') {
    if (req.method === 'GET') ctx.waitUntil(sendClick(env, { id: newId('opt'), linkId: link.linkId, organisationId: link.organisationId, at: now, optout: true }));
    return new Response(null, { status: 302, headers: { Location: untrackedUrl(link), ...HEADERS } });
  }
  const clickId = await signClickId(env.CLICK_SIGNING_KEY, link.linkId, now);
  // HEAD redirects like GET but counts nothing (link checkers, prefetchers).
  if (req.method === 'GET') ctx.waitUntil(describeHit(env, req, link, clickId, now).then((event) => sendClick(env, event)).catch(logDropped));
  return new Response(null, { status: 302, headers: { Location: trackedUrl(link, clickId), ...HEADERS } });
}

/** The small 404 page for an unknown slug or path. */
export function notFoundPage(): Response {
  return new Response(NOT_FOUND_PAGE, { status: 404, headers: { 'Content-Type': 'text/html; charset=UTF-8', ...HEADERS } });
}

function logDropped(error: unknown): void {
  console.error('click not described', String(error));
}
