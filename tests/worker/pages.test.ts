import { describe, expect, it } from 'vitest';
import { makeTenant } from './builders';
import { join, makeSpace } from './ambassador-space';
import { call } from './http';

/** The policy's sources for one directive (`script-src` → its tokens). */
function directive(policy: string, name: string): string[] {
  const found = policy.split(';').map((d) => d.trim().split(/\s+/)).find(([key]) => key === name);
  return found ? found.slice(1) : [];
}

async function sha256Source(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
}

/** The page's policy allows scripts from the site and by hash only, and each inline script it holds is listed. */
async function expectScriptsOnlyByHash(path: string, res: Response): Promise<void> {
  expect(res.status, path).toBe(200);
  const policy = res.headers.get('content-security-policy') ?? '';
  const scripts = directive(policy, 'script-src');
  expect(scripts, path).toContain("'self'");
  expect(scripts, path).not.toContain("'unsafe-inline'");
  expect(scripts, path).not.toContain("'unsafe-eval'");
  expect(directive(policy, 'frame-ancestors'), path).toEqual(["'none'"]);
  expect(directive(policy, 'object-src'), path).toEqual(["'none'"]);
  expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
  const html = await res.text();
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  expect(inline.length, path).toBeGreaterThan(0);
  for (const body of inline) expect(scripts, path).toContain(await sha256Source(body));
}

describe('the site’s pages (/admin/*, /me/*)', () => {
  it('sends a signed-out visitor of an ambassador page to the join page with an HTTP redirect', async () => {
    for (const path of ['/me/', '/me/results/', '/me/share/?content=x', '/me/charter/', '/me/privacy/']) {
      const res = await call(path);
      expect(res.status, path).toBe(302);
      expect(res.headers.get('location'), path).toBe('/me/join/');
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('sends a signed-out visitor of an admin page to sign-in, keeping where they were going', async () => {
    const res = await call('/admin/campaigns/?status=active');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/admin/login/?next=${encodeURIComponent('/admin/campaigns/?status=active')}`);
  });

  it('leaves a path without its trailing slash to the assets, which add it (an invitation’s fragment survives)', async () => {
    for (const path of ['/admin/join', '/me/join', '/me/results', '/admin/settings']) {
      const res = await call(path);
      expect(res.status, path).toBe(307);
      expect(res.headers.get('location'), path).toBe(`${path}/`);
    }
  });

  it('serves the public pages without a session', async () => {
    for (const path of ['/admin/', '/admin/login/', '/admin/join/', '/me/join/']) {
      const res = await call(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
      await res.body?.cancel();
    }
  });

  it('serves a page to the session it belongs to, and redirects the other kind', async () => {
    const space = await makeSpace();
    const ambassador = await join(space);
    const mine = await call('/me/results/', { session: ambassador.session });
    expect(mine.status).toBe(200);
    await mine.body?.cancel();
    const admins = await call('/admin/campaigns/', { session: ambassador.session });
    expect(admins.status).toBe(302);
    const theirs = await call('/me/results/', { session: space.owner });
    expect(theirs.status).toBe(302);
    expect(theirs.headers.get('location')).toBe('/me/join/');
    expect((await call('/me/results/', { session: 'forged-token' })).status).toBe(302);
  });

  it('never lets a shared cache keep a page that depends on the cookie', async () => {
    const { session } = await makeTenant();
    const res = await call('/admin/settings/', { session });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(res.headers.get('vary')).toMatch(/cookie/i);
    await res.body?.cancel();
  });

  it('carries a CSP without inline scripts but the build’s own hashed ones, framing refused, nosniff, a referrer policy and HSTS', async () => {
    const { session } = await makeTenant();
    for (const path of ['/admin/', '/admin/login/', '/admin/settings/', '/me/join/']) {
      const res = await call(path, { session });
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('strict-transport-security'), path).toMatch(/^max-age=\d{7,}/);
      await expectScriptsOnlyByHash(path, res);
    }
  });

  it('answers any other unknown path with the small 404 page under a script-free policy, HSTS included', async () => {
    const res = await call('/nothing/here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(directive(res.headers.get('content-security-policy') ?? '', 'script-src')).toEqual(["'none'"]);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
    await res.body?.cancel();
  });

  it('serves the API reference under the same kind of policy', async () => {
    await expectScriptsOnlyByHash('/api/docs', await call('/api/docs'));
  });
});
