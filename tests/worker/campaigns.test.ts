import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { campaigns, contents, links } from '../../db/schema';
import { newId, randomSlug } from '../../worker/lib/ids';
import type { Campaign } from '../../worker/schemas/campaigns';
import { slugify } from '../../worker/services/slugs';
import { db, makeAdminSession, makeAmbassador, makeApiKey, makeTenant } from './builders';
import { call, callJson } from './http';

type Page = { items: Campaign[]; nextCursor: string | null };
type ErrorBody = { error: { code: string; message: string; field?: string } };

async function createCampaign(session: string, body: Record<string, unknown> = {}) {
  const res = await callJson<Campaign>('/api/v1/campaigns', { session, body: { name: 'Spring hiring', objective: 'recruitment', ...body } });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const invalid = (field: string, message?: string) => ({ status: 422, body: { error: { code: 'validation_failed', message: message ?? expect.any(String), field } } });

describe('slugify', () => {
  it('keeps lower-case ASCII, strips accents, spells ligatures and joins words with single dashes', () => {
    expect(slugify('  Été 2026 : Recrutement du Cœur !  ')).toBe('ete-2026-recrutement-du-coeur');
    expect(slugify('Straße_über--alles')).toBe('strasse-uber-alles');
    expect(slugify('日本語')).toBe('');
    expect(slugify('a'.repeat(80))).toHaveLength(64);
  });
});

describe('POST /api/v1/campaigns', () => {
  it('creates a draft campaign with a slug derived from the name', async () => {
    const { session } = await makeTenant();
    const res = await callJson<Campaign>('/api/v1/campaigns', { session, body: { name: 'Été 2026 : Recrutement', objective: 'recruitment', startsAt: '2026-06-01T08:00:00+02:00' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^cmp_/),
      name: 'Été 2026 : Recrutement',
      slug: 'ete-2026-recrutement',
      objective: 'recruitment',
      status: 'draft',
      startsAt: '2026-06-01T06:00:00.000Z',
      endsAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect((await callJson(`/api/v1/campaigns/${res.body.id}`, { session })).body).toEqual(res.body);
  });

  it('makes derived slugs unique within the organisation with -2, -3', async () => {
    const { session } = await makeTenant();
    const slugs = [];
    for (let i = 0; i < 3; i++) slugs.push((await createCampaign(session, { name: 'Salon VivaTech' })).slug);
    expect(slugs).toEqual(['salon-vivatech', 'salon-vivatech-2', 'salon-vivatech-3']);
    const other = await makeTenant();
    expect((await createCampaign(other.session, { name: 'Salon VivaTech' })).slug).toBe('salon-vivatech');
  });

  it('falls back to "campaign" when the name has no ASCII letter', async () => {
    const { session } = await makeTenant();
    expect((await createCampaign(session, { name: '採用' })).slug).toBe('campaign');
  });

  it('answers 409 on slug for an explicit slug already taken', async () => {
    const { session } = await makeTenant();
    await createCampaign(session, { slug: 'taken' });
    const res = await callJson('/api/v1/campaigns', { session, body: { name: 'Other', objective: 'leads', slug: 'taken' } });
    expect(res).toMatchObject({ status: 409, body: { error: { code: 'conflict', message: expect.any(String), field: 'slug' } } });
  });

  it('answers 422 with the field at fault', async () => {
    const { session } = await makeTenant();
    const base = { name: 'Campaign', objective: 'awareness' };
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ objective: 'awareness' }, 'name', 'name is required'],
      [{ ...base, name: '   ' }, 'name', 'name is required'],
      [{ ...base, name: 'x'.repeat(201) }, 'name', 'name must be at most 200 characters'],
      [{ name: 'Campaign' }, 'objective', 'objective is required'],
      [{ ...base, objective: 'fame' }, 'objective', 'objective must be one of awareness, leads, recruitment, engagement'],
      [{ ...base, status: 'paused' }, 'status', 'status must be one of draft, active, archived'],
      [{ ...base, slug: 'Not A Slug' }, 'slug'],
      [{ ...base, slug: '-dash' }, 'slug'],
      [{ ...base, startsAt: 'tomorrow' }, 'startsAt'],
      [{ ...base, endsAt: 1_780_000_000_000 }, 'endsAt'],
      [{ ...base, startsAt: '2026-06-02T00:00:00Z', endsAt: '2026-06-01T00:00:00Z' }, 'endsAt', 'endsAt must not be before startsAt'],
      [{ ...base, budget: 10 }, 'budget', 'budget is not a field of a campaign'],
    ];
    for (const [body, field, message] of cases) {
      expect(await callJson('/api/v1/campaigns', { session, body }), JSON.stringify(body)).toMatchObject(invalid(field, message));
    }
  });

  it('answers 400 for malformed JSON, 422 for a body that is not an object', async () => {
    const { session } = await makeTenant();
    const notObject = await callJson('/api/v1/campaigns', { session, body: null });
    expect(notObject.status).toBe(422);
    expect(notObject.body).toEqual({ error: { code: 'validation_failed', message: 'The body must be a JSON object.' } });
    const res = await callJson('/api/v1/campaigns', { session, raw: '{"name":', headers: { 'content-type': 'application/json' } });
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
  });

  it('answers 401 without a credential', async () => {
    const res = await callJson('/api/v1/campaigns', { body: { name: 'Campaign', objective: 'leads' } });
    expect(res).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
  });

  it('answers 403 to an analyst and to a key with only kpis:read; an admin key may create', async () => {
    const { organisationId } = await makeTenant();
    const body = { name: 'Campaign', objective: 'leads' };
    expect(await callJson('/api/v1/campaigns', { session: await makeAdminSession(organisationId, 'analyst'), body })).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await callJson('/api/v1/campaigns', { bearer: await makeApiKey(organisationId, ['kpis:read']), body })).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await callJson('/api/v1/campaigns', { bearer: await makeApiKey(organisationId, ['admin']), body })).status).toBe(201);
  });
});

describe('GET /api/v1/campaigns', () => {
  it('pages newest first with an opaque cursor, without duplicates', async () => {
    const { session } = await makeTenant();
    const created = [];
    for (const name of ['One', 'Two', 'Three']) created.push(await createCampaign(session, { name }));
    const first = await callJson<Page>('/api/v1/campaigns?limit=2', { session });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await callJson<Page>(`/api/v1/campaigns?limit=2&cursor=${first.body.nextCursor}`, { session });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((c) => c.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids.sort()).toEqual(created.map((c) => c.id).sort());
  });

  it('shows only the caller’s organisation, filtered by status on request', async () => {
    const tenant = await makeTenant();
    const other = await makeTenant();
    const active = await createCampaign(tenant.session, { status: 'active' });
    const draft = await createCampaign(tenant.session);
    await createCampaign(other.session);
    const all = await callJson<Page>('/api/v1/campaigns', { session: tenant.session });
    expect(all.body.items.map((c) => c.id)).toEqual([draft.id, active.id]);
    const onlyActive = await callJson<Page>('/api/v1/campaigns?status=active', { session: tenant.session });
    expect(onlyActive.body).toEqual({ items: [active], nextCursor: null });
  });

  it('lets an analyst read', async () => {
    const { organisationId, session } = await makeTenant();
    await createCampaign(session);
    const res = await callJson<Page>('/api/v1/campaigns', { session: await makeAdminSession(organisationId, 'analyst') });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
  });

  it('answers 422 for a bad cursor, limit or status, and 401 without a credential', async () => {
    const { session } = await makeTenant();
    expect(await callJson('/api/v1/campaigns?cursor=garbage', { session })).toMatchObject(invalid('cursor'));
    expect(await callJson('/api/v1/campaigns?limit=0', { session })).toMatchObject(invalid('limit'));
    expect(await callJson('/api/v1/campaigns?limit=201', { session })).toMatchObject(invalid('limit'));
    expect(await callJson('/api/v1/campaigns?status=paused', { session })).toMatchObject(invalid('status'));
    expect((await callJson('/api/v1/campaigns')).status).toBe(401);
  });
});

describe('GET /api/v1/campaigns/{id}', () => {
  it('answers 404 for an unknown id and for another organisation’s campaign alike', async () => {
    const tenant = await makeTenant();
    const other = await makeTenant();
    const theirs = await createCampaign(other.session);
    const unknown = await callJson<ErrorBody>('/api/v1/campaigns/cmp_nope', { session: tenant.session });
    const foreign = await callJson<ErrorBody>(`/api/v1/campaigns/${theirs.id}`, { session: tenant.session });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(unknown.body);
    expect((await callJson(`/api/v1/campaigns/${theirs.id}`)).status).toBe(401);
  });
});

describe('PATCH /api/v1/campaigns/{id}', () => {
  it('changes only the fields sent, and null clears a date', async () => {
    const { session } = await makeTenant();
    const campaign = await createCampaign(session, { startsAt: '2026-06-01T00:00:00Z', endsAt: '2026-06-30T00:00:00Z' });
    const res = await callJson<Campaign>(`/api/v1/campaigns/${campaign.id}`, { method: 'PATCH', session, body: { name: 'Renamed', status: 'active', endsAt: null } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...campaign, name: 'Renamed', status: 'active', endsAt: null, updatedAt: expect.any(String) });
  });

  it('is idempotent: the same body twice gives the same campaign', async () => {
    const { session } = await makeTenant();
    const campaign = await createCampaign(session);
    const body = { objective: 'engagement', slug: 'new-slug', startsAt: '2026-09-01T00:00:00Z' };
    const once = await callJson<Campaign>(`/api/v1/campaigns/${campaign.id}`, { method: 'PATCH', session, body });
    const twice = await callJson<Campaign>(`/api/v1/campaigns/${campaign.id}`, { method: 'PATCH', session, body });
    expect(once.status).toBe(200);
    expect(twice.status).toBe(200);
    expect({ ...twice.body, updatedAt: null }).toEqual({ ...once.body, updatedAt: null });
    expect(once.body).toMatchObject({ objective: 'engagement', slug: 'new-slug', startsAt: '2026-09-01T00:00:00.000Z' });
  });

  it('answers 409 for another campaign’s slug, 422 for unknown fields and an end before the start', async () => {
    const { session } = await makeTenant();
    await createCampaign(session, { slug: 'first' });
    const second = await createCampaign(session, { startsAt: '2026-06-10T00:00:00Z' });
    const path = `/api/v1/campaigns/${second.id}`;
    expect(await callJson(path, { method: 'PATCH', session, body: { slug: 'first' } })).toMatchObject({ status: 409, body: { error: { code: 'conflict', field: 'slug' } } });
    expect(await callJson(path, { method: 'PATCH', session, body: { endsAt: '2026-06-01T00:00:00Z' } })).toMatchObject(invalid('endsAt'));
    expect(await callJson(path, { method: 'PATCH', session, body: { id: 'cmp_x' } })).toMatchObject(invalid('id'));
    expect(await callJson(path, { method: 'PATCH', session, body: { name: null } })).toMatchObject(invalid('name'));
    expect(await callJson(path, { method: 'PATCH', session, body: { status: 'done' } })).toMatchObject(invalid('status'));
    expect((await callJson<Campaign>(path, { session })).body).toEqual(second);
  });

  it('answers 404 for another organisation’s campaign, 403 to an analyst, 401 without a credential', async () => {
    const tenant = await makeTenant();
    const other = await makeTenant();
    const theirs = await createCampaign(other.session);
    const mine = await createCampaign(tenant.session);
    expect(await callJson(`/api/v1/campaigns/${theirs.id}`, { method: 'PATCH', session: tenant.session, body: { name: 'Hijacked' } })).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect((await callJson<Campaign>(`/api/v1/campaigns/${theirs.id}`, { session: other.session })).body.name).toBe('Spring hiring');
    expect((await callJson(`/api/v1/campaigns/${mine.id}`, { method: 'PATCH', session: await makeAdminSession(tenant.organisationId, 'analyst'), body: { name: 'X' } })).status).toBe(403);
    expect((await callJson(`/api/v1/campaigns/${mine.id}`, { method: 'PATCH', body: { name: 'X' } })).status).toBe(401);
  });

  it('changes utm_campaign of a posted link at once', async () => {
    const { organisationId, session } = await makeTenant();
    const campaign = await createCampaign(session, { slug: 'before' });
    const slug = await linkTo(organisationId, campaign.id);
    const utmCampaign = async () => new URL((await call(`/${slug}`)).headers.get('location') ?? '').searchParams.get('utm_campaign');
    expect(await utmCampaign()).toBe('before');
    await callJson(`/api/v1/campaigns/${campaign.id}`, { method: 'PATCH', session, body: { slug: 'after' } });
    expect(await utmCampaign()).toBe('after');
  });
});

/** A content in `campaignId` and a link to it; answers the link's slug. */
async function linkTo(organisationId: string, campaignId: string): Promise<string> {
  const now = Date.now();
  const content = { id: newId('cnt'), organisationId, campaignId, kind: 'job' as const, title: 'Job', url: 'https://jobs.example.com/42', slug: `cnt-${randomSlug(8).toLowerCase()}`, createdAt: now, updatedAt: now };
  await db().insert(contents).values(content);
  const ambassador = await makeAmbassador(organisationId);
  const slug = randomSlug(9);
  await db().insert(links).values({ id: newId('lnk'), organisationId, slug, ambassadorId: ambassador.id, contentId: content.id, network: 'linkedin', createdAt: now });
  return slug;
}

describe('DELETE /api/v1/campaigns/{id}', () => {
  it('deletes a campaign without content', async () => {
    const { session } = await makeTenant();
    const campaign = await createCampaign(session);
    const res = await call(`/api/v1/campaigns/${campaign.id}`, { method: 'DELETE', session });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect((await callJson(`/api/v1/campaigns/${campaign.id}`, { session })).status).toBe(404);
  });

  it('archives a campaign with content, and its contents, so links keep redirecting; again is 204', async () => {
    const { organisationId, session } = await makeTenant();
    const campaign = await createCampaign(session, { status: 'active' });
    const slug = await linkTo(organisationId, campaign.id);
    for (let i = 0; i < 2; i++) expect((await call(`/api/v1/campaigns/${campaign.id}`, { method: 'DELETE', session })).status).toBe(204);
    expect((await callJson<Campaign>(`/api/v1/campaigns/${campaign.id}`, { session })).body).toMatchObject({ id: campaign.id, status: 'archived' });
    const rows = await db().select({ status: contents.status }).from(contents).where(eq(contents.campaignId, campaign.id));
    expect(rows).toEqual([{ status: 'archived' }]);
    const redirect = await call(`/${slug}`);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toMatch(/^https:\/\/jobs\.example\.com\/42\?/);
  });

  it('answers 404 for another organisation’s campaign and leaves it; 403 to an analyst; 401 without a credential', async () => {
    const tenant = await makeTenant();
    const other = await makeTenant();
    const theirs = await createCampaign(other.session);
    expect(await callJson(`/api/v1/campaigns/${theirs.id}`, { method: 'DELETE', session: tenant.session })).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect((await callJson(`/api/v1/campaigns/${theirs.id}`, { session: other.session })).status).toBe(200);
    expect((await call(`/api/v1/campaigns/${theirs.id}`, { method: 'DELETE', session: await makeAdminSession(other.organisationId, 'analyst') })).status).toBe(403);
    expect((await call(`/api/v1/campaigns/${theirs.id}`, { method: 'DELETE' })).status).toBe(401);
    expect(await db().select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, theirs.id))).toHaveLength(1);
  });
});
