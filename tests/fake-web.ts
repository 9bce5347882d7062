/**
 * A fake web at the platform's boundary: Miniflare's `outboundService` for the tests only, so every `fetch` the
 * Worker makes lands here and no test reaches the internet. It answers a few public-looking hosts with pages and
 * images that are friendly, slow, huge or hostile. Internal-looking hosts (IP literals, `localhost`, `*.local`,
 * `*.internal`, single labels) answer a "secret", so a test sees what a fetch that should have been refused
 * leaked; any other host gets a 502.
 */
import { Response, type Request } from 'miniflare';

/** The hosts this fake web answers. */
export const FAKE_NEWS = 'https://news.example.com';
export const FAKE_CDN = 'https://cdn.example.com';

/** A 1×1 PNG, the same bytes the tests expect back from the image proxy. */
export const PNG_BYTES = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

const html = (body: string, status = 200) => new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
const redirect = (location: string) => new Response(null, { status: 302, headers: { location } });
const image = (bytes: Uint8Array, type: string) => new Response(bytes, { headers: { 'content-type': type } });

const ARTICLE = `<!doctype html><html><head>
<title>Fallback title</title>
<meta property="og:title" content="Nous recrutons &amp; formons">
<meta property="og:description" content="Trois postes ouverts à Lyon, en CDI.">
<meta property="og:image" content="/cover.png">
</head><body><p>Article</p></body></html>`;

const PLAIN = `<!doctype html><html><head><title>  Plain   page </title>
<meta name="description" content="Described the old way">
<meta name="twitter:image" content="${FAKE_CDN}/cover.png">
</head><body></body></html>`;

const HOSTILE = `<html><head><title>${'T'.repeat(10_000)}</title>
<meta property="og:description" content="${'D'.repeat(10_000)}">
<meta property="og:image" content="http://127.0.0.1/secret.png">
</head></html>`;

/** 5 MB of page: the title first, the description past what the Worker reads. */
const HUGE = `<html><head><meta property="og:title" content="Huge page">${' '.repeat(300 * 1024)}<meta property="og:description" content="Too far">${' '.repeat(5 * 1024 * 1024)}</head></html>`;

const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';

/** A response that comes after the Worker's deadline (a slow server, not a sleep in a test). */
const late = (response: () => Response) => new Promise<Response>((resolve) => setTimeout(() => resolve(response()), 8000).unref());

const PAGES: Record<string, () => Response | Promise<Response>> = {
  [`${FAKE_NEWS}/article`]: () => html(ARTICLE),
  [`${FAKE_NEWS}/plain`]: () => html(PLAIN),
  [`${FAKE_NEWS}/other`]: () => html('<head><meta property="og:title" content="Another page"></head>'),
  [`${FAKE_NEWS}/hostile`]: () => html(HOSTILE),
  [`${FAKE_NEWS}/huge`]: () => html(HUGE),
  [`${FAKE_NEWS}/slow`]: () => late(() => html(ARTICLE)),
  [`${FAKE_NEWS}/not-html`]: () => new Response('<head><meta property="og:title" content="Read as HTML"></head>', { headers: { 'content-type': 'text/plain' } }),
  [`${FAKE_NEWS}/hop/1`]: () => redirect('/hop/2'),
  [`${FAKE_NEWS}/hop/2`]: () => redirect(`${FAKE_NEWS}/hop/3`),
  [`${FAKE_NEWS}/hop/3`]: () => redirect('/article'),
  [`${FAKE_NEWS}/hop/0`]: () => redirect('/hop/1'),
  [`${FAKE_NEWS}/to-loopback`]: () => redirect('http://127.0.0.1/'),
  [`${FAKE_NEWS}/to-metadata`]: () => redirect('http://169.254.169.254/latest/meta-data/'),
  [`${FAKE_NEWS}/cover.png`]: () => image(PNG_BYTES, 'image/png'),
  [`${FAKE_CDN}/cover.png`]: () => image(PNG_BYTES, 'image/png'),
  [`${FAKE_CDN}/logo.png`]: () => image(PNG_BYTES, 'image/png'),
  [`${FAKE_CDN}/lying.png`]: () => image(new TextEncoder().encode(SVG), 'image/png'),
  [`${FAKE_CDN}/logo.svg`]: () => image(new TextEncoder().encode(SVG), 'image/svg+xml'),
  [`${FAKE_CDN}/huge.png`]: () => image(Buffer.concat([PNG_BYTES, Buffer.alloc(5 * 1024 * 1024)]), 'image/png'),
  [`${FAKE_CDN}/to-private.png`]: () => redirect('http://10.0.0.7/cover.png'),
  [`${FAKE_CDN}/slow.png`]: () => late(() => image(PNG_BYTES, 'image/png')),
};

/** Pages that describe the image named in their query (`?image=…`), for the image tests. */
function pageWithImage(url: URL): Response {
  return html(`<head><meta property="og:title" content="With an image"><meta property="og:image" content="${url.searchParams.get('image') ?? ''}"></head>`);
}

/** The og:title every internal host answers: a test finding it in a preview caught a forged request. */
export const INTERNAL_SECRET = 'Internal secret';

function isInternalLooking(host: string): boolean {
  return host.startsWith('[') || /^[\d.]+$/.test(host) || !host.includes('.') || /\.(localhost|local|internal)$/.test(host);
}

function internal(url: URL): Response {
  if (url.pathname.endsWith('.png')) return image(PNG_BYTES, 'image/png');
  return html(`<head><meta property="og:title" content="${INTERNAL_SECRET}"><meta property="og:image" content="${FAKE_CDN}/cover.png"></head>`);
}

/** Miniflare's `outboundService`: answers the fake hosts and internal-looking ones, refuses every other one. */
export function fakeWeb(request: Request): Response | Promise<Response> {
  const url = new URL(request.url);
  if (isInternalLooking(url.hostname)) return internal(url);
  if (`${url.origin}${url.pathname}` === `${FAKE_NEWS}/with-image`) return pageWithImage(url);
  const page = PAGES[`${url.origin}${url.pathname}`];
  if (page) return page();
  return new Response(`fake web: nothing at ${url.origin}`, { status: url.origin === FAKE_NEWS || url.origin === FAKE_CDN ? 404 : 502 });
}
