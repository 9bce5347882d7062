/**
 * What ships, gzipped: the Worker bundle (budget 300 KB) and, per page of the site, the JavaScript a first
 * visit loads before any interaction — inline scripts, the island components and renderers, and every module
 * they import statically (dynamic `import()`s, such as the dashboard's chart, load later and are not counted).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGETS_KB = { worker: 300, '/admin/': 80, '/me/share/': 30 } as const;

const gz = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

/** Gzipped size of the bundle's entry (`index.js`) and its other modules, source maps excluded. */
export function workerBundleGzip(dir: string): number {
  return readdirSync(dir)
    .filter((f) => /\.(m?js|wasm)$/.test(f))
    .reduce((sum, f) => sum + gz(readFileSync(path.join(dir, f))), 0);
}

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g;
const PAGE_SCRIPTS = /(?:component-url|renderer-url|src)="(\/_astro\/[^"]+\.js)"/g;
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;

/** The static import closure of `entries` under the site root. */
function closure(site: string, entries: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(path.join(site, file), 'utf8');
    for (const [, spec = ''] of text.matchAll(STATIC_IMPORT)) queue.push(path.posix.join(path.posix.dirname(file), spec));
  }
  return seen;
}

/** Gzipped JavaScript of each page (`/admin/…/`, `/me/…/`), each module counted once per page. */
export function pageScriptsGzip(site: string): Record<string, number> {
  const sizes: Record<string, number> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'index.html') {
        const html = readFileSync(full, 'utf8');
        const modules = closure(site, [...html.matchAll(PAGE_SCRIPTS)].map((m) => m[1] ?? ''));
        const inline = [...html.matchAll(INLINE_SCRIPT)].map((m) => m[1] ?? '').join('');
        const page = `/${path.relative(site, dir).split(path.sep).join('/')}/`;
        sizes[page] = [...modules].reduce((sum, f) => sum + gz(readFileSync(path.join(site, f))), gz(inline));
      }
    }
  };
  walk(path.join(site, 'admin'));
  walk(path.join(site, 'me'));
  return sizes;
}
