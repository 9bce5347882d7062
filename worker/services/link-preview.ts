/** A content's preview card, read from its page's Open Graph tags by the Worker (never by a browser). */
import type { ContentPreview } from '../../db/schema';
import { fetchPublic, readAtMost } from '../lib/public-fetch';
import { isPublicUrl } from '../lib/public-url';

/** The most of a page read: the `<head>` of any sane page fits well within it. */
export const MAX_PAGE_BYTES = 256 * 1024;
const MAX_TITLE = 200;
const MAX_DESCRIPTION = 500;
const MAX_IMAGE_URL = 2048;
// Text gathered per field while parsing, before trimming: a hostile page's 200 KB <title> stays bounded.
const MAX_GATHERED = 4096;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', ndash: '–', mdash: '—', laquo: '«', raquo: '»' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Entities decoded, control characters and runs of white space collapsed, trimmed and cut at `max` characters. */
function cleanText(raw: string | undefined, max: number): string | null {
  if (!raw) return null;
  const text = decodeEntities(raw).replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  if (!text) return null;
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('').trimEnd()}…` : text;
}

/** The image URL resolved against the page, kept only when it is itself a public address of at most 2 KB. */
function cleanImage(raw: string | undefined, pageUrl: string): string | null {
  if (!raw) return null;
  try {
    const href = new URL(decodeEntities(raw).trim(), pageUrl).href;
    return href.length <= MAX_IMAGE_URL && isPublicUrl(href) ? href : null;
  } catch {
    return null;
  }
}

/** Reads the tags of an HTML head (the first value of each wins). */
async function readTags(html: Uint8Array): Promise<Map<string, string>> {
  const tags = new Map<string, string>();
  const keep = (key: string, value: string | null) => {
    if (value !== null && !tags.has(key)) tags.set(key, value.slice(0, MAX_GATHERED));
  };
  let title = '';
  await new HTMLRewriter()
    .on('meta', {
      element(meta) {
        const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').trim().toLowerCase();
        if (key) keep(key, meta.getAttribute('content'));
      },
    })
    .on('title', {
      text(chunk) {
        if (title.length < MAX_GATHERED) title += chunk.text;
      },
    })
    .transform(new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }))
    .arrayBuffer();
  keep('title', title);
  return tags;
}

const HEAD_END = new TextEncoder().encode('</head');

function holdsHeadEnd(chunk: Uint8Array): boolean {
  outer: for (let i = 0; i + HEAD_END.length <= chunk.length; i++) {
    for (let j = 0; j < HEAD_END.length; j++) if (((chunk[i + j] ?? 0) | 0x20) !== HEAD_END[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The preview of the page at `url`: `og:title`, `og:description`, `og:image`, else `<title>`, the description
 * meta tag and `twitter:image`. Null when the page cannot be fetched (not public, too slow, not HTML) or says nothing.
 */
export async function readLinkPreview(url: string, now = Date.now()): Promise<ContentPreview | null> {
  const fetched = await fetchPublic(url, 'text/html,application/xhtml+xml;q=0.9');
  if (!fetched) return null;
  const type = fetched.response.headers.get('content-type') ?? '';
  if (!/^\s*(text\/html|application\/xhtml\+xml)\s*(;|$)/i.test(type)) {
    await fetched.response.body?.cancel();
    return null;
  }
  const page = await readAtMost(fetched.response.body, MAX_PAGE_BYTES, holdsHeadEnd);
  if (!page) return null;
  const tags = await readTags(page.bytes);
  const preview = {
    title: cleanText(tags.get('og:title') || tags.get('title'), MAX_TITLE),
    description: cleanText(tags.get('og:description') || tags.get('description'), MAX_DESCRIPTION),
    image: cleanImage(tags.get('og:image') || tags.get('og:image:url') || tags.get('twitter:image'), fetched.url),
    fetchedAt: now,
  };
  return preview.title || preview.description || preview.image ? preview : null;
}
