/**
 * The small HTML pages a short link answers when it cannot redirect: unknown (404), too many unknown
 * slugs from one client (429) and the link's lookup failing (503). Never the platform's error page.
 */
import { HSTS, ICON_LINK, PAGE_HEADERS, WORKER_PAGE_POLICY } from './lib/content-security-policy';

/** Headers of every short-link answer (API.md: no-store, the referrer policy). */
export const HEADERS = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'strict-origin-when-cross-origin' };

/** Seconds before asking again after an unknown-slug limit (its window is a minute) or a failed lookup. */
export const RATE_LIMIT_RETRY_AFTER = 60;
export const UNAVAILABLE_RETRY_AFTER = 30;

const page = (title: string, fr: string, en: string) =>
  `<!doctype html><html lang="fr"><meta charset="utf-8"><meta name="viewport" content="width=device-width">${ICON_LINK}<title>${title}</title><main><h1>${fr}</h1><p lang="en">${en}</p>` +
  `<p><a href="/privacy">Vos données et la mesure des clics</a> · <a href="/privacy?lang=en" lang="en">Your data and click measurement</a></p></main></html>`;

const NOT_FOUND = page('Lien introuvable · Link not found', 'Lien introuvable', 'This link does not exist.');
const RATE_LIMITED = page('Trop de liens inconnus · Too many unknown links', 'Trop de liens inconnus', 'Too many unknown links from your network. Try again in a minute.');
const UNAVAILABLE = page('Lien momentanément indisponible · Link unavailable', 'Lien momentanément indisponible', 'This link cannot be opened right now. Try again in a moment.');

function htmlPage(body: string, status: number, requestUrl: string, extra: Record<string, string> = {}): Response {
  const headers: Record<string, string> = { ...PAGE_HEADERS, ...HEADERS, 'Content-Type': 'text/html; charset=UTF-8', 'Content-Security-Policy': WORKER_PAGE_POLICY, ...extra };
  if (requestUrl.startsWith('https:')) headers['Strict-Transport-Security'] = HSTS;
  return new Response(body, { status, headers });
}

/** The small 404 page for an unknown slug or path. */
export function notFoundPage(requestUrl: string): Response {
  return htmlPage(NOT_FOUND, 404, requestUrl);
}

/** 429 for a client past its unknown-slug limit. */
export function rateLimitedPage(requestUrl: string): Response {
  return htmlPage(RATE_LIMITED, 429, requestUrl, { 'Retry-After': String(RATE_LIMIT_RETRY_AFTER) });
}

/** 503 when a slug cannot be read at all (D1 down and the link not in this isolate's cache). */
export function unavailablePage(requestUrl: string): Response {
  return htmlPage(UNAVAILABLE, 503, requestUrl, { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER) });
}
