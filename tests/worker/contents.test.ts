import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contents, links, NETWORKS } from '../../db/schema';
import { newId, randomSlug } from '../../worker/lib/ids';
import type { Campaign } from '../../worker/schemas/campaigns';
import type { Content } from '../../worker/schemas/contents';
import { db, makeAdminSession, makeAmbassador, makeApiKey, makeTenant } from './builders';
import { call, callJson } from './http';

type Page = { items: Content[]; nextCursor: string | null };

/** A tenant with one campaign, ready for content. */
async function setup() {
  const tenant = await makeTenant();
  const campaign = await callJson<Campaign>('/api/v1/campaigns', { session: tenant.session, body: { name: 'Hiring', objective: 'recruitment', status: 'active' } });
  return { ...tenant, campaignId: campaign.body.id };
}

async function createContent(session: string, campaignId: string, body: Record<string, unknown> = {}) {
  const res = await callJson<Content>('/api/v1/contents', { session, body: { campaignId, kind: 'job', title: 'Data engineer', url: 'https://jobs.example.com/42', ...body } });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A link to the content, inserted as the share flow will; answers its slug. */
async function linkTo(organisationId: string, contentId: string): Promise<string> {
  const ambassador = await makeAmbassador(organisationId);
  const slug = randomSlug(9);
  await db().insert(links).values({ id: newId('lnk'), organisationId, slug, ambassadorId: ambassador.id, contentId, network: 'linkedin', createdAt: Date.now() });
  return slug;
}

const location = async (slug: string) => new URL((await call(`/${slug}`)).headers.get('location') ?? '');
const invalid = (field: string, message?: string) => ({ status: 422, body: { error: { code: 'validation_failed', message: message ?? expect.any(String), field } } });

describe('POST /api/v1/contents', () => {
  it('creates active content with a normalised URL, a derived slug and all networks by default', async () => {
    const { session, campaignId } = await setup();
    const res = await callJson<Content>('/api/v1/contents', { session, body: { campaignId, kind: 'job', title: 'Ingénieur·e données (H/F)', url: 'HTTPS://Jobs.Example.COM:443/offre?id=42' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^cnt_/),
      campaignId,
      kind: 'job',
      title: 'Ingénieur·e données (H/F)',
      url: 'https://jobs.example.com/offre?id=42',
      slug: 'ingenieur-e-donnees-h-f',
      talkingPoints: '',
      networks: [...NETWORKS],
      status: 'active',
      endsAt: null,
      // The fake web has no page there (tests/fake-web.ts): no card, and the save went through.
      preview: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect((await callJson(`/api/v1/contents/${res.body.id}`, { session })).body).toEqual(res.body);
  });

  it('keeps talking points as Markdown and networks deduplicated in canonical order; slugs unique per organisation', async () => {
    const { session, campaignId } = await setup();
    const talkingPoints = '- Why *you* joined\n- One project you are proud of\n';
    const first = await createContent(session, campaignId, { talkingPoints, networks: ['x', 'linkedin', 'x'] });
    expect(first).toMatchObject({ talkingPoints, networks: ['linkedin', 'x'], slug: 'data-engineer' });
    expect((await createContent(session, campaignId)).slug).toBe('data-engineer-2');
    expect((await createContent(session, campaignId, { slug: 'custom-slug' })).slug).toBe('custom-slug');
  });

  it('answers 409 on slug for an explicit slug already taken', async () => {
    const { session, campaignId } = await setup();
    await createContent(session, campaignId, { slug: 'taken' });
    const res = await callJson('/api/v1/contents', { session, body: { campaignId, kind: 'news', title: 'Other', url: 'https://example.com/', slug: 'taken' } });
    expect(res).toMatchObject({ status: 409, body: { error: { code: 'conflict', message: expect.any(String), field: 'slug' } } });
  });

  it('answers 422 when campaignId names no campaign of this organisation', async () => {
    const { session } = await setup();
    const other = await setup();
    for (const campaignId of [other.campaignId, 'cmp_unknown']) {
      const res = await callJson('/api/v1/contents', { session, body: { campaignId, kind: 'job', title: 'Job', url: 'https://example.com/' } });
      expect(res).toMatchObject(invalid('campaignId', 'campaignId does not name a campaign of this organisation'));
    }
  });

  it('answers 422 with the field at fault', async () => {
    const { session, campaignId } = await setup();
    const base = { campaignId, kind: 'article', title: 'Title', url: 'https://example.com/a' };
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ ...base, campaignId: undefined }, 'campaignId', 'campaignId is required'],
      [{ ...base, kind: 'podcast' }, 'kind', 'kind must be one of article, job, event, news, whitepaper, video'],
      [{ ...base, title: '' }, 'title', 'title is required'],
      [{ ...base, title: 'x'.repeat(301) }, 'title'],
      [{ ...base, url: undefined }, 'url', 'url is required'],
      [{ ...base, url: 'javascript:alert(1)' }, 'url', 'url must be an http or https URL'],
      [{ ...base, url: 'ftp://example.com/file' }, 'url', 'url must be an http or https URL'],
      [{ ...base, url: 'not a url' }, 'url'],
      [{ ...base, slug: 'UPPER' }, 'slug'],
      [{ ...base, talkingPoints: 'x'.repeat(5001) }, 'talkingPoints', 'talkingPoints must be at most 5000 characters'],
      [{ ...base, talkingPoints: 42 }, 'talkingPoints'],
      [{ ...base, networks: [] }, 'networks', 'networks must name at least one network'],
      [{ ...base, networks: 'linkedin' }, 'networks'],
      [{ ...base, networks: ['linkedin', 'myspace'] }, 'networks.1', 'networks.1 must be one of linkedin, x, facebook, instagram, email, other'],
      [{ ...base, status: 'archived' }, 'status', 'status is not a field of a content'],
    ];
    for (const [body, field, message] of cases) {
      expect(await callJson('/api/v1/contents', { session, body }), JSON.stringify(body).slice(0, 120)).toMatchObject(invalid(field, message));
    }
  });

  it('accepts exactly 5000 characters of talking points', async () => {
    const { session, campaignId } = await setup();
    expect((await createContent(session, campaignId, { talkingPoints: 'x'.repeat(5000) })).talkingPoints).toHaveLength(5000);
  });

  it('answers 401 without a credential, 403 to an analyst and to a kpis:read key; an admin key may create', async () => {
    const { organisationId, campaignId } = await setup();
    const body = { campaignId, kind: 'job', title: 'Job', url: 'https://example.com/' };
    expect(await callJson('/api/v1/contents', { body })).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    expect(await callJson('/api/v1/contents', { session: await makeAdminSession(organisationId, 'analyst'), body })).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await callJson('/api/v1/contents', { bearer: await makeApiKey(organisationId, ['kpis:read']), body })).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await callJson('/api/v1/contents', { bearer: await makeApiKey(organisationId, ['admin']), body })).status).toBe(201);
  });
});

describe('GET /api/v1/contents', () => {
  it('pages newest first with an opaque cursor, without duplicates', async () => {
    const { session, campaignId } = await setup();
    const created = [];
    for (const title of ['One', 'Two', 'Three']) created.push(await createContent(session, campaignId, { title }));
    const first = await callJson<Page>('/api/v1/contents?limit=2', { session });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await callJson<Page>(`/api/v1/contents?limit=2&cursor=${first.body.nextCursor}`, { session });
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: expect.any(String) })], nextCursor: null });
    const ids = [...first.body.items, ...second.body.items].map((c) => c.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids.sort()).toEqual(created.map((c) => c.id).sort());
  });

  it('filters by campaign and status, within the caller’s organisation only', async () => {
    const { session, campaignId } = await setup();
    const other = await setup();
    const second = await callJson<Campaign>('/api/v1/campaigns', { session, body: { name: 'Events', objective: 'awareness' } });
    const a = await createContent(session, campaignId);
    const b = await createContent(session, second.body.id);
    await createContent(other.session, other.campaignId);
    await callJson(`/api/v1/contents/${a.id}`, { method: 'PATCH', session, body: { status: 'archived' } });
    expect((await callJson<Page>('/api/v1/contents', { session })).body.items.map((c) => c.id)).toEqual([b.id, a.id]);
    expect((await callJson<Page>(`/api/v1/contents?campaignId=${second.body.id}`, { session })).body.items.map((c) => c.id)).toEqual([b.id]);
    expect((await callJson<Page>('/api/v1/contents?status=archived', { session })).body.items.map((c) => c.id)).toEqual([a.id]);
    expect((await callJson<Page>(`/api/v1/contents?campaignId=${other.campaignId}`, { session })).body).toEqual({ items: [], nextCursor: null });
  });

  it('answers 422 for a bad cursor or status, 401 without a credential, 200 to an analyst', async () => {
    const { organisationId, session } = await setup();
    expect(await callJson('/api/v1/contents?cursor=eyJub3QiOiJhIGN1cnNvciJ9', { session })).toMatchObject(invalid('cursor'));
    expect(await callJson('/api/v1/contents?status=draft', { session })).toMatchObject(invalid('status'));
    expect((await callJson('/api/v1/contents')).status).toBe(401);
    expect((await callJson('/api/v1/contents', { session: await makeAdminSession(organisationId, 'analyst') })).status).toBe(200);
  });
});

describe('GET /api/v1/contents/{id}', () => {
  it('answers 404 for an unknown id and for another organisation’s content alike', async () => {
    const { session } = await setup();
    const other = await setup();
    const theirs = await createContent(other.session, other.campaignId);
    const unknown = await callJson('/api/v1/contents/cnt_nope', { session });
    const foreign = await callJson(`/api/v1/contents/${theirs.id}`, { session });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(unknown.body);
  });
});

describe('PATCH /api/v1/contents/{id}', () => {
  it('changes only the fields sent, and the same body twice gives the same content', async () => {
    const { session, campaignId } = await setup();
    const content = await createContent(session, campaignId, { talkingPoints: 'Old ideas' });
    const body = { title: 'Senior data engineer', networks: ['linkedin'], kind: 'job' };
    const once = await callJson<Content>(`/api/v1/contents/${content.id}`, { method: 'PATCH', session, body });
    const twice = await callJson<Content>(`/api/v1/contents/${content.id}`, { method: 'PATCH', session, body });
    expect(once.status).toBe(200);
    expect(once.body).toEqual({ ...content, title: 'Senior data engineer', networks: ['linkedin'], updatedAt: expect.any(String) });
    expect({ ...twice.body, updatedAt: null }).toEqual({ ...once.body, updatedAt: null });
  });

  it('sends a posted link to the new URL right after the change', async () => {
    const { organisationId, session, campaignId } = await setup();
    const content = await createContent(session, campaignId, { url: 'https://jobs.example.com/old' });
    const slug = await linkTo(organisationId, content.id);
    expect((await location(slug)).pathname).toBe('/old');
    const res = await callJson<Content>(`/api/v1/contents/${content.id}`, { method: 'PATCH', session, body: { url: 'https://jobs.example.com/new', slug: 'renamed' } });
    expect(res.body).toMatchObject({ url: 'https://jobs.example.com/new', slug: 'renamed' });
    const after = await location(slug);
    expect(after.pathname).toBe('/new');
    expect(after.searchParams.get('utm_content')).toBe('renamed');
  });

  it('moves content to another campaign of the organisation only', async () => {
    const { session, campaignId } = await setup();
    const other = await setup();
    const second = await callJson<Campaign>('/api/v1/campaigns', { session, body: { name: 'Events', objective: 'awareness' } });
    const content = await createContent(session, campaignId);
    const path = `/api/v1/contents/${content.id}`;
    expect(await callJson(path, { method: 'PATCH', session, body: { campaignId: other.campaignId } })).toMatchObject(invalid('campaignId', 'campaignId does not name a campaign of this organisation'));
    expect(await callJson(path, { method: 'PATCH', session, body: { campaignId: second.body.id } })).toMatchObject({ status: 200, body: { campaignId: second.body.id } });
  });

  it('answers 409 for another content’s slug and 422 for bad or unknown fields', async () => {
    const { session, campaignId } = await setup();
    await createContent(session, campaignId, { slug: 'first' });
    const content = await createContent(session, campaignId);
    const path = `/api/v1/contents/${content.id}`;
    expect(await callJson(path, { method: 'PATCH', session, body: { slug: 'first' } })).toMatchObject({ status: 409, body: { error: { code: 'conflict', field: 'slug' } } });
    expect(await callJson(path, { method: 'PATCH', session, body: { url: 'mailto:jobs@example.com' } })).toMatchObject(invalid('url'));
    expect(await callJson(path, { method: 'PATCH', session, body: { status: 'draft' } })).toMatchObject(invalid('status', 'status must be one of active, archived'));
    expect(await callJson(path, { method: 'PATCH', session, body: { organisationId: 'org_x' } })).toMatchObject(invalid('organisationId', 'organisationId is not a field of a content'));
    expect(await callJson(path, { method: 'PATCH', session, body: { title: null } })).toMatchObject(invalid('title'));
    expect((await callJson(path, { session })).body).toEqual(content);
  });

  it('answers 404 for another organisation’s content, 403 to an analyst, 401 without a credential', async () => {
    const { organisationId, session, campaignId } = await setup();
    const other = await setup();
    const theirs = await createContent(other.session, other.campaignId);
    const mine = await createContent(session, campaignId);
    expect(await callJson(`/api/v1/contents/${theirs.id}`, { method: 'PATCH', session, body: { url: 'https://evil.example/' } })).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect((await callJson<Content>(`/api/v1/contents/${theirs.id}`, { session: other.session })).body.url).toBe('https://jobs.example.com/42');
    expect((await callJson(`/api/v1/contents/${mine.id}`, { method: 'PATCH', session: await makeAdminSession(organisationId, 'analyst'), body: { title: 'X' } })).status).toBe(403);
    expect((await callJson(`/api/v1/contents/${mine.id}`, { method: 'PATCH', body: { title: 'X' } })).status).toBe(401);
  });
});

describe('DELETE /api/v1/contents/{id}', () => {
  it('deletes content no link points at', async () => {
    const { session, campaignId } = await setup();
    const content = await createContent(session, campaignId);
    const res = await call(`/api/v1/contents/${content.id}`, { method: 'DELETE', session });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect((await callJson(`/api/v1/contents/${content.id}`, { session })).status).toBe(404);
  });

  it('archives content with links, which keep redirecting; deleting again answers 204', async () => {
    const { organisationId, session, campaignId } = await setup();
    const content = await createContent(session, campaignId);
    const slug = await linkTo(organisationId, content.id);
    for (let i = 0; i < 2; i++) expect((await call(`/api/v1/contents/${content.id}`, { method: 'DELETE', session })).status).toBe(204);
    expect((await callJson<Content>(`/api/v1/contents/${content.id}`, { session })).body).toMatchObject({ id: content.id, status: 'archived' });
    expect((await location(slug)).pathname).toBe('/42');
  });

  it('sends links of archived content to the organisation’s fallback URL when it has one', async () => {
    const { organisationId, session, campaignId } = await setup();
    await callJson('/api/v1/organisation', { method: 'PATCH', session, body: { fallbackUrl: 'https://example.com/careers' } });
    const content = await createContent(session, campaignId);
    const slug = await linkTo(organisationId, content.id);
    expect((await location(slug)).pathname).toBe('/42');
    await call(`/api/v1/contents/${content.id}`, { method: 'DELETE', session });
    expect((await location(slug)).pathname).toBe('/careers');
  });

  it('answers 404 for another organisation’s content and leaves it; 403 to an analyst; 401 without a credential', async () => {
    const { session } = await setup();
    const other = await setup();
    const theirs = await createContent(other.session, other.campaignId);
    expect(await callJson(`/api/v1/contents/${theirs.id}`, { method: 'DELETE', session })).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect((await call(`/api/v1/contents/${theirs.id}`, { method: 'DELETE', session: await makeAdminSession(other.organisationId, 'analyst') })).status).toBe(403);
    expect((await call(`/api/v1/contents/${theirs.id}`, { method: 'DELETE' })).status).toBe(401);
    expect(await db().select({ id: contents.id }).from(contents).where(eq(contents.id, theirs.id))).toHaveLength(1);
  });
});
