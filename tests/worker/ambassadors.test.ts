import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ambassadors, charterAcceptances, dailyLinkStats, invitations, links, sessions } from '../../db/schema';
import { newId, randomSlug } from '../../worker/lib/ids';
import { hashToken } from '../../worker/lib/tokens';
import { db, makeAdminSession, makeApiKey, makeCampaign, makeContent, makeTenant } from './builders';
import { everyStoredText } from './stored-text';
import { call, callJson, ORIGIN, sessionFrom } from './http';

interface Ambassador { id: string; name: string | null; email: string | null; status: string; charterVersion: number | null; joinedAt: string | null; leftAt: string | null }
interface Invited { ambassador: Ambassador; token: string; inviteUrl: string }
interface Page<T> { items: T[]; nextCursor: string | null }

const unique = () => randomSlug(10).toLowerCase();

async function invite(session: string, overrides: Record<string, unknown> = {}) {
  const res = await callJson<Invited>('/api/v1/ambassadors', { session, body: { name: 'Camille Martin', email: `camille-${unique()}@example.com`, team: 'Sales', profile: 'expert', ...overrides } });
  expect(res.status).toBe(201);
  return res.body;
}

describe('POST /api/v1/ambassadors', () => {
  it('invites an ambassador with a one-time link whose token stays in the fragment', async () => {
    const tenant = await makeTenant();
    const res = await callJson<Invited>('/api/v1/ambassadors', { session: tenant.session, body: { name: ' Camille ', email: 'Camille.M@Example.com', team: 'Sales', profile: 'reporter' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      ambassador: { id: expect.stringMatching(/^amb_/), name: 'Camille', email: 'camille.m@example.com', displayName: null, team: 'Sales', profile: 'reporter', status: 'invited', leaderboardOptIn: false, charterVersion: null, invitedAt: expect.any(String), joinedAt: null, leftAt: null },
      token: expect.stringMatching(/^[A-Za-z0-9]{32}$/),
      inviteUrl: `${ORIGIN}/me/join#${res.body.token}`,
    });
    const stored = await db().select().from(invitations).where(eq(invitations.subjectId, res.body.ambassador.id)).get();
    expect(stored).toMatchObject({ id: await hashToken(res.body.token), subjectType: 'ambassador', organisationId: tenant.organisationId, usedAt: null });
    expect(stored!.expiresAt - stored!.createdAt).toBe(14 * 86_400_000);
  });

  it('makes team and profile optional', async () => {
    const tenant = await makeTenant();
    const { ambassador } = await invite(tenant.session, { team: undefined, profile: undefined });
    expect(ambassador).toMatchObject({ team: null, profile: null });
  });

  it.each([
    [{ email: 'a@example.com' }, 'name'],
    [{ name: '   ', email: 'a@example.com' }, 'name'],
    [{ name: 'A', email: 'not-an-email' }, 'email'],
    [{ name: 'A' }, 'email'],
    [{ name: 'A', email: 'a@example.com', profile: 'ceo' }, 'profile'],
    [{ name: 'A', email: 'a@example.com', team: 'x'.repeat(101) }, 'team'],
  ])('answers 422 for %j (field %s)', async (body, field) => {
    const tenant = await makeTenant();
    expect(await callJson('/api/v1/ambassadors', { session: tenant.session, body })).toEqual({ status: 422, body: { error: { code: 'validation_failed', message: expect.any(String), field } }, headers: expect.anything() });
  });

  it('answers 409 on the e-mail for someone already invited or active, but not in another organisation', async () => {
    const tenant = await makeTenant();
    const email = `dup-${unique()}@example.com`;
    const first = await invite(tenant.session, { email });
    expect((await callJson('/api/v1/ambassadors', { session: tenant.session, body: { name: 'Again', email: email.toUpperCase() } })).body).toEqual({ error: { code: 'conflict', message: expect.any(String), field: 'email' } });
    await call(`/api/v1/invitations/${first.token}/accept`, { body: {} });
    expect((await callJson('/api/v1/ambassadors', { session: tenant.session, body: { name: 'Again', email } })).status).toBe(409);
    const other = await makeTenant();
    expect((await callJson('/api/v1/ambassadors', { session: other.session, body: { name: 'Elsewhere', email } })).status).toBe(201);
  });

  it('answers 400 for malformed JSON, 401 without a credential, 403 for an analyst and a key without the scope', async () => {
    const tenant = await makeTenant();
    const body = { name: 'A', email: `a-${unique()}@example.com` };
    expect((await callJson('/api/v1/ambassadors', { session: tenant.session, raw: '{"name":', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect(await callJson('/api/v1/ambassadors', { body })).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    expect(await callJson('/api/v1/ambassadors', { session: await makeAdminSession(tenant.organisationId, 'analyst'), body })).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await callJson('/api/v1/ambassadors', { bearer: await makeApiKey(tenant.organisationId, ['kpis:read']), body })).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await callJson('/api/v1/ambassadors', { bearer: await makeApiKey(tenant.organisationId, ['admin']), body })).status).toBe(201);
  });
});

describe('accepting an ambassador invitation', () => {
  it('makes the ambassador active and opens their session; the link works once', async () => {
    const tenant = await makeTenant();
    const { ambassador, token } = await invite(tenant.session);
    const accepted = await callJson<{ kind: string; ambassador: Ambassador }>(`/api/v1/invitations/${token}/accept`, { body: {} });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ kind: 'ambassador', ambassador: expect.objectContaining({ id: ambassador.id, name: 'Camille Martin', status: 'active', joinedAt: expect.any(String), charterVersion: null }) });
    expect(sessionFrom(accepted)).toMatch(/^[A-Za-z0-9]{43}$/);
    expect((await callJson<Ambassador>(`/api/v1/ambassadors/${ambassador.id}`, { session: tenant.session })).body).toMatchObject({ status: 'active', joinedAt: expect.any(String) });
    expect(await callJson(`/api/v1/invitations/${token}/accept`, { body: {} })).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });

  it('refuses an expired invitation with 404', async () => {
    const tenant = await makeTenant();
    const { ambassador, token } = await invite(tenant.session);
    await db().update(invitations).set({ expiresAt: Date.now() - 1 }).where(eq(invitations.id, await hashToken(token)));
    expect((await callJson(`/api/v1/invitations/${token}/accept`, { body: {} })).status).toBe(404);
    expect((await callJson<Ambassador>(`/api/v1/ambassadors/${ambassador.id}`, { session: tenant.session })).body.status).toBe('invited');
  });
});

describe('POST /api/v1/ambassadors/{id}/invitation', () => {
  it('issues a fresh link and revokes the unused one', async () => {
    const tenant = await makeTenant();
    const first = await invite(tenant.session);
    const again = await callJson<Invited>(`/api/v1/ambassadors/${first.ambassador.id}/invitation`, { method: 'POST', session: tenant.session });
    expect(again.status).toBe(201);
    expect(again.body).toEqual({ ambassador: expect.objectContaining({ id: first.ambassador.id, status: 'invited' }), token: expect.stringMatching(/^[A-Za-z0-9]{32}$/), inviteUrl: `${ORIGIN}/me/join#${again.body.token}` });
    expect(again.body.token).not.toBe(first.token);
    expect((await callJson(`/api/v1/invitations/${first.token}/accept`, { body: {} })).status).toBe(404);
    expect((await callJson(`/api/v1/invitations/${again.body.token}/accept`, { body: {} })).status).toBe(200);
  });

  it('answers 409 for an active or departed ambassador, 404 for an unknown one or another organisation’s, 403 for an analyst', async () => {
    const tenant = await makeTenant();
    const joined = await invite(tenant.session);
    await call(`/api/v1/invitations/${joined.token}/accept`, { body: {} });
    const reinvite = (id: string, session = tenant.session) => callJson(`/api/v1/ambassadors/${id}/invitation`, { method: 'POST', session });
    expect((await reinvite(joined.ambassador.id)).body).toMatchObject({ error: { code: 'conflict' } });
    const gone = await invite(tenant.session);
    await call(`/api/v1/ambassadors/${gone.ambassador.id}`, { method: 'DELETE', session: tenant.session });
    expect((await reinvite(gone.ambassador.id)).status).toBe(409);
    expect((await reinvite('amb_unknown')).status).toBe(404);
    const other = await makeTenant();
    const theirs = await invite(other.session);
    expect((await reinvite(theirs.ambassador.id)).body).toMatchObject({ error: { code: 'not_found' } });
    expect((await reinvite(theirs.ambassador.id, await makeAdminSession(other.organisationId, 'analyst'))).status).toBe(403);
  });
});

describe('GET /api/v1/ambassadors', () => {
  it('lists newest first with status, filters by status and paginates', async () => {
    const tenant = await makeTenant();
    const a = await invite(tenant.session);
    const b = await invite(tenant.session);
    await call(`/api/v1/invitations/${b.token}/accept`, { body: {} });
    const c = await invite(tenant.session);
    await call(`/api/v1/ambassadors/${c.ambassador.id}`, { method: 'DELETE', session: tenant.session });
    const all = await callJson<Page<Ambassador>>('/api/v1/ambassadors', { session: tenant.session });
    expect(all.status).toBe(200);
    expect(all.body.items.map((x) => [x.id, x.status])).toEqual([[c.ambassador.id, 'left'], [b.ambassador.id, 'active'], [a.ambassador.id, 'invited']]);
    expect(all.body.nextCursor).toBeNull();
    for (const status of ['invited', 'active', 'left']) {
      const only = await callJson<Page<Ambassador>>(`/api/v1/ambassadors?status=${status}`, { session: tenant.session });
      expect(only.body.items.map((x) => x.status)).toEqual([status]);
    }
    const first = await callJson<Page<Ambassador>>('/api/v1/ambassadors?limit=2', { session: tenant.session });
    expect(first.body.items).toHaveLength(2);
    const second = await callJson<Page<Ambassador>>(`/api/v1/ambassadors?limit=2&cursor=${first.body.nextCursor}`, { session: tenant.session });
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: a.ambassador.id })], nextCursor: null });
  });

  it('shows only the caller’s organisation, and refuses bad queries and no credential', async () => {
    const tenant = await makeTenant();
    const other = await makeTenant();
    await invite(other.session);
    expect((await callJson<Page<Ambassador>>('/api/v1/ambassadors', { session: await makeAdminSession(tenant.organisationId, 'editor') })).body).toEqual({ items: [], nextCursor: null });
    expect((await callJson('/api/v1/ambassadors?status=gone', { session: tenant.session })).body).toMatchObject({ error: { code: 'validation_failed', field: 'status' } });
    expect((await callJson('/api/v1/ambassadors?limit=500', { session: tenant.session })).body).toMatchObject({ error: { code: 'validation_failed', field: 'limit' } });
    expect((await callJson('/api/v1/ambassadors?cursor=%%%', { session: tenant.session })).body).toMatchObject({ error: { code: 'validation_failed', field: 'cursor' } });
    expect((await callJson('/api/v1/ambassadors')).status).toBe(401);
    expect((await callJson('/api/v1/ambassadors', { bearer: await makeApiKey(tenant.organisationId, ['conversions:write']) })).status).toBe(403);
  });
});

describe('GET /api/v1/ambassadors/{id}', () => {
  it('answers the ambassador with the highest charter version they accepted', async () => {
    const tenant = await makeTenant();
    const { ambassador, token } = await invite(tenant.session);
    await call(`/api/v1/invitations/${token}/accept`, { body: {} });
    const now = Date.now();
    await db().insert(charterAcceptances).values([1, 3, 2].map((version) => ({ organisationId: tenant.organisationId, ambassadorId: ambassador.id, version, acceptedAt: now })));
    expect(await callJson(`/api/v1/ambassadors/${ambassador.id}`, { session: tenant.session })).toMatchObject({ status: 200, body: { id: ambassador.id, status: 'active', charterVersion: 3 } });
  });

  it('answers 404 for an unknown id and for another organisation’s ambassador, 401 without a credential', async () => {
    const tenant = await makeTenant();
    const other = await makeTenant();
    const theirs = await invite(other.session);
    expect((await callJson('/api/v1/ambassadors/amb_unknown', { session: tenant.session })).body).toMatchObject({ error: { code: 'not_found' } });
    const foreign = await callJson(`/api/v1/ambassadors/${theirs.ambassador.id}`, { session: tenant.session });
    expect(foreign).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: 'No such ambassador.' } } });
    expect((await callJson(`/api/v1/ambassadors/${theirs.ambassador.id}`)).status).toBe(401);
  });
});

describe('DELETE /api/v1/ambassadors/{id}', () => {
  it('erases every trace of the person while their link keeps redirecting and the stats keep their counts', async () => {
    const tenant = await makeTenant();
    const tag = unique();
    const name = `Erasable Person ${tag}`;
    const email = `erasable-${tag}@example.com`;
    const { ambassador, token } = await invite(tenant.session, { name, email, team: `Team ${tag}` });
    const ambassadorSession = sessionFrom(await call(`/api/v1/invitations/${token}/accept`, { body: {} }));
    const theirSessions = () => db().select().from(sessions).where(and(eq(sessions.subjectType, 'ambassador'), eq(sessions.subjectId, ambassador.id))).all();
    expect(await theirSessions()).toEqual([expect.objectContaining({ id: await hashToken(ambassadorSession) })]);
    await db().update(ambassadors).set({ displayName: `Display ${tag}`, audience: { linkedin: 1234 }, leaderboardOptIn: true }).where(eq(ambassadors.id, ambassador.id));
    const charter = await callJson<{ version: number }>('/api/v1/charters', { session: tenant.session, body: { body: '# Charter' } });
    await db().insert(charterAcceptances).values({ organisationId: tenant.organisationId, ambassadorId: ambassador.id, version: charter.body.version, acceptedAt: Date.now() });
    const campaign = await makeCampaign(tenant.organisationId);
    const content = await makeContent(tenant.organisationId, campaign.id);
    const link = { id: newId('lnk'), organisationId: tenant.organisationId, slug: randomSlug(9), ambassadorId: ambassador.id, contentId: content.id, network: 'linkedin' as const, createdAt: Date.now() };
    await db().insert(links).values(link);
    await db().insert(dailyLinkStats).values({ organisationId: tenant.organisationId, day: '2026-01-15', linkId: link.id, ambassadorId: ambassador.id, contentId: content.id, campaignId: campaign.id, network: 'linkedin', clicks: 7, uniqueVisitors: 5 });
    expect((await call(`/${link.slug}`)).status).toBe(302);
    expect((await everyStoredText()).some((value) => value.includes(name))).toBe(true);

    expect((await call(`/api/v1/ambassadors/${ambassador.id}`, { method: 'DELETE', session: tenant.session })).status).toBe(204);

    const stored = await everyStoredText();
    for (const needle of [name, email, tag]) expect(stored.filter((value) => value.includes(needle))).toEqual([]);
    expect(await callJson(`/api/v1/ambassadors/${ambassador.id}`, { session: tenant.session })).toMatchObject({
      status: 200,
      body: { id: ambassador.id, name: null, email: null, displayName: null, team: null, profile: null, status: 'left', leaderboardOptIn: false, charterVersion: null, leftAt: expect.any(String) },
    });
    expect(await db().select().from(ambassadors).where(eq(ambassadors.id, ambassador.id)).get()).toMatchObject({ audience: null });
    const redirect = await call(`/${link.slug}`);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toContain('jobs.example.com');
    expect(await db().select().from(links).where(eq(links.id, link.id)).get()).toMatchObject({ ambassadorId: null });
    expect(await db().select().from(dailyLinkStats).where(eq(dailyLinkStats.linkId, link.id)).all()).toEqual([expect.objectContaining({ ambassadorId: null, clicks: 7, uniqueVisitors: 5 })]);
    expect(await theirSessions()).toEqual([]);
    expect(await db().select().from(invitations).where(eq(invitations.subjectId, ambassador.id)).all()).toEqual([]);
    expect(await db().select().from(charterAcceptances).where(eq(charterAcceptances.ambassadorId, ambassador.id)).all()).toEqual([]);
  });

  it('is idempotent, keeps the first departure time, and frees the e-mail for a new invitation', async () => {
    const tenant = await makeTenant();
    const email = `again-${unique()}@example.com`;
    const { ambassador, token } = await invite(tenant.session, { email });
    const erase = () => call(`/api/v1/ambassadors/${ambassador.id}`, { method: 'DELETE', session: tenant.session });
    expect((await erase()).status).toBe(204);
    const leftAt = (await callJson<Ambassador>(`/api/v1/ambassadors/${ambassador.id}`, { session: tenant.session })).body.leftAt;
    expect((await erase()).status).toBe(204);
    expect((await callJson<Ambassador>(`/api/v1/ambassadors/${ambassador.id}`, { session: tenant.session })).body.leftAt).toBe(leftAt);
    expect((await callJson(`/api/v1/invitations/${token}/accept`, { body: {} })).status).toBe(404);
    expect((await callJson('/api/v1/ambassadors', { session: tenant.session, body: { name: 'Back', email } })).status).toBe(201);
  });

  it('answers 404 for another organisation’s ambassador (untouched), 403 for an analyst, 401 without a credential', async () => {
    const tenant = await makeTenant();
    const other = await makeTenant();
    const theirs = await invite(other.session);
    const path = `/api/v1/ambassadors/${theirs.ambassador.id}`;
    expect(await callJson(path, { method: 'DELETE', session: tenant.session })).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect((await callJson(path, { method: 'DELETE', session: await makeAdminSession(other.organisationId, 'analyst') })).status).toBe(403);
    expect((await callJson(path, { method: 'DELETE' })).status).toBe(401);
    expect((await callJson('/api/v1/ambassadors/amb_unknown', { method: 'DELETE', session: tenant.session })).status).toBe(404);
    expect((await callJson<Ambassador>(path, { session: other.session })).body).toMatchObject({ status: 'invited', name: 'Camille Martin' });
  });
});
