/**
 * Preview cards: read server-side from the page's Open Graph tags through the fake web (tests/fake-web.ts, the
 * Miniflare outbound service), bounded against hostile pages and internal hosts; a save never fails because of it.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contents, type ContentPreview } from '../../db/schema';
import type { Content } from '../../worker/schemas/contents';
import { readLinkPreview } from '../../worker/services/link-preview';
import { db, makeAdminSession, makeContent } from './builders';
import { join, makeSpace } from './ambassador-space';
import { callJson } from './http';

const NEWS = 'https://news.example.com';
// What every internal-looking host of the fake web answers: finding it means a forged request went out.
const SECRET = 'Internal secret';

async function create(url: string) {
  const space = await makeSpace({ charter: false });
  const res = await callJson<Content>('/api/v1/contents', { session: space.owner, body: { campaignId: space.campaignId, kind: 'article', title: 'Our news', url } });
  return { space, ...res };
}

describe('POST /api/v1/contents reads the page’s preview', () => {
  it('stores og:title, og:description and og:image (resolved against the page), entities decoded', async () => {
    const { status, body } = await create(`${NEWS}/article`);
    expect(status).toBe(201);
    expect(body.preview).toEqual({
      title: 'Nous recrutons & formons',
      description: 'Trois postes ouverts à Lyon, en CDI.',
      image: `${NEWS}/cover.png`,
      imagePath: expect.stringMatching(new RegExp(`^/api/v1/contents/${body.id}/image\\?v=\\d+$`)),
      fetchedAt: expect.any(String),
    });
    const read = await callJson<Content>(`/api/v1/contents/${body.id}`, { session: (await create(`${NEWS}/plain`)).space.owner });
    expect(read.status).toBe(404);
  });

  it('falls back on <title>, the description meta tag and twitter:image', async () => {
    const { body } = await create(`${NEWS}/plain`);
    expect(body.preview).toMatchObject({ title: 'Plain page', description: 'Described the old way', image: 'https://cdn.example.com/cover.png' });
  });

  it('follows up to 3 redirects and no more', async () => {
    expect((await create(`${NEWS}/hop/1`)).body.preview).toMatchObject({ title: 'Nous recrutons & formons' });
    const tooMany = await create(`${NEWS}/hop/0`);
    expect(tooMany.status).toBe(201);
    expect(tooMany.body.preview).toBeNull();
  });

  it.each(['to-loopback', 'to-metadata'])('refuses a redirect to an internal host (%s), and the content is still saved', async (path) => {
    const { status, body } = await create(`${NEWS}/${path}`);
    expect(status).toBe(201);
    expect(body.preview).toBeNull();
  });

  it('caps what a hostile page says: title 200 characters, description 500, an internal image dropped', async () => {
    const { body } = await create(`${NEWS}/hostile`);
    expect([...(body.preview?.title ?? '')]).toHaveLength(200);
    expect([...(body.preview?.description ?? '')]).toHaveLength(500);
    expect(body.preview?.image).toBeNull();
    expect(body.preview?.imagePath).toBeNull();
  });

  it('reads at most 256 KB of a 5 MB page', async () => {
    const { body } = await create(`${NEWS}/huge`);
    expect(body.preview).toMatchObject({ title: 'Huge page', description: null });
  });

  it('parses only HTML (a text/plain page holding tags stays unread)', async () => {
    const { status, body } = await create(`${NEWS}/not-html`);
    expect(status).toBe(201);
    expect(body.preview).toBeNull();
  });

  it('gives up on a page slower than its deadline, and saves the content', async () => {
    const { status, body } = await create(`${NEWS}/slow`);
    expect(status).toBe(201);
    expect(body.preview).toBeNull();
  });

  it('saves the content when the host does not answer at all', async () => {
    const { status, body } = await create('https://unknown.example.org/page');
    expect(status).toBe(201);
    expect(body.preview).toBeNull();
  });
});

describe('GET /api/v1/me/feed', () => {
  it('gives each content its card, the image as a path on our origin, never the page’s address', async () => {
    const space = await makeSpace({ charter: false });
    const ambassador = await join(space);
    const stored = await makeContent(space.organisationId, space.campaignId, { preview: { title: 'Card', description: 'Said', image: 'https://cdn.example.com/cover.png', fetchedAt: 7 } });
    const feed = await callJson<{ items: Array<{ id: string; preview: unknown }> }>('/api/v1/me/feed', { session: ambassador.session });
    expect(feed.body.items.find((item) => item.id === stored.id)?.preview).toEqual({ title: 'Card', description: 'Said', imagePath: `/api/v1/contents/${stored.id}/image?v=7` });
  });
});

describe('readLinkPreview never fetches an internal address', () => {
  it.each([
    'http://127.0.0.1/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://10.0.0.1/',
    'http://172.16.0.1/',
    'http://192.168.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/',
    'http://0.0.0.0/',
    'http://[::1]/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://localhost/',
    'http://api.localhost/',
    'http://printer.local/',
    'http://metadata.google.internal/',
    'http://intranet/',
    'https://news.example.com:8080/article',
    'https://user:secret@news.example.com/article',
  ])('%s', async (href) => {
    expect(await readLinkPreview(href)).toBeNull();
  });

  it('(the fake web does answer those hosts, so a missing check shows)', async () => {
    const res = await fetch('http://127.0.0.1/');
    expect(await res.text()).toContain(SECRET);
  });
});

describe('PATCH /api/v1/contents/{id} and POST /api/v1/contents/{id}/preview', () => {
  it('reads the preview again when the URL changes, and only then', async () => {
    const { space, body } = await create(`${NEWS}/article`);
    const renamed = await callJson<Content>(`/api/v1/contents/${body.id}`, { session: space.owner, method: 'PATCH', body: { title: 'Renamed' } });
    expect(renamed.body.preview).toEqual(body.preview);
    const moved = await callJson<Content>(`/api/v1/contents/${body.id}`, { session: space.owner, method: 'PATCH', body: { url: `${NEWS}/other` } });
    expect(moved.status).toBe(200);
    expect(moved.body.preview).toMatchObject({ title: 'Another page', description: null, image: null });
    const broken = await callJson<Content>(`/api/v1/contents/${body.id}`, { session: space.owner, method: 'PATCH', body: { url: `${NEWS}/not-html` } });
    expect(broken.status).toBe(200);
    expect(broken.body.preview).toBeNull();
  });

  it('refreshes the preview on demand, keeps the old one when the page cannot be read, 404 for another organisation', async () => {
    const space = await makeSpace({ charter: false });
    const stored = await makeContent(space.organisationId, space.campaignId, { url: `${NEWS}/article` });
    const refreshed = await callJson<Content>(`/api/v1/contents/${stored.id}/preview`, { session: space.owner, method: 'POST' });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.preview).toMatchObject({ title: 'Nous recrutons & formons' });
    expect((await db().select({ preview: contents.preview }).from(contents).where(eq(contents.id, stored.id)).get())?.preview?.title).toBe('Nous recrutons & formons');

    const old: ContentPreview = { title: 'Old card', description: null, image: null, fetchedAt: 1 };
    const failing = await makeContent(space.organisationId, space.campaignId, { url: `${NEWS}/not-html`, preview: old });
    const kept = await callJson<Content>(`/api/v1/contents/${failing.id}/preview`, { session: space.owner, method: 'POST' });
    expect(kept.status).toBe(200);
    expect(kept.body.preview).toMatchObject({ title: 'Old card' });

    const other = await makeSpace({ charter: false });
    expect((await callJson(`/api/v1/contents/${stored.id}/preview`, { session: other.owner, method: 'POST' })).status).toBe(404);
    const analyst = await makeAdminSession(space.organisationId, 'analyst');
    expect((await callJson(`/api/v1/contents/${stored.id}/preview`, { session: analyst, method: 'POST' })).status).toBe(403);
    expect((await callJson(`/api/v1/contents/${stored.id}/preview`, { method: 'POST' })).status).toBe(401);
  });
});
