/** Issue 11: a content's optional end date (a job offer filled) closes it: out of the feed, no new share, links to the fallback URL. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../worker/lib/db';
import { clearLinkCache, LINK_CACHE_TTL_MS, resolveLink } from '../../worker/services/link-targets';
import { callJson } from './http';
import { content, joinAndAccept, makeSpace } from './ambassador-space';
import { makeLink } from './builders';

const HOUR = 3_600_000;

describe('a content with an end date', () => {
  it('is accepted, shown and reopened through the API; a bad date is refused with its field', async () => {
    const space = await makeSpace();
    const job = await content(space);
    const endsAt = '2031-05-01T17:00:00.000Z';
    const closed = await callJson<{ endsAt: string | null }>(`/api/v1/contents/${job.id}`, { method: 'PATCH', session: space.owner, body: { endsAt } });
    expect(closed.status).toBe(200);
    expect(closed.body.endsAt).toBe(endsAt);
    expect((await callJson<{ endsAt: string | null }>(`/api/v1/contents/${job.id}`, { method: 'PATCH', session: space.owner, body: { endsAt: null } })).body.endsAt).toBeNull();
    expect((await callJson(`/api/v1/contents/${job.id}`, { method: 'PATCH', session: space.owner, body: { endsAt: 'next friday' } })).body).toMatchObject({ error: { code: 'validation_failed', field: 'endsAt' } });
  });

  it('leaves the feed and can no longer be shared once its time has come', async () => {
    const space = await makeSpace();
    const amb = await joinAndAccept(space);
    const open = await content(space);
    const filled = await content(space);
    await callJson(`/api/v1/contents/${filled.id}`, { method: 'PATCH', session: space.owner, body: { endsAt: new Date(Date.now() - 1000).toISOString() } });
    await callJson(`/api/v1/contents/${open.id}`, { method: 'PATCH', session: space.owner, body: { endsAt: new Date(Date.now() + HOUR).toISOString() } });
    const feed = await callJson<{ items: { id: string }[] }>('/api/v1/me/feed', { session: amb.session });
    expect(feed.body.items.map((i) => i.id)).toEqual([open.id]);
    const refused = await callJson('/api/v1/me/shares', { session: amb.session, body: { contentId: filled.id, network: 'linkedin', text: 'Un poste que j’aurais aimé partager, avec mes mots.' } });
    expect(refused.body).toMatchObject({ error: { code: 'validation_failed', field: 'contentId' } });
  });

  it('sends its links to the fallback URL from its closing time on, even when the link was cached while open', async () => {
    const now = Date.now();
    const closesIn = LINK_CACHE_TTL_MS / 3;
    const { link } = await makeLink({ organisation: { fallbackUrl: 'https://example.com/careers' }, url: 'https://example.com/jobs/42', content: { endsAt: now + closesIn } });
    const db = getDb(env.DB);
    clearLinkCache();
    const before = await resolveLink(db, link.slug, now);
    expect(new URL(before?.untracked ?? '').pathname).toBe('/jobs/42');
    // Just past the closing time, well within the cache's lifetime: the cached target is not used.
    const after = await resolveLink(db, link.slug, now + closesIn + 1);
    expect(new URL(after?.untracked ?? '').pathname).toBe('/careers');
  });

  it('keeps sending to the content itself when the organisation has no fallback URL', async () => {
    const now = Date.now();
    const { link } = await makeLink({ url: 'https://example.com/jobs/7', content: { endsAt: now - HOUR } });
    clearLinkCache();
    const target = await resolveLink(getDb(env.DB), link.slug, now);
    expect(new URL(target?.untracked ?? '').pathname).toBe('/jobs/7');
    expect(target?.closesAt).toBeNull();
  });
});
