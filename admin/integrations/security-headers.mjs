import { appendFile, readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { collectInlineSources, contentSecurityPolicy, PAGE_HEADERS } from '../../worker/lib/content-security-policy.ts';

/** The site's pages: every path under them gets the policy (Workers Static Assets `_headers`). */
const PAGE_PATTERNS = ['/admin/*', '/me/*'];

async function* htmlFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(full);
    else if (entry.name.endsWith('.html')) yield full;
  }
}

/**
 * The Content-Security-Policy of the built pages, with the hash of each inline script and style the build
 * emitted (Astro's island loader, Solid's hydration), so no `unsafe-inline`.
 * @param {string} dir the build's output directory
 */
export async function pagePolicy(dir) {
  const sources = { scripts: new Set(), styles: new Set() };
  for await (const file of htmlFiles(dir)) await collectInlineSources(await readFile(file, 'utf8'), sources);
  return contentSecurityPolicy({ scripts: [...sources.scripts].sort(), styles: [...sources.styles].sort() });
}

/**
 * Appends the security headers of every page to the build's `_headers`: the policy above, `nosniff`
 * and a referrer policy. (HSTS is added by the Worker, which knows whether the request came over HTTPS.)
 * @returns {import('astro').AstroIntegration}
 */
export function securityHeaders() {
  return {
    name: 'relais:security-headers',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const out = fileURLToPath(dir);
        const policy = await pagePolicy(out);
        const headers = { 'Content-Security-Policy': policy, ...PAGE_HEADERS };
        const block = (pattern) => `${pattern}\n${Object.entries(headers).map(([name, value]) => `  ${name}: ${value}\n`).join('')}`;
        await appendFile(path.join(out, '_headers'), `\n${PAGE_PATTERNS.map(block).join('')}`);
      },
    },
  };
}
