import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ambassadors, contents, links } from '../../db/schema';
import { verifyClickId } from '../../worker/lib/click-id';
import { HSTS, WORKER_PAGE_POLICY } from '../../worker/lib/content-security-policy';
import { newId, randomSlug } from '../../worker/lib/ids';
import { getDb } from '../../worker/lib/db';
import { KNOWN_CACHE_SIZE, clearLinkCache, resolveLink } from '../../worker/services/link-targets';
import worker from '../../worker/index';
import { RESERVED, shortLinkSlug } from '../../worker/redirect';
import { db, makeLink } from './builders';

/** API.md, the short link: reserved first segments, never slugs. */
const API_RESERVED = ['api', 'admin', 'me', 'a', 'assets', '_astro', 'r.js', 'privacy', 'favicon.ico', 'robots.txt', 'health', 'feeds', '.well-known'];

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

/** One request through the worker, its deferred work (the click's hand-off) awaited. */
async function fetchAndWait(req: Request, withEnv: Env) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(req, withEnv, ctx);
  await waitOnExecutionContext(ctx);
  return res;
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

  it('answers a small 404 HTML page for an unknown slug, with the pages\' security headers', async () => {
    const res = await get('/nope-does-not-exist');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(WORKER_PAGE_POLICY);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toBe(HSTS);
    const plain = await exports.default.fetch('http://relais.test/nope-does-not-exist', { redirect: 'manual' });
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    expect(await res.text()).toContain('<h1>');
  });

  it('never redirects a reserved path, even when a link row has that very slug', async () => {
    const { link } = await makeLink({ url: 'https://reserved-target.example/landing' });
    for (const word of API_RESERVED) await db().insert(links).values({ ...link, id: newId('lnk'), slug: word, ambassadorId: null });
    clearLinkCache();
    for (const word of API_RESERVED) {
      const res = await get(`/${word}`);
      // /admin and /me may redirect a signed-out visitor to sign in, never to the link's target.
      expect({ word, location: res.headers.get('location') ?? '' }).toEqual({ word, location: expect.not.stringContaining('reserved-target.example') });
    }
    // The same rows under a non-reserved slug do redirect: the refusal comes from the reserved list.
    expect((await get(`/${link.slug}`)).status).toBe(302);
    expect([...RESERVED].sort()).toEqual([...API_RESERVED].sort());
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

  it('redirects a visitor who objected (Sec-GPC, DNT or the relais_optout cookie) without a click id', async () => {
    const { link } = await makeLink();
    for (const header of [{ 'Sec-GPC': '1' }, { DNT: '1' }, { Cookie: 'a=b; relais_optout=1' }] as Record<string, string>[]) {
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
  it('redirects without a click id, signs nothing and sends no click event', async () => {
    const { link, content, campaign } = await makeLink({ url: 'https://jobs.example.com/offer/7?ref=x#top' });
    const send = vi.spyOn(env.CLICKS, 'send');
    const sendBatch = vi.spyOn(env.CLICKS, 'sendBatch');
    const sign = vi.spyOn(crypto.subtle, 'sign');
    const ctx = createExecutionContext();
    const res = await worker.fetch(new Request(`https://relais.test/${link.slug}`, { method: 'HEAD' }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`https://jobs.example.com/offer/7?ref=x&utm_source=linkedin&utm_medium=employee_advocacy&utm_campaign=${campaign.slug}&utm_content=${content.slug}#top`);
    expect(sign).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
    expect(sendBatch).not.toHaveBeenCalled();
  });
});

/** An env whose D1 fails every statement, as during an outage. */
function envWithD1Down(): Env {
  const fail = () => {
    throw new Error('D1_ERROR: network connection lost');
  };
  return { ...env, DB: { prepare: fail, batch: fail, exec: fail } as unknown as D1Database };
}

describe('the error boundary', () => {
  it('answers a small 503 page with Retry-After when a cold slug cannot be read, and redirects once D1 is back', async () => {
    const { link } = await makeLink();
    clearLinkCache();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const ctx = createExecutionContext();
    const res = await worker.fetch(new Request(`https://relais.test/${link.slug}`), envWithD1Down(), ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('<h1>');
    expect(error).toHaveBeenCalledWith('link lookup failed', expect.objectContaining({ error: expect.objectContaining({ message: expect.stringContaining('network connection lost') }) }));
    expect((await get(`/${link.slug}`)).status).toBe(302);
  });

  it('keeps redirecting a link this isolate has seen, past its TTL, while D1 is down', async () => {
    const { link } = await makeLink({ url: 'https://example.com/seen' });
    await get(`/${link.slug}`);
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 10 * 60_000);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const ctx = createExecutionContext();
    const res = await worker.fetch(new Request(`https://relais.test/${link.slug}`), envWithD1Down(), ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location') ?? '').pathname).toBe('/seen');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
  ])('redirects without a click id when CLICK_SIGNING_KEY is %s, still counts the hit, and signs again once the key is there', async (_, key) => {
    const { link } = await makeLink();
    const send = vi.spyOn(env.CLICKS, 'send').mockResolvedValue({} as QueueSendResponse);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const unsigned = await fetchAndWait(new Request(`https://relais.test/${link.slug}`), { ...env, CLICK_SIGNING_KEY: key as string });
    expect(unsigned.status).toBe(302);
    expect(new URL(unsigned.headers.get('location') ?? '').searchParams.has('rl_cid')).toBe(false);
    expect(send.mock.calls.flatMap(([m]) => m as { linkId: string; id: string }[])).toEqual([expect.objectContaining({ linkId: link.id, id: expect.stringMatching(/^clk_/) })]);
    const signed = await fetchAndWait(new Request(`https://relais.test/${link.slug}`), env);
    const cid = new URL(signed.headers.get('location') ?? '').searchParams.get('rl_cid') ?? '';
    expect(await verifyClickId(env.CLICK_SIGNING_KEY, cid)).toEqual({ linkId: link.id, at: expect.any(Number) });
  });
});

describe('unknown slugs', () => {
  it('never evict a hot link from the cache: 10 000 random slugs, then the hot link costs no read', async () => {
    const { link } = await makeLink();
    await get(`/${link.slug}`);
    // A D1 that knows none of the random slugs, answering at once: 10 000 real misses would take a minute locally.
    const unknown = { prepare: () => ({ bind: () => ({ raw: async () => [], all: async () => ({ results: [] }) }) }) } as unknown as D1Database;
    const missDb = getDb(unknown);
    const now = Date.now();
    let found = 0;
    for (let i = 0; i < KNOWN_CACHE_SIZE; i++) if (await resolveLink(missDb, `zz${randomSlug(12)}`, now)) found++;
    expect(found).toBe(0);
    const { res, prepare } = await getWatched(`/${link.slug}`);
    expect(res.status).toBe(302);
    expect(prepare).not.toHaveBeenCalled();
  }, 30_000);

  it('are limited to 60 per client and minute (an IPv6 /64 is one client), answered 429 with Retry-After; known links never are', async () => {
    const { link } = await makeLink();
    const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:42`;
    const from = (host: number) => ({ headers: { 'CF-Connecting-IP': `${prefix}::${host.toString(16)}` } });
    const first = [];
    for (let i = 0; i < 60; i++) first.push((await get(`/zz${randomSlug(12)}`, from(i + 1))).status);
    expect(first).toEqual(Array.from({ length: 60 }, () => 404));
    // 61 more: whichever minute they fall in, some window passes 60.
    const limited = [];
    for (let i = 0; i < 61; i++) {
      const res = await get(`/zz${randomSlug(12)}`, from(1000 + i));
      if (res.status === 429) limited.push(res);
      else expect(res.status).toBe(404);
    }
    expect(limited.length).toBeGreaterThan(0);
    const [res] = limited;
    expect(res?.headers.get('retry-after')).toBe('60');
    expect(res?.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res?.text()).toContain('<h1>');
    expect((await get(`/${link.slug}`, from(7))).status).toBe(302);
    expect((await get(`/zz${randomSlug(12)}`, { headers: { 'CF-Connecting-IP': '2001:db8:ffff:1::1' } })).status).toBe(404);
  });
});
