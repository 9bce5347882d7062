import { createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clicks, dailyLinkStats, deadLetters, links, sessions } from '../../db/schema';
import { MAX_EVENT_BYTES, MAX_EVENTS_PER_MESSAGE, MAX_USER_AGENT, refererHostOf, toClickEvent, type ClickEvent, type ClickMessage } from '../../worker/lib/click-event';
import { signClickId } from '../../worker/lib/click-id';
import { dayOf } from '../../worker/lib/days';
import { sha256Hex } from '../../worker/lib/encoding';
import { newId, randomSlug } from '../../worker/lib/ids';
import worker from '../../worker/index';
import { recordClicks } from '../../worker/services/clicks';
import { db, makeLink } from './builders';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const LINKEDIN_BOT = 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)';

afterEach(() => vi.restoreAllMocks());

async function event(linkId: string, organisationId: string, overrides: Partial<ClickEvent> = {}): Promise<ClickEvent> {
  const at = Date.now();
  return { id: await signClickId(env.CLICK_SIGNING_KEY, linkId, at), linkId, organisationId, at, userAgent: CHROME, visitor: newId('v'), country: 'FR', ...overrides };
}

/** Consumes `messages` as one queue batch: each a single event (as earlier releases sent) or an array of them. */
async function consume(messages: ClickMessage[]) {
  const batch = createMessageBatch<ClickMessage>('relais-clicks', messages.map((body, i) => ({ id: `msg-${i}`, timestamp: new Date(), attempts: 1, body })));
  const ctx = createExecutionContext();
  await worker.queue(batch, env);
  return getQueueResult(batch, ctx);
}

/** Consumes `messages` with a D1 binding that records how many parameters each statement binds. */
async function consumeWatched(messages: ClickMessage[]) {
  let maxBound = 0;
  const watch = (statement: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(statement, {
      get(target, key) {
        if (key !== 'bind') return Reflect.get(target, key);
        return (...values: unknown[]) => {
          maxBound = Math.max(maxBound, values.length);
          return target.bind(...values);
        };
      },
    });
  const DB = { prepare: (query: string) => watch(env.DB.prepare(query)), batch: (statements: D1PreparedStatement[]) => env.DB.batch(statements) } as unknown as D1Database;
  const batch = createMessageBatch<ClickMessage>('relais-clicks', messages.map((body, i) => ({ id: `msg-${i}`, timestamp: new Date(), attempts: 1, body })));
  const ctx = createExecutionContext();
  await worker.queue(batch, { ...env, DB });
  return { result: await getQueueResult(batch, ctx), maxBound };
}

/** `n` links of one organisation's content (each its own row and rollup), inserted in one batch. */
async function manyLinks(n: number) {
  const { link } = await makeLink();
  const rows = Array.from({ length: n }, () => ({ ...link, id: newId('lnk'), slug: randomSlug(12), ambassadorId: null }));
  const [first, ...rest] = rows.map((row) => db().insert(links).values(row));
  if (first) await db().batch([first, ...rest]);
  return rows.map((row) => ({ link: row }));
}

async function rollup(linkId: string) {
  return db().select().from(dailyLinkStats).where(eq(dailyLinkStats.linkId, linkId)).get();
}

/** Sends one request through the worker and returns the events it handed to the queue. */
async function capture(path: string, init: RequestInit = {}): Promise<{ res: Response; events: ClickEvent[] }> {
  const send = vi.spyOn(env.CLICKS, 'send');
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`https://relais.test${path}`, { redirect: 'manual', ...init }), env, ctx);
  await waitOnExecutionContext(ctx);
  const events = send.mock.calls.flatMap(([message]) => message as ClickEvent[]);
  send.mockRestore();
  return { res, events };
}

describe('the click event', () => {
  it('carries facts only: ids, time, visitor hash, host of the referrer, country, asn', async () => {
    const { link } = await makeLink();
    const { res, events } = await capture(`/${link.slug}`, {
      headers: { 'User-Agent': CHROME, Referer: 'https://www.linkedin.com/feed/update/123?x=1', 'CF-Connecting-IP': '203.0.113.7' },
      cf: { country: 'FR', asn: 3215 },
    });
    const clickId = new URL(res.headers.get('location') ?? '').searchParams.get('rl_cid');
    expect(events).toEqual([
      { id: clickId, linkId: link.id, organisationId: link.organisationId, at: expect.any(Number), visitor: expect.stringMatching(/^[0-9a-f]{64}$/), userAgent: CHROME, refererHost: 'www.linkedin.com', country: 'FR', asn: 3215 },
    ]);
    expect(JSON.stringify(events)).not.toContain('203.0.113.7');
  });

  it('gives the same visitor the same hash on one day, and a different organisation another hash', async () => {
    const a = await makeLink();
    const b = await makeLink();
    const headers = { 'User-Agent': CHROME, 'CF-Connecting-IP': '198.51.100.1' };
    const [first] = (await capture(`/${a.link.slug}`, { headers })).events;
    const [second] = (await capture(`/${a.link.slug}`, { headers })).events;
    const [other] = (await capture(`/${b.link.slug}`, { headers })).events;
    expect(first?.visitor).toBe(second?.visitor);
    expect(other?.visitor).not.toBe(first?.visitor);
  });

  it('carries nothing but the count for a visitor who objected', async () => {
    const { link } = await makeLink();
    const { events } = await capture(`/${link.slug}`, { headers: { 'User-Agent': CHROME, 'Sec-GPC': '1', 'CF-Connecting-IP': '198.51.100.2' }, cf: { country: 'FR' } });
    expect(events).toEqual([{ id: expect.any(String), linkId: link.id, organisationId: link.organisationId, at: expect.any(Number), optout: true }]);
  });

  it('carries the hash of the session cookie, never the token', async () => {
    const { link } = await makeLink();
    const { events } = await capture(`/${link.slug}`, { headers: { 'User-Agent': CHROME, Cookie: 'a=b; relais_session=tok123' } });
    expect(events[0]?.session).toBe(await sha256Hex('tok123'));
  });
});

describe('what a click records stays bounded', () => {
  it.each([
    ['a 20 KB referrer host', `https://${'a'.repeat(20_000)}.com/`, undefined],
    ['a 100 KB referrer host', `https://${'b.'.repeat(50_000)}com/`, undefined],
    ['a 100 KB referrer path', `https://www.linkedin.com/${'p'.repeat(100_000)}`, 'www.linkedin.com'],
    ['a 100 KB user name before the host', `https://${'u'.repeat(100_000)}@www.linkedin.com/`, undefined],
  ])('%s: 302, and a stored row with a bounded referrer host', async (_, referer, host) => {
    const { link } = await makeLink();
    const { res, events } = await capture(`/${link.slug}`, { headers: { 'User-Agent': `${CHROME} ${'x'.repeat(100_000)}`, Referer: referer } });
    expect(res.status).toBe(302);
    expect(events).toHaveLength(1);
    expect(events[0]?.refererHost).toBe(host);
    expect(events[0]?.userAgent?.length).toBe(MAX_USER_AGENT);
    expect(new TextEncoder().encode(JSON.stringify(events[0])).length).toBeLessThanOrEqual(MAX_EVENT_BYTES);
    await consume(events);
    const [row] = await db().select().from(clicks).where(eq(clicks.linkId, link.id));
    expect(row?.refererHost ?? undefined).toBe(host);
    expect(new TextEncoder().encode(JSON.stringify(row)).length).toBeLessThan(1024);
  });

  it.each([
    [null, undefined],
    ['', undefined],
    ['https://WWW.LinkedIn.com./feed', 'www.linkedin.com'],
    ['https://user:pw@news.example.org:8443/a?b#c', 'news.example.org'],
    ['android-app://com.linkedin.android/', 'com.linkedin.android'],
    ['http://203.0.113.7/x', '203.0.113.7'],
    ['http://[2001:db8::1]/x', undefined],
    ['https://exa mple.com/', undefined],
    ['https://-bad.example/', undefined],
    ['https://xn--bcher-kva.example/', 'xn--bcher-kva.example'],
    ['not a url', undefined],
    [`https://${'a'.repeat(63)}.example/`, `${'a'.repeat(63)}.example`],
    [`https://${'a'.repeat(64)}.example/`, undefined],
    [`https://${'abcdefghi.'.repeat(24)}example.com/`, `${'abcdefghi.'.repeat(24)}example.com`],
    [`https://${'abcdefghi.'.repeat(25)}example.com/`, undefined],
  ])('refererHostOf(%j) → %j', (referer, host) => {
    expect(refererHostOf(referer)).toBe(host);
  });

  it('keeps the largest possible event under MAX_EVENT_BYTES, and a full message under the queue 128 KB', () => {
    const worst = toClickEvent({
      id: 'i'.repeat(64),
      linkId: 'l'.repeat(64),
      organisationId: 'o'.repeat(64),
      at: 8.64e15,
      visitor: 'v'.repeat(64),
      userAgent: '"\\\u0000é'.repeat(10_000) + 'U'.repeat(1_000),
      refererHost: `${'h'.repeat(61)}.`.repeat(4) + 'c',
      country: 'FR',
      asn: 2 ** 32 - 1,
      session: 's'.repeat(64),
    });
    expect(worst?.refererHost?.length).toBe(249);
    const bytes = new TextEncoder().encode(JSON.stringify(worst)).length;
    expect(bytes).toBeLessThanOrEqual(MAX_EVENT_BYTES);
    expect(MAX_EVENTS_PER_MESSAGE * (MAX_EVENT_BYTES + 1)).toBeLessThan(128 * 1024);
  });
});

describe('queue consumer', () => {
  it('stores each hit with its class and rolls it up per organisation, day and link', async () => {
    const { link, content, campaign, ambassador } = await makeLink();
    const result = await consume([
      await event(link.id, link.organisationId),
      await event(link.id, link.organisationId, { userAgent: LINKEDIN_BOT }),
    ]);
    expect(result).toMatchObject({ ackAll: false, retryBatch: { retry: false }, explicitAcks: ['msg-0', 'msg-1'], retryMessages: [] });
    const rows = await db().select().from(clicks).where(eq(clicks.linkId, link.id));
    expect(rows.map((r) => r.class).sort()).toEqual(['human', 'preview']);
    expect(await rollup(link.id)).toMatchObject({
      organisationId: link.organisationId, ambassadorId: ambassador.id, contentId: content.id, campaignId: campaign.id, network: 'linkedin',
      clicks: 1, previews: 1, uniqueVisitors: 1,
    });
  });

  it('counts a redelivered batch once', async () => {
    const { link } = await makeLink();
    const events = [await event(link.id, link.organisationId), await event(link.id, link.organisationId)];
    await consume(events);
    await consume(events);
    await consume([events[0] as ClickEvent]);
    expect(await rollup(link.id)).toMatchObject({ clicks: 2, uniqueVisitors: 2 });
    expect((await db().select().from(clicks).where(eq(clicks.linkId, link.id))).length).toBe(2);
  });

  it('unpacks messages of coalesced events and single-event messages alike, counting a redelivered message once', async () => {
    const { link } = await makeLink();
    const packed = await Promise.all(Array.from({ length: 3 }, () => event(link.id, link.organisationId)));
    await consume([packed, await event(link.id, link.organisationId)]);
    await consume([packed]);
    expect(await rollup(link.id)).toMatchObject({ clicks: 4, uniqueVisitors: 4 });
  });

  it('records a batch of more events than one D1 batch takes, on more links than one query may bind', async () => {
    const made = await manyLinks(150);
    const events = await Promise.all([...made, ...made].map(({ link }) => event(link.id, link.organisationId)));
    // One oversized message on 150 links, then two of 75 events: its link lookup binds 150 ids unless chunked.
    const { result, maxBound } = await consumeWatched([events.slice(0, 150), events.slice(150, 225), events.slice(225)]);
    expect(result).toMatchObject({ ackAll: false, explicitAcks: ['msg-0', 'msg-1', 'msg-2'], retryMessages: [] });
    expect(maxBound).toBeLessThanOrEqual(100);
    const ids = made.map(({ link }) => link.id);
    const stored = await db().select({ n: sql<number>`count(*)` }).from(clicks).where(inArray(clicks.linkId, ids.slice(0, 90))).get();
    const rolled = await db().select({ n: sql<number>`sum(${dailyLinkStats.clicks})` }).from(dailyLinkStats).where(inArray(dailyLinkStats.linkId, ids.slice(90))).get();
    expect([stored?.n, rolled?.n]).toEqual([180, 120]);
  });

  it('binds at most 100 parameters whatever sessions the events carry (forged relais_session cookies on many clicks)', async () => {
    const { link, ambassador } = await makeLink();
    const token = newId('tok');
    const session = await sha256Hex(token);
    await db().insert(sessions).values({ id: session, organisationId: link.organisationId, subjectType: 'ambassador', subjectId: ambassador.id, createdAt: Date.now(), expiresAt: Date.now() + 3_600_000 });
    const forged = await Promise.all(Array.from({ length: 2 * MAX_EVENTS_PER_MESSAGE - 1 }, async () => event(link.id, link.organisationId, { session: await sha256Hex(newId('forged')) })));
    const own = await event(link.id, link.organisationId, { session });
    const { result, maxBound } = await consumeWatched([forged.slice(0, MAX_EVENTS_PER_MESSAGE), [...forged.slice(MAX_EVENTS_PER_MESSAGE), own]]);
    expect(result).toMatchObject({ explicitAcks: ['msg-0', 'msg-1'], retryMessages: [] });
    expect(maxBound).toBeLessThanOrEqual(100);
    expect(await rollup(link.id)).toMatchObject({ clicks: 2 * MAX_EVENTS_PER_MESSAGE - 1, self: 1 });
    const recorded = await recordClicks(db(), await Promise.all(Array.from({ length: 250 }, async () => event(link.id, link.organisationId, { session: await sha256Hex(newId('forged')) }))));
    expect(recorded).toEqual({ recorded: 250, skipped: 0 });
  });

  it('counts a visitor once per link and day', async () => {
    const { link } = await makeLink();
    const visitor = newId('v');
    await consume([await event(link.id, link.organisationId, { visitor }), await event(link.id, link.organisationId, { visitor })]);
    await consume([await event(link.id, link.organisationId, { visitor })]);
    expect(await rollup(link.id)).toMatchObject({ clicks: 3, uniqueVisitors: 1 });
  });

  it('records an opted-out hit as a bare count', async () => {
    const { link } = await makeLink();
    await consume([{ id: newId('opt'), linkId: link.id, organisationId: link.organisationId, at: Date.now(), optout: true }]);
    const [row] = await db().select().from(clicks).where(eq(clicks.linkId, link.id));
    expect(row).toMatchObject({ class: 'optout', visitorHash: null, country: null, refererHost: null, device: null });
    expect(await rollup(link.id)).toMatchObject({ clicks: 0, optouts: 1, uniqueVisitors: 0 });
  });

  it('classifies a click by the ambassador who owns the link as self', async () => {
    const { link, ambassador } = await makeLink();
    const token = newId('tok');
    const session = await sha256Hex(token);
    await db().insert(sessions).values({ id: session, organisationId: link.organisationId, subjectType: 'ambassador', subjectId: ambassador.id, createdAt: Date.now(), expiresAt: Date.now() + 3_600_000 });
    const other = await sha256Hex('someone-else');
    await consume([await event(link.id, link.organisationId, { session }), await event(link.id, link.organisationId, { session: other })]);
    expect(await rollup(link.id)).toMatchObject({ self: 1, clicks: 1 });
  });

  it('skips events whose link does not exist and acks their message', async () => {
    const { link } = await makeLink();
    const result = await consume([await event(link.id, link.organisationId), { ...(await event(link.id, link.organisationId)), linkId: 'lnk_AAAAAAAAAAAAAAAA' }]);
    expect(result).toMatchObject({ ackAll: false, explicitAcks: ['msg-0', 'msg-1'], retryMessages: [] });
    expect(await rollup(link.id)).toMatchObject({ clicks: 1 });
  });

  it('bounds what a forged message holds: a 20 KB referrer host is not stored, a long user agent is cut', async () => {
    const { link } = await makeLink();
    const forged = { ...(await event(link.id, link.organisationId)), refererHost: `${'a'.repeat(20_000)}.com`, userAgent: `${CHROME} ${'x'.repeat(20_000)}`, country: 'F'.repeat(500) };
    const fair = await event(link.id, link.organisationId, { refererHost: 'WWW.LinkedIn.com' });
    expect(await consume([[forged, fair]])).toMatchObject({ explicitAcks: ['msg-0'] });
    const rows = await db().select({ id: clicks.id, refererHost: clicks.refererHost, country: clicks.country, class: clicks.class }).from(clicks).where(eq(clicks.linkId, link.id));
    expect(rows.sort((a, b) => (a.id === forged.id ? -1 : b.id === forged.id ? 1 : 0))).toEqual([
      { id: forged.id, refererHost: null, country: null, class: 'human' },
      { id: fair.id, refererHost: 'www.linkedin.com', country: 'FR', class: 'human' },
    ]);
  });

  it('counts values that are not click events in dead_letters instead of retrying them', async () => {
    const { link } = await makeLink();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const good = await event(link.id, link.organisationId);
    const withoutId = { linkId: link.id, organisationId: link.organisationId, at: good.at } as ClickEvent;
    const result = await consume([[good, withoutId, 'garbage' as unknown as ClickEvent]]);
    expect(result).toMatchObject({ explicitAcks: ['msg-0'], retryMessages: [] });
    expect(await rollup(link.id)).toMatchObject({ clicks: 1 });
    expect(await db().select().from(deadLetters).where(inArray(deadLetters.organisationId, [link.organisationId, '']))).toEqual(
      expect.arrayContaining([expect.objectContaining({ organisationId: link.organisationId, day: dayOf(good.at), events: 1 })]),
    );
    expect(warn).toHaveBeenCalledWith(expect.any(String), { skipped: 2 });
  });
});

describe('the click sink', () => {
  it('hands the clicks of one moment to the queue as few messages of at most MAX_EVENTS_PER_MESSAGE events, none lost', async () => {
    const { link } = await makeLink();
    // Captured, not delivered: the consumer is tested above.
    const send = vi.spyOn(env.CLICKS, 'send').mockResolvedValue({} as QueueSendResponse);
    const ctx = createExecutionContext();
    const request = () => worker.fetch(new Request(`https://relais.test/${link.slug}`, { headers: { 'User-Agent': CHROME }, redirect: 'manual' }), env, ctx);
    const responses = await Promise.all(Array.from({ length: 250 }, request));
    await waitOnExecutionContext(ctx);
    const messages = send.mock.calls.map(([message]) => message as ClickEvent[]);
    const clickIds = responses.map((res) => new URL(res.headers.get('location') ?? '').searchParams.get('rl_cid'));
    expect(messages.flat().map((e) => e.id).sort()).toEqual(clickIds.sort());
    expect(Math.max(...messages.map((m) => m.length))).toBeLessThanOrEqual(MAX_EVENTS_PER_MESSAGE);
    // Coalesced: 250 simultaneous clicks leave as a handful of messages (3 here), not one each.
    expect(messages.length).toBeLessThanOrEqual(25);
  });
});

describe('when the queue fails', () => {
  it('writes the click directly to D1, and the audience still gets its 302', async () => {
    const { link } = await makeLink();
    vi.spyOn(env.CLICKS, 'send').mockRejectedValue(new Error('queue down'));
    const ctx = createExecutionContext();
    const res = await worker.fetch(new Request(`https://relais.test/${link.slug}`, { headers: { 'User-Agent': CHROME }, redirect: 'manual' }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(302);
    const id = new URL(res.headers.get('location') ?? '').searchParams.get('rl_cid');
    expect(await db().select({ id: clicks.id, class: clicks.class }).from(clicks).where(eq(clicks.linkId, link.id))).toEqual([{ id, class: 'human' }]);
    expect(await rollup(link.id)).toMatchObject({ clicks: 1 });
  });

  it('still answers 302 when D1 fails as well', async () => {
    const { link } = await makeLink();
    const warm = createExecutionContext();
    await worker.fetch(new Request(`https://relais.test/${link.slug}`, { redirect: 'manual' }), env, warm); // warm the slug cache
    await waitOnExecutionContext(warm);
    vi.spyOn(env.CLICKS, 'send').mockRejectedValue(new Error('queue down'));
    vi.spyOn(env.DB, 'batch').mockRejectedValue(new Error('d1 down'));
    vi.spyOn(env.DB, 'prepare').mockImplementation(() => {
      throw new Error('d1 down');
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const ctx = createExecutionContext();
    const res = await worker.fetch(new Request(`https://relais.test/${link.slug}`, { redirect: 'manual' }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(302);
    expect(error).toHaveBeenCalled();
  });
});

describe('end to end through the real queue', () => {
  it('rolls up exactly the raw click count after a burst of 500 clicks', async () => {
    const { link } = await makeLink();
    const agents = [CHROME, LINKEDIN_BOT, 'curl/8.5.0'];
    // worker.fetch directly: the pool's `exports.default.fetch` slows down quadratically under bursts.
    const ctx = createExecutionContext();
    const responses = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        worker.fetch(new Request(`https://relais.test/${link.slug}`, { headers: { 'User-Agent': agents[i % 3] ?? CHROME, 'CF-Connecting-IP': `192.0.2.${i % 50}` } }), env, ctx),
      ),
    );
    await waitOnExecutionContext(ctx);
    expect(responses.every((r) => r.status === 302)).toBe(true);
    const count = async () => (await db().select({ n: sql<number>`count(*)` }).from(clicks).where(eq(clicks.linkId, link.id)).get())?.n ?? 0;
    await vi.waitUntil(async () => (await count()) === 500, { timeout: 20_000, interval: 100 });
    const stats = await rollup(link.id);
    const total = (stats?.clicks ?? 0) + (stats?.previews ?? 0) + (stats?.scanners ?? 0) + (stats?.automated ?? 0) + (stats?.self ?? 0) + (stats?.optouts ?? 0);
    expect(total).toBe(500);
    const byClass = await db().select({ class: clicks.class, n: sql<number>`count(*)` }).from(clicks).where(eq(clicks.linkId, link.id)).groupBy(clicks.class);
    expect(Object.fromEntries(byClass.map((r) => [r.class, r.n]))).toEqual({ human: 167, preview: 167, automated: 166 });
    expect(stats).toMatchObject({ clicks: 167, previews: 167, automated: 166 });
    const distinct = await db().select({ n: sql<number>`count(distinct ${clicks.visitorHash})` }).from(clicks).where(eq(clicks.linkId, link.id)).get();
    expect(stats?.uniqueVisitors).toBe(distinct?.n);
  }, 30_000);
});
