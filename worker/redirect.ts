/**
 * The hot path: `GET /{slug}` → 302. One cached lookup and one HMAC; everything about the click
 * (visitor hash, queue hand-off) runs after the response, in `waitUntil`, and can never fail it.
 * The entry point calls it before Hono: a short link needs none of the app's routing or middleware.
 * Error boundary: a lookup that fails answers a small 503 page, a click id that cannot be signed an
 * untracked redirect (the hit is still counted).
 */
import { signClickId } from './lib/click-id';
import { hasOptedOut } from './lib/cookies';
import { getDb } from './lib/db';
import { newId } from './lib/ids';
import { logError } from './lib/log';
import { HEADERS, notFoundPage, rateLimitedPage, unavailablePage } from './link-pages';
import { sendClick } from './services/click-sink';
import { describeHit } from './services/describe-hit';
import { resolveLink } from './services/link-targets';
import { clientKey } from './services/rate-limits';
import { trackedUrl } from './services/tracking-url';

export { HEADERS, notFoundPage };

/** First path segments that are never slugs (API.md). */
export const RESERVED = new Set(['api', 'admin', 'me', 'a', 'assets', '_astro', 'r.js', 'privacy', 'favicon.ico', 'robots.txt', 'health', 'feeds', '.well-known']);

/** `scheme://host/{slug}`, a query allowed: matched on the raw URL, since parsing it costs more than the match. */
const SLUG_URL = /^https?:\/\/[^/?#]+\/([A-Za-z0-9_-]{4,64})(?:\?|$)/;

/** The slug of a request for a short link (`GET`/`HEAD /{slug}`, not a reserved path), or null. */
export function shortLinkSlug(req: Request): string | null {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  const slug = SLUG_URL.exec(req.url)?.[1];
  return slug && !RESERVED.has(slug) ? slug : null;
}

/** Answers a short link: 302 to the tracked target, or a small 404, 429 or 503 page. */
export async function redirect(req: Request, env: Env, ctx: ExecutionContext, slug: string): Promise<Response> {
  const now = Date.now();
  const link = await resolveLink(getDb(env.DB), slug, now).catch(logFailure('link lookup failed'));
  if (link === undefined) return unavailablePage(req.url);
  if (!link) return unknownSlug(req, env);
  // HEAD redirects like GET but signs and counts nothing (link checkers, prefetchers).
  if (req.method === 'HEAD') return found(link.untracked);
  if (req.headers.get('sec-gpc') === '1' || req.headers.get('dnt') === '1' || hasOptedOut(req.headers.get('cookie'))) {
    ctx.waitUntil(sendClick(env, { id: newId('opt'), linkId: link.linkId, organisationId: link.organisationId, at: now, optout: true }));
    return found(link.untracked);
  }
  const clickId = await signClickId(env.CLICK_SIGNING_KEY, link.linkId, now).catch(logFailure('click id not signed'));
  ctx.waitUntil(describeHit(env, req, link, clickId ?? newId('clk'), now).then((event) => sendClick(env, event)).catch(logFailure('click not described')));
  return found(clickId ? trackedUrl(link, clickId) : link.untracked);
}

/** An unknown slug: 404, or 429 past 60 per client and minute (known links are never limited). */
async function unknownSlug(req: Request, env: Env): Promise<Response> {
  const ip = req.headers.get('cf-connecting-ip');
  // Cloudflare always sets the header; without it (local tools) there is no client to count.
  if (!ip) return notFoundPage(req.url);
  const outcome = await env.UNKNOWN_SLUGS.limit({ key: clientKey(ip) }).catch(logFailure('unknown-slug limit failed'));
  return outcome?.success === false ? rateLimitedPage(req.url) : notFoundPage(req.url);
}

function found(location: string): Response {
  return new Response(null, { status: 302, headers: { Location: location, ...HEADERS } });
}

/** Logs what failed (the error only, no request data; at most once a minute per kind in this isolate) and yields undefined. */
function logFailure(what: string) {
  return (error: unknown): undefined => {
    const now = Date.now();
    if ((lastLogged.get(what) ?? -Infinity) > now - 60_000) return undefined;
    lastLogged.set(what, now);
    logError(what, error);
    return undefined;
  };
}
const lastLogged = new Map<string, number>();
