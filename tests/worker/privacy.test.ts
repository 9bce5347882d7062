import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { clicks } from '../../db/schema';
import { SESSION_COOKIE } from '../../worker/lib/cookies';
import worker from '../../worker/index';
import { content, joinAndAccept, linkIdOf, makeSpace, share } from './ambassador-space';
import { db } from './builders';
import { everyStoredText } from './stored-text';

const IP = '203.0.113.195';
const UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1 PrivacyProbe/7';

describe('privacy', () => {
  it('stores neither the IP, the user agent, the referrer path nor the session token of a signed-in click, in any column of any table', async () => {
    // A real ambassador, signed in through the invitation, clicks their own link: the session cookie travels.
    const space = await makeSpace();
    const ambassador = await joinAndAccept(space);
    const { id: contentId } = await content(space);
    const { link } = await share(ambassador.session, contentId, 'Nous recrutons à Lyon : rejoignez-nous.');
    const linkId = await linkIdOf(link.slug);
    const ctx = createExecutionContext();
    const headers = { 'User-Agent': UA, 'CF-Connecting-IP': IP, Referer: 'https://www.linkedin.com/feed/?trk=secret-path', Cookie: `theme=dark; ${SESSION_COOKIE}=${ambassador.session}` };
    const res = await worker.fetch(new Request(`https://relais.test/${link.slug}`, { headers, cf: { country: 'FR', asn: 3215 } }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(302);
    const count = async () => (await db().select({ n: sql<number>`count(*)` }).from(clicks).where(eq(clicks.linkId, linkId)).get())?.n ?? 0;
    await vi.waitUntil(async () => (await count()) > 0, { timeout: 10_000 });
    const [row] = await db().select().from(clicks).where(eq(clicks.linkId, linkId));
    // `self`: the pipeline did recognise the session, from its hash alone.
    expect(row).toMatchObject({ class: 'self', country: 'FR', refererHost: 'www.linkedin.com', device: 'mobile', visitorHash: null });
    const stored = await everyStoredText();
    for (const needle of [IP, UA, 'PrivacyProbe', 'secret-path', ambassador.session]) expect({ needle, found: stored.filter((v) => v.includes(needle)) }).toEqual({ needle, found: [] });
  });
});
