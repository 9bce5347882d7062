import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { clicks } from '../../db/schema';
import worker from '../../worker/index';
import { db, makeLink } from './builders';
import { everyStoredText } from './stored-text';

const IP = '203.0.113.195';
const UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1 PrivacyProbe/7';

describe('privacy', () => {
  it('stores neither the IP nor the user agent of a click, in any column of any table', async () => {
    const { link } = await makeLink();
    const ctx = createExecutionContext();
    const res = await worker.fetch(new Request(`https://relais.test/${link.slug}`, { headers: { 'User-Agent': UA, 'CF-Connecting-IP': IP, Referer: 'https://www.linkedin.com/feed/?trk=secret-path' }, cf: { country: 'FR', asn: 3215 } }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(302);
    await vi.waitUntil(async () => ((await db().select({ n: sql<number>`count(*)` }).from(clicks).get())?.n ?? 0) > 0, { timeout: 10_000 });
    const [row] = await db().select().from(clicks);
    expect(row).toMatchObject({ class: 'human', country: 'FR', refererHost: 'www.linkedin.com', device: 'mobile', visitorHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const stored = await everyStoredText();
    for (const needle of [IP, UA, 'PrivacyProbe', 'secret-path']) expect(stored.filter((v) => v.includes(needle))).toEqual([]);
  });
});
