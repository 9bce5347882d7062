// @ts-check
import { defineConfig } from 'astro/config';
import solid from '@astrojs/solid-js';
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { securityHeaders } from './integrations/security-headers.mjs';

/**
 * Serves the interactive API reference (`/api/docs`) offline: Scalar's standalone bundle is copied
 * from node_modules into the assets at build time instead of being loaded from a CDN.
 * @returns {import('astro').AstroIntegration}
 */
function scalarBundle() {
  return {
    name: 'relais:scalar-bundle',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        // The browser bundle is not in the package's exports map: find it beside the main entry (dist/).
        const main = createRequire(import.meta.url).resolve('@scalar/api-reference');
        const source = new URL('browser/standalone.js', pathToFileURL(main));
        const target = new URL('assets/scalar/', dir);
        await mkdir(target, { recursive: true });
        await copyFile(source, new URL('standalone.js', target));
      },
    },
  };
}

/**
 * The admin and ambassador pages: a static build served by the Worker's static assets
 * (wrangler.toml `[assets] directory = "dist/site"`). Run from the repo root with `astro build --root admin`.
 */
export default defineConfig({
  output: 'static',
  outDir: '../dist/site',
  // Pages live under src/pages/admin/ and are served at /admin/…: one folder per page, so every URL ends in `/`.
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [solid(), scalarBundle(), securityHeaders()],
  // Keep Astro's and Vite's caches in the root node_modules rather than creating admin/node_modules.
  cacheDir: '../node_modules/.astro/admin',
  vite: { cacheDir: '../node_modules/.vite/admin' },
  devToolbar: { enabled: false },
});
