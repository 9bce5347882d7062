import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ambassadors, contents, links } from '../../db/schema';
import { verifyClickId } from '../../worker/lib/click-id';
import { clearLinkCache } from '../../worker/services/link-targets';
import worker from '../../worker/index';
import { shortLinkSlug } from '../../worker/redirect';
import { db, makeLink } from './builders';

const get = (path: string, init?: RequestInit) => exports.default.fetch(`https://relais.test${path}`, { redirect: 'manual', ...init });

afterEach(() => vi.restoreAllMocks());

/**
 * GET through the worker with a D1 binding of its own whose `prepare` calls are counted, so the queue
 * consumer recording earlier tests' clicks in the background (on `env.DB`) cannot show up as a read.
 */
async function getWatched(path: string) {
  const prepare = vi.fn((query: string) => env.DB.prepare(query));
  const DB = { prepare, batch: (statements: D1PreparedStatement[]) => env.DB.batch(statements) } as unknown as D1Database;
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`https://relais.test${path}`, { redirect: 'manual' }), { ...env, DB }, ctx);
  await waitOnExecutionContext(ctx);
  return { res, prepare };
}

describe('GET /{slug}', () => {
  it('answers 302 to the content with UTM parameters and a signed rl_cid', async () => {
    const { link, content, campaign, organisation } = await makeLink({ url: 'https://jobs.example.com/offer/42?ref=careers#apply' });
    const res = await get(`/${link.slug}`);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe('https://jobs.example.com/offer/42');
    expect(location.hash).toBe('#apply');
    expect(Object.fromEntries(location.searchParams)).toEqual({
      ref: 'careers',
      utm_source: 'linkedin',
      utm_medium: 'employee_advocacy',
      utm_campaign: campaign.slug,
      utm_content: content.slug,
      rl_cid: expect.any(String),
    });
    const facts = await verifyClickId(env.CLICK_SIGNING_KEY, location.searchParams.get('rl_cid') ?? '');
    expect(facts).toEqual({ linkId: link.id, at: expect.any(Number) });
    expect(organisation.id).toBeTruthy();
  });

  it('sets no-store, the referrer policy, and no cookie', async () => {
    const { link } = await makeLink();
    const res = await get(`/${link.slug}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('uses the organisation utmMedium and the link network', async () => {
    const { link } = await makeLink({ network: 'x', organisation: { utmMedium: 'ambassadeurs' } });
    const location = new URL((await get(`/${link.slug}`)).headers.get('location') ?? '');
    expect(location.searchParams.get('utm_source')).toBe('x');
    expect(location.searchParams.get('utm_medium')).toBe('ambassadeurs');
  });

  it('gives every click its own id', async () => {
    const { link } = await makeLink();
    const ids = new Set<string | null>();
    for (let i = 0; i < 5; i++) ids.add(new URL((await get(`/${link.slug}`)).headers.get('location') ?? '').searchParams.get('rl_cid'));
    expect(ids.size).toBe(5);
  });

  it('answers a small 404 HTML page for an unknown slug', async () => {
    const res = await get('/nope-does-not-exist');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<h1>');
  });

  it.each(['admin', 'assets', '_astro', 'privacy', 'health-x'])('never treats the reserved or unknown path /%s as a live link', async (path) => {
    const res = await get(`/${path}`);
    expect(res.status).not.toBe(302);
  });

  it('refuses a reserved word even when a link row has that slug', async () => {
    const { link } = await makeLink();
    await db().update(links).set({ slug: 'privacy' }).where(eq(links.id, link.id));
    clearLinkCache();
    expect((await get('/privacy')).status).toBe(404);
  });

  it('serves /health as JSON, and /api/unknown as a JSON 404 envelope', async () => {
    expect(await (await get('/health')).json()).toEqual({ status: 'ok' });
    const res = await get('/api/unknown');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('keeps redirecting when the ambassador has left', async () => {
    const { link, ambassador } = await makeLink();
    await db().update(links).set({ ambassadorId: null }).where(eq(links.id, link.id));
    await db().delete(ambassadors).where(eq(ambassadors.id, ambassador.id));
    clearLinkCache();
    const res = await get(`/${link.slug}`);
    expect(res.status).toBe(302);
  });

  it('sends archived content to the organisation fallback URL, or to the content when there is none', async () => {
    const withFallback = await makeLink({ organisation: { fallbackUrl: 'https://example.com/careers' }, content: { status: 'archived' } });
    const withoutFallback = await makeLink({ url: 'https://example.com/old-article', content: { status: 'archived' } });
    const a = new URL((await get(`/${withFallback.link.slug}`)).headers.get('location') ?? '');
    const b = new URL((await get(`/${withoutFallback.link.slug}`)).headers.get('location') ?? '');
    expect(a.origin + a.pathname).toBe('https://example.com/careers');
    expect(a.searchParams.get('rl_cid')).toBeTruthy();
    expect(b.origin + b.pathname).toBe('https://example.com/old-article');
  });

  it('redirects a visitor who objected (Sec-GPC or DNT) without a click id', async () => {
    const { link } = await makeLink();
    for (const header of [{ 'Sec-GPC': '1' }, { DNT: '1' }] as Record<string, string>[]) {
      const res = await get(`/${link.slug}`, { headers: header });
      expect(res.status).toBe(302);
      const location = new URL(res.headers.get('location') ?? '');
      expect(location.searchParams.get('utm_source')).toBe('linkedin');
      expect(location.searchParams.has('rl_cid')).toBe(false);
    }
  });
});

describe('which requests are short links', () => {
  it.each([
    ['GET', 'https://relais.test/abcd', 'abcd'],
    ['HEAD', 'https://relais.test/Ab-_9xYz', 'Ab-_9xYz'],
    ['GET', 'http://localhost:8787/abcd?utm_source=x', 'abcd'],
    ['GET', `https://relais.test/${'a'.repeat(64)}`, 'a'.repeat(64)],
  ])('%s %s → %s', (method, url, slug) => {
    expect(shortLinkSlug(new Request(url, { method }))).toBe(slug);
  });

  it.each([
    ['POST', 'https://relais.test/abcd'],
    ['GET', 'https://relais.test/abc'],
    ['GET', `https://relais.test/${'a'.repeat(65)}`],
    ['GET', 'https://relais.test/abcd/'],
    ['GET', 'https://relais.test/abcd/more'],
    ['GET', 'https://relais.test/ab%20cd'],
    ['GET', 'https://relais.test/admin'],
    ['GET', 'https://relais.test/health?x=1'],
    ['GET', 'https://relais.test/'],
  ])('%s %s is not one', (method, url) => {
    expect(shortLinkSlug(new Request(url, { method }))).toBeNull();
  });

  it('redirects a short link that arrives with a query of its own', async () => {
    const { link } = await makeLink();
    const res = await get(`/${link.slug}?fbclid=abc`);
    expect(res.status).toBe(302);
  });
});

describe('the slug cache', () => {
  it('serves a warm slug without reading D1, and sees a change once invalidated', async () => {
    const { link, content } = await makeLink({ url: 'https://example.com/before' });
    await get(`/${link.slug}`);
    await db().update(contents).set({ url: 'https://example.com/after' }).where(eq(contents.id, content.id));
    const { res, prepare } = await getWatched(`/${link.slug}`);
    const stale = new URL(res.headers.get('location') ?? '');
    expect(stale.pathname).toBe('/before');
    expect(prepare).not.toHaveBeenCalled();
    clearLinkCache();
    const fresh = new URL((await get(`/${link.slug}`)).headers.get('location') ?? '');
    expect(fresh.pathname).toBe('/after');
  });

  it('forgets an entry after its TTL', async () => {
    const { link, content } = await makeLink({ url: 'https://example.com/before' });
    await get(`/${link.slug}`);
    await db().update(contents).set({ url: 'https://example.com/after' }).where(eq(contents.id, content.id));
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 31_000);
    const res = await get(`/${link.slug}`);
    expect(new URL(res.headers.get('location') ?? '').pathname).toBe('/after');
  });

  it('caches unknown slugs too, so a burst of misses costs one read', async () => {
    clearLinkCache();
    let reads = 0;
    for (let i = 0; i < 3; i++) reads += (await getWatched('/nothing-here-xyz')).prepare.mock.calls.length;
    expect(reads).toBe(1);
  });
});

describe('HEAD /{slug}', () => {
  it('redirects and sends no click event', async () => {
    const { link } = await makeLink();
    const send = vi.spyOn(env.CLICKS, 'send');
    const sendBatch = vi.spyOn(env.CLICKS, 'sendBatch');
    const ctx = createExecutionContext();
    const res = await worker.fetch(new Request(`https://relais.test/${link.slug}`, { method: 'HEAD' }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location') ?? '').searchParams.get('rl_cid')).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
    expect(sendBatch).not.toHaveBeenCalled();
  });
});
