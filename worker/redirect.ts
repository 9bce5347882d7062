/**
 * The hot path: `GET /{slug}` → 302. One cached lookup and one HMAC; everything about the click
 * (visitor hash, queue hand-off) runs after the response, in `waitUntil`, and can never fail it.
 */
import type { Context } from 'hono';
import type { ClickEvent } from './lib/click-event';
import { signClickId } from './lib/click-id';
import { sessionTokenOf } from './lib/cookies';
import { getDb } from './lib/db';
import { sha256Hex } from './lib/encoding';
import { newId } from './lib/ids';
import { sendClick } from './services/click-sink';
import { resolveLink, type LinkTarget } from './services/link-targets';
import { trackedUrl, untrackedUrl } from './services/tracking-url';
import { visitorHash } from './services/visitors';
import type { AppEnv } from './env';

/** First path segments that are never slugs (API.md). */
export const RESERVED = new Set(['api', 'admin', 'me', 'a', 'assets', '_astro', 'r.js', 'privacy', 'favicon.ico', 'robots.txt', 'health']);

const HEADERS = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'strict-origin-when-cross-origin' };
const NOT_FOUND_PAGE = `<!doctype html><html lang="fr"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Lien introuvable · Link not found</title><main><h1>Lien introuvable</h1><p lang="en">This link does not exist.</p></main></html>`;

/** Answers a short link: 302 to the tracked target, or a small 404 page. */
export async function redirect(c: Context<AppEnv>, slug: string): Promise<Response> {
  const now = Date.now();
  const link = RESERVED.has(slug) ? null : await resolveLink(getDb(c.env.DB), slug, now);
  if (!link) return notFoundPage(c);
  const req = c.req.raw;
  if (req.headers.get('sec-gpc') === '1' || req.headers.get('dnt') === '1') {
    if (req.method === 'GET') c.executionCtx.waitUntil(sendClick(c.env, { id: newId('opt'), linkId: link.linkId, organisationId: link.organisationId, at: now, optout: true }));
    return new Response(null, { status: 302, headers: { Location: untrackedUrl(link), ...HEADERS } });
  }
  const clickId = await signClickId(c.env.CLICK_SIGNING_KEY, link.linkId, now);
  // HEAD redirects like GET but counts nothing (link checkers, prefetchers).
  if (req.method === 'GET') c.executionCtx.waitUntil(describeHit(c.env, req, link, clickId, now).then((event) => sendClick(c.env, event)).catch(logDropped));
  return new Response(null, { status: 302, headers: { Location: trackedUrl(link, clickId), ...HEADERS } });
}

/** The small 404 page for an unknown slug or path. */
export function notFoundPage(c: Context<AppEnv>): Response {
  return c.html(NOT_FOUND_PAGE, 404, HEADERS);
}

/** The facts of one hit, computed after the response has left. */
async function describeHit(env: Env, req: Request, link: LinkTarget, id: string, at: number): Promise<ClickEvent> {
  const userAgent = (req.headers.get('user-agent') ?? '').slice(0, 256);
  const cf = req.cf as IncomingRequestCfProperties | undefined;
  const session = sessionTokenOf(req.headers.get('cookie'));
  return {
    id,
    linkId: link.linkId,
    organisationId: link.organisationId,
    at,
    visitor: await visitorHash(getDb(env.DB), { ip: req.headers.get('cf-connecting-ip') ?? '', userAgent, organisationId: link.organisationId, at }),
    userAgent: userAgent || undefined,
    refererHost: hostOf(req.headers.get('referer')),
    country: typeof cf?.country === 'string' ? cf.country : undefined,
    asn: typeof cf?.asn === 'number' ? cf.asn : undefined,
    session: session ? await sha256Hex(session) : undefined,
  };
}

function hostOf(referer: string | null): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).hostname || undefined;
  } catch {
    return undefined;
  }
}

function logDropped(error: unknown): void {
  console.error('click not described', String(error));
}
