import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { join, makeSpace } from './ambassador-space';
import { makeTenant } from './builders';
import { call } from './http';

/** The `data-session` of a page's `<html>` element. */
async function servedSession(res: Response): Promise<string | undefined> {
  const html = await res.text();
  return /<html[^>]*\sdata-session="([^"]*)"/.exec(html)?.[1];
}

describe('the session a page was served to (<html data-session>)', () => {
  it('marks the admin home for a signed-out visitor, an admin and an ambassador', async () => {
    const signedOut = await call('/admin/');
    expect(signedOut.status).toBe(200);
    expect(await servedSession(signedOut)).toBe('none');

    const { session } = await makeTenant();
    expect(await servedSession(await call('/admin/', { session }))).toBe('admin');
    expect(await servedSession(await call('/admin/', { session: 'forged-token' }))).toBe('none');

    const ambassador = await join(await makeSpace());
    expect(await servedSession(await call('/admin/', { session: ambassador.session }))).toBe('ambassador');
    expect(await servedSession(await call('/me/results/', { session: ambassador.session }))).toBe('ambassador');
  });

  it('never answers a page with 304: its body depends on the cookie, its asset’s ETag does not', async () => {
    const asset = await env.ASSETS.fetch('https://relais.test/admin/');
    const etag = asset.headers.get('etag') ?? '';
    await asset.body?.cancel();
    // The assets alone would answer the browser's copy with a 304 (its body marked for whoever fetched it first).
    expect((await env.ASSETS.fetch('https://relais.test/admin/', { headers: { 'if-none-match': etag } })).status).toBe(304);

    const { session } = await makeTenant();
    const signedIn = await call('/admin/', { session });
    expect(signedIn.headers.get('etag')).toBeNull();
    expect(await servedSession(signedIn)).toBe('admin');
    const signedOut = await call('/admin/', { headers: { 'if-none-match': etag } });
    expect(signedOut.status).toBe(200);
    expect(await servedSession(signedOut)).toBe('none');
  });
});
