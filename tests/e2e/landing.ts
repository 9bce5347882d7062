/**
 * A stand-in for the content's own site: answers any path with a tiny HTML page that echoes
 * its query string, so a test can read the tracking parameters where the browser landed.
 * Pages under `/shop/` are a company site using r.js: they load `<script src=…/r.js>` (once the
 * Worker's address is known, `setRelaisScript`), show a consent banner (Accept / Refuse calling
 * `Relais.consent`, remembered in localStorage and re-told on each page, as a consent manager does)
 * and link to each other (`/shop/job` → `/shop/apply`).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The landing server's host name. Content URLs may not name a loopback address or an IP (API.md), so the
 * browser maps this name to 127.0.0.1 (`--host-resolver-rules` in global-setup.ts).
 */
export const LANDING_HOST = 'landing.e2e.test';

export interface LandingServer {
  url: string;
  /** The r.js address the `/shop/` pages load, e.g. `http://127.0.0.1:40123/r.js`. */
  setRelaisScript: (src: string) => void;
  close: () => Promise<void>;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The shop's page: r.js, a consent banner and a link to the other page. */
function shopPage(pathname: string, relaisScript: string): string {
  return (
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Shop</title>` +
    (relaisScript ? `<script src="${escapeHtml(relaisScript)}"></script>` : '') +
    `<h1>Shop: ${escapeHtml(pathname)}</h1>` +
    `<div role="region" aria-label="Cookie consent"><p>May we measure where you came from?</p>` +
    `<button type="button" onclick="choose(true)">Accept</button> ` +
    `<button type="button" onclick="choose(false)">Refuse</button></div>` +
    // Like a consent manager: the choice is remembered and told to r.js again on every page.
    `<script>function choose(yes){localStorage.setItem('shop-consent',yes?'yes':'no');Relais.consent(yes)}` +
    `if(localStorage.getItem('shop-consent')==='yes')Relais.consent(true)</script>` +
    `<p><a href="/shop/apply">Apply</a> · <a href="/shop/job">Job</a></p></html>`
  );
}

/** Starts the landing server on 127.0.0.1 and a free port. */
export async function startLandingServer(): Promise<LandingServer> {
  let relaisScript = '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://landing.local');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    if (url.pathname.startsWith('/shop/')) {
      res.end(shopPage(url.pathname, relaisScript));
      return;
    }
    res.end(
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>Landing</title>` +
        `<h1>Landing page</h1><p>Path: <code>${escapeHtml(url.pathname)}</code></p>` +
        `<p>Query: <output>${escapeHtml(url.search)}</output></p></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${LANDING_HOST}:${port}`,
    setRelaisScript: (src) => {
      relaisScript = src;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
