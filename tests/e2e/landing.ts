/**
 * A stand-in for the content's own site: answers any path with a tiny HTML page that echoes
 * its query string, so a test can read the tracking parameters where the browser landed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LandingServer {
  url: string;
  close: () => Promise<void>;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Starts the landing server on 127.0.0.1 and a free port. */
export async function startLandingServer(): Promise<LandingServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://landing.local');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>Landing</title>` +
        `<h1>Landing page</h1><p>Path: <code>${escapeHtml(url.pathname)}</code></p>` +
        `<p>Query: <output>${escapeHtml(url.search)}</output></p></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
