/**
 * Preview images and the organisation's logo, fetched by the Worker through the fake web (tests/fake-web.ts) and
 * served from our origin: type sniffed from the bytes, size capped, internal hosts refused, cached, per organisation.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Organisation } from '../../worker/schemas/organisations';
import type { Me } from '../../worker/schemas/me';
import { makeContent } from './builders';
import { content, join, makeSpace, type Space } from './ambassador-space';
import { call, callJson } from './http';

const CDN = 'https://cdn.example.com';
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];

afterEach(() => {
  vi.restoreAllMocks();
});

async function contentWithImage(space: Space, image: string) {
  return makeContent(space.organisationId, space.campaignId, { preview: { title: 'T', description: null, image, fetchedAt: Date.now() } });
}

async function imageOf(contentId: string, session: string) {
  return call(`/api/v1/contents/${contentId}/image`, { session });
}

describe('GET /api/v1/contents/{id}/image', () => {
  it('serves the PNG from our origin with its own type, nosniff, a closed CSP and a private cache lifetime', async () => {
    const space = await makeSpace({ charter: false });
    const stored = await contentWithImage(space, `${CDN}/cover.png`);
    const res = await imageOf(stored.id, space.owner);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(res.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
    expect([...new Uint8Array(await res.arrayBuffer()).slice(0, 4)]).toEqual(PNG_MAGIC);
  });

  it('fetches an image once, then serves it from the cache', async () => {
    const space = await makeSpace({ charter: false });
    const image = `${CDN}/cover.png?cache=${crypto.randomUUID()}`;
    const stored = await contentWithImage(space, image);
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    expect((await imageOf(stored.id, space.owner)).status).toBe(200);
    expect((await imageOf(stored.id, space.owner)).status).toBe(200);
    expect(fetchSpy.mock.calls.filter(([input]) => String(input instanceof Request ? input.url : input) === image)).toHaveLength(1);
  });

  it.each([
    ['an SVG sent as image/png', `${CDN}/lying.png`],
    ['an SVG', `${CDN}/logo.svg`],
    ['a 5 MB image', `${CDN}/huge.png`],
    ['a redirect to a private host', `${CDN}/to-private.png`],
    ['an internal host', 'http://169.254.169.254/cover.png'],
    ['a host that does not answer', 'https://gone.example.org/cover.png'],
    ['an image slower than the deadline', `${CDN}/slow.png`],
  ])('answers 404 for %s', async (_, image) => {
    const space = await makeSpace({ charter: false });
    const stored = await contentWithImage(space, image);
    const res = await imageOf(stored.id, space.owner);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('answers 404 for a content without a preview, and for another organisation’s content', async () => {
    const space = await makeSpace({ charter: false });
    expect((await imageOf((await content(space)).id, space.owner)).status).toBe(404);
    const stored = await contentWithImage(space, `${CDN}/cover.png`);
    const other = await makeSpace({ charter: false });
    expect((await imageOf(stored.id, other.owner)).status).toBe(404);
    const outsider = await join(other);
    expect((await imageOf(stored.id, outsider.session)).status).toBe(404);
  });

  it('serves the organisation’s ambassadors, and nobody signed out', async () => {
    const space = await makeSpace({ charter: false });
    const stored = await contentWithImage(space, `${CDN}/cover.png`);
    const ambassador = await join(space);
    expect((await imageOf(stored.id, ambassador.session)).status).toBe(200);
    expect((await call(`/api/v1/contents/${stored.id}/image`)).status).toBe(401);
  });
});

describe('the organisation’s logo', () => {
  it('is an https URL on a public host', async () => {
    const space = await makeSpace({ charter: false });
    const patch = (logoUrl: unknown) => callJson<Organisation>('/api/v1/organisation', { session: space.owner, method: 'PATCH', body: { logoUrl } });
    for (const bad of ['http://cdn.example.com/logo.png', 'https://127.0.0.1/logo.png', 'https://localhost/logo.png', 'https://cdn.example.com:8443/logo.png', 'not a url']) {
      expect(await patch(bad)).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', field: 'logoUrl' } } });
    }
    expect(await patch(`${CDN}/logo.png`)).toMatchObject({ status: 200, body: { logoUrl: `${CDN}/logo.png` } });
    expect((await callJson<Organisation>('/api/v1/organisation', { session: space.owner })).body.logoUrl).toBe(`${CDN}/logo.png`);
  });

  it('shows in the ambassador’s space as the organisation’s name and a logo served from our origin', async () => {
    const space = await makeSpace({ charter: false });
    const ambassador = await join(space);
    expect((await callJson<Me>('/api/v1/me', { session: ambassador.session })).body.organisation).toEqual({ name: 'Acme', logoPath: null, disclosure: null });
    expect((await call('/api/v1/organisation/logo', { session: ambassador.session })).status).toBe(404);

    await callJson('/api/v1/organisation', { session: space.owner, method: 'PATCH', body: { logoUrl: `${CDN}/logo.png` } });
    const me = await callJson<Me>('/api/v1/me', { session: ambassador.session });
    expect(me.body.organisation).toEqual({ name: 'Acme', logoPath: expect.stringMatching(/^\/api\/v1\/organisation\/logo\?v=\d+$/), disclosure: null });
    const logo = await call(me.body.organisation.logoPath ?? '', { session: ambassador.session });
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(logo.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect((await call('/api/v1/organisation/logo', { session: space.owner })).status).toBe(200);
  });

  it('answers 404 for a logo that is not an image it serves', async () => {
    const space = await makeSpace({ charter: false });
    await callJson('/api/v1/organisation', { session: space.owner, method: 'PATCH', body: { logoUrl: `${CDN}/logo.svg` } });
    expect((await call('/api/v1/organisation/logo', { session: space.owner })).status).toBe(404);
  });
});
