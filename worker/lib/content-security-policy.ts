/**
 * The Content-Security-Policy of every HTML page Relais serves: the site's own scripts plus the hashes of the
 * inline ones its build or renderer emitted (never `unsafe-inline` scripts), no framing, no plugins.
 * The static site's policy is written into `_headers` at build time (admin/integrations/security-headers.mjs);
 * the Worker's own pages use it at run time.
 */
export interface PolicySources {
  /** `'sha256-…'` sources of the page's inline scripts; `'none'` for a page without any script. */
  scripts?: readonly string[] | 'none';
  /** `'sha256-…'` sources of inline `<style>` elements, or `'unsafe-inline'` for a page whose library injects styles. */
  styles?: readonly string[];
}

/** The policy text for a page with these inline sources. */
export function contentSecurityPolicy({ scripts = [], styles = [] }: PolicySources = {}): string {
  return [
    "default-src 'self'",
    scripts === 'none' ? "script-src 'none'" : ["script-src 'self'", ...scripts].join(' '),
    ["style-src 'self'", ...styles].join(' '),
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy of the Worker's small pages (404, 503, 429, `/privacy`): no script at all. */
export const WORKER_PAGE_POLICY = contentSecurityPolicy({ scripts: 'none', styles: ["'unsafe-inline'"] });

/** The headers every HTML page carries besides its policy (HSTS is added over HTTPS only). */
export const PAGE_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'strict-origin-when-cross-origin' } as const;

/** The site's icon (admin/public/favicon.svg), linked from every page so no browser asks for a missing /favicon.ico. */
export const ICON_LINK = '<link rel="icon" href="/favicon.svg" type="image/svg+xml">';

/** `Strict-Transport-Security`, for responses to HTTPS requests. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** The `'sha256-…'` source of an inline script or style body. */
export async function hashSource(body: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `'sha256-${btoa(binary)}'`;
}

/** Inline `<script>` and `<style>` elements (no `src`) of an HTML document. */
const INLINE = /<(script|style)(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/\1>/g;

/** The hash sources of every inline script and style of `html`, added to `into` (deduplicated). */
export async function collectInlineSources(html: string, into: { scripts: Set<string>; styles: Set<string> }): Promise<void> {
  for (const [, tag, body = ''] of html.matchAll(INLINE)) {
    if (body.trim()) (tag === 'script' ? into.scripts : into.styles).add(await hashSource(body));
  }
}
