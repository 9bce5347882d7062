import { createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { eq, lte } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiKeys, rateLimits, rateLimitSecrets } from '../../db/schema';
import { sha256Hex } from '../../worker/lib/encoding';
import { randomSlug } from '../../worker/lib/ids';
import worker from '../../worker/index';
import { clientKey, consume, perKeyLimit, purgeEndedRateLimits } from '../../worker/services/rate-limits';
import { db, makeApiKey, makeTenant } from './builders';
import { call, callJson } from './http';

const unique = () => randomSlug(10).toLowerCase();
const wrongLogin = (email: string, ip: string, i = 0) => call('/api/v1/auth/login', { body: { email, password: `wrong password ${i}` }, headers: { 'cf-connecting-ip': ip } });
const statuses = (responses: Response[]) => responses.map((r) => r.status);
const count = (list: number[], status: number) => list.filter((s) => s === status).length;

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('clientKey', () => {
  it.each([
    ['198.51.100.7', '198.51.100.7'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::ffff:198.51.100.7', '198.51.100.7'],
    ['::1', '0:0:0:0::/64'],
    ['', 'unknown'],
    [undefined, 'unknown'],
    ['not an ip', 'unknown'],
    ['1:2:3:4:5:6:7:8:9', 'unknown'],
    ['1::2::3', 'unknown'],
    ['300.1.1.1', 'unknown'],
    ['1'.repeat(10_000), 'unknown'],
  ])('%#: an address → %s', (ip, key) => {
    expect(clientKey(ip)).toBe(key);
  });
});

describe('sign-in limits are counted before they are decided', () => {
  it('checks at most 10 of 30 concurrent wrong passwords for one account', async () => {
    const tenant = await makeTenant();
    const results = statuses(await Promise.all(Array.from({ length: 30 }, (_, i) => wrongLogin(tenant.email, `203.0.113.${i + 1}`, i))));
    expect(count(results, 401) + count(results, 429)).toBe(30);
    expect(count(results, 401)).toBeGreaterThan(0);
    expect(count(results, 401)).toBeLessThanOrEqual(10);
  }, 60_000);

  it('counts an IPv6 /64 as one client', async () => {
    const prefix = `2001:db8:${((Math.random() * 0xfff) | 0).toString(16)}:7`;
    for (let i = 1; i <= 30; i++) expect((await wrongLogin(`guess-${unique()}@example.com`, `${prefix}::${i.toString(16)}`)).status).toBe(401);
    const limited = await wrongLogin(`guess-${unique()}@example.com`, `${prefix}:ffff:ffff:ffff:ffff`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await wrongLogin(`guess-${unique()}@example.com`, `${prefix}0::1`)).status).toBe(401);
  }, 60_000);
});

describe('accepting an invitation', () => {
  it('looks the token up before hashing any password', async () => {
    const derive = vi.spyOn(crypto.subtle, 'deriveBits');
    const res = await callJson(`/api/v1/invitations/${randomSlug(32)}/accept`, { body: { password: 'a long enough password' }, headers: { 'cf-connecting-ip': '192.0.2.200' } });
    expect(res).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(derive).not.toHaveBeenCalled();
  });

  it('allows 20 failed attempts per client every 15 minutes, then 429 even for a valid token', async () => {
    const tenant = await makeTenant();
    const invited = await callJson<{ token: string }>('/api/v1/ambassadors', { session: tenant.session, body: { name: 'Camille', email: `c-${unique()}@example.com` } });
    const headers = { 'cf-connecting-ip': '192.0.2.77' };
    for (let i = 0; i < 20; i++) expect((await call(`/api/v1/invitations/${randomSlug(32)}/accept`, { body: {}, headers })).status).toBe(404);
    const limited = await callJson(`/api/v1/invitations/${invited.body.token}/accept`, { body: {}, headers });
    expect(limited).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(`/api/v1/invitations/${invited.body.token}/accept`, { body: {}, headers: { 'cf-connecting-ip': '192.0.2.78' } })).status).toBe(200);
  }, 60_000);

  it('does not count successful acceptances', async () => {
    const tenant = await makeTenant();
    const headers = { 'cf-connecting-ip': '192.0.2.90' };
    for (let i = 0; i < 25; i++) {
      const { token } = (await callJson<{ token: string }>('/api/v1/ambassadors', { session: tenant.session, body: { name: 'Camille', email: `c-${unique()}@example.com` } })).body;
      expect((await call(`/api/v1/invitations/${token}/accept`, { body: {}, headers })).status).toBe(200);
    }
  }, 60_000);
});

describe('what rate_limits stores', () => {
  it('keys counters with an HMAC under a secret of the day, never a plain hash of the e-mail or the IP', async () => {
    const email = `keyed-${unique()}@example.com`;
    const ip = '198.51.100.201';
    expect((await wrongLogin(email, ip)).status).toBe(401);
    const keys = (await db().select({ key: rateLimits.key }).from(rateLimits).all()).map((r) => r.key);
    const plain = await Promise.all([email, ip, `login:account:${email}`, `login:client:${ip}`, `login:client:${clientKey(ip)}`].map((text) => sha256Hex(text)));
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(plain).not.toContain(key);
      expect(key).not.toContain(ip);
      expect(key).not.toContain(email);
    }
    expect(await db().select().from(rateLimitSecrets).all()).toContainEqual(expect.objectContaining({ day: new Date().toISOString().slice(0, 10), secret: expect.stringMatching(/^[A-Za-z0-9]{43}$/) }));
  });

  it('a new day keys the same thing differently; the cron purges ended windows and past days’ secrets', async () => {
    const limit = { key: `purge:${unique()}`, max: 5, windowMs: 15 * 60_000 };
    const day1 = Date.parse('2031-03-10T12:05:00.000Z');
    const day2 = day1 + 86_400_000;
    const day4 = day1 + 3 * 86_400_000;
    await consume(db(), [limit], day1);
    await consume(db(), [limit], day2);
    await consume(db(), [limit], day4);
    const rows = await db().select().from(rateLimits).all();
    const ours = rows.filter((r) => [day1, day2, day4].some((d) => r.windowStart === Math.floor(d / limit.windowMs) * limit.windowMs));
    expect(new Set(ours.map((r) => r.key)).size).toBe(3);
    const secrets = await db().select().from(rateLimitSecrets).all();
    expect(new Set(secrets.filter((s) => s.day.startsWith('2031-03')).map((s) => s.secret)).size).toBe(3);

    const purged = await purgeEndedRateLimits(db(), day4);
    expect(purged).toBeGreaterThanOrEqual(4);
    const left = await db().select().from(rateLimits).all();
    expect(left.filter((r) => r.expiresAt <= day4)).toEqual([]);
    expect(left.map((r) => r.key)).toContain(ours.find((r) => r.windowStart <= day4 && r.windowStart > day2)?.key);
    expect((await db().select().from(rateLimitSecrets).all()).map((s) => s.day).filter((d) => d < '2031-03-12')).toEqual([]);
  });

  it('the hourly cron purges them', async () => {
    const limit = { key: `cron:${unique()}`, max: 5, windowMs: 60_000 };
    const at = Date.parse('2032-05-01T08:00:30.000Z');
    await consume(db(), [limit], at);
    const ended = () => db().select().from(rateLimits).where(lte(rateLimits.expiresAt, at + 3_600_000)).all();
    expect(await ended()).not.toEqual([]);
    await worker.scheduled(createScheduledController({ scheduledTime: at + 3_600_000, cron: '17 * * * *' }), env);
    expect(await ended()).toEqual([]);
  });
});

describe('POST /api/v1/conversions per API key', () => {
  it('answers 1 200 requests a minute per key, valid or not, then 429 with Retry-After; another key is not affected', async () => {
    // One instant inside a minute's window: the count cannot slide across a window's edge while the test runs.
    vi.useFakeTimers({ toFake: ['Date'] });
    const now = Math.floor(Date.now() / 60_000) * 60_000 + 1_000;
    vi.setSystemTime(now);
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.organisationId, ['conversions:write']);
    const other = await makeApiKey(tenant.organisationId, ['conversions:write']);
    const [row] = await db().select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.prefix, key.slice(0, 8)));
    const send = (bearer: string) => call('/api/v1/conversions', { bearer, body: { clickId: 'not-a-click-id', type: 'lead' } });
    // A bad body counts like any request; the other 1 199 of the minute are counted as the route counts them.
    expect((await send(key)).status).toBe(422);
    for (let i = 1; i < 1200; i++) await consume(db(), [perKeyLimit('conversions', row!.id)], now);
    const refused = await send(key);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect((await send(other)).status).toBe(422);
  }, 120_000);
});
