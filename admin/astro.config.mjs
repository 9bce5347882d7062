// @ts-check
import { defineConfig } from 'astro/config';
import solid from '@astrojs/solid-js';

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
  integrations: [solid()],
  // Keep Astro's and Vite's caches in the root node_modules rather than creating admin/node_modules.
  cacheDir: '../node_modules/.astro/admin',
  vite: { cacheDir: '../node_modules/.vite/admin' },
  devToolbar: { enabled: false },
});
