import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { admins, invitations } from '../../db/schema';
import { hashToken } from '../../worker/lib/tokens';
import { db, makeAdminSession, makeTenant } from './builders';
import { call, callJson, sessionFrom } from './http';

interface Invited {
  admin: { id: string; email: string; role: string; status: string };
  token: string;
  inviteUrl: string;
}

const invite = (session: string, body: Record<string, unknown>) => callJson<Invited>('/api/v1/admins', { session, body });
const accept = (token: string, body: unknown = { password: 'a long enough password' }) => call(`/api/v1/invitations/${token}/accept`, { body });

describe('admins', () => {
  it('an owner invites an analyst, who sets a password through the one-time link and can only read', async () => {
    const tenant = await makeTenant();
    const res = await invite(tenant.session, { email: 'Ana@Example.com', name: 'Ana', role: 'analyst' });
    expect(res.status).toBe(201);
    expect(res.body.admin).toMatchObject({ email: 'ana@example.com', role: 'analyst', status: 'invited' });
    expect(res.body.inviteUrl).toBe(`https://relais.test/admin/join#${res.body.token}`);
    const joined = await accept(res.body.token);
    expect(joined.status).toBe(200);
    expect(await joined.json()).toMatchObject({ kind: 'admin', admin: { status: 'active' } });
    const session = sessionFrom(joined);
    expect((await callJson('/api/v1/organisation', { session })).status).toBe(200);
    expect((await callJson('/api/v1/organisation', { method: 'PATCH', session, body: { name: 'x' } })).body).toMatchObject({ error: { code: 'forbidden' } });
    expect((await callJson('/api/v1/auth/login', { body: { email: 'ana@example.com', password: 'a long enough password' } })).status).toBe(200);
  });

  it('an invitation works once, needs a 12-character password, and expires', async () => {
    const tenant = await makeTenant();
    const { token } = (await invite(tenant.session, { email: 'once@example.com', name: 'Once', role: 'editor' })).body;
    expect(await (await accept(token, { password: 'short' })).json()).toMatchObject({ error: { code: 'validation_failed', field: 'password' } });
    expect(await (await accept(token, {})).json()).toMatchObject({ error: { code: 'validation_failed', field: 'password' } });
    expect((await accept(token)).status).toBe(200);
    expect(await (await accept(token)).json()).toMatchObject({ error: { code: 'not_found' } });
    const late = (await invite(tenant.session, { email: 'late@example.com', name: 'Late', role: 'editor' })).body.token;
    await db().update(invitations).set({ expiresAt: Date.now() - 1 }).where(eq(invitations.id, await hashToken(late)));
    expect((await accept(late)).status).toBe(404);
  });

  it('only owners invite and remove admins; the last owner stays', async () => {
    const tenant = await makeTenant();
    const editor = await makeAdminSession(tenant.organisationId, 'editor');
    expect((await invite(editor, { email: 'e@example.com', name: 'E', role: 'owner' })).status).toBe(403);
    expect((await callJson(`/api/v1/admins/${tenant.ownerId}`, { method: 'DELETE', session: tenant.session })).body).toMatchObject({ error: { code: 'conflict' } });
    const second = (await invite(tenant.session, { email: 'second-owner@example.com', name: 'Second', role: 'owner' })).body;
    await accept(second.token);
    expect((await call(`/api/v1/admins/${tenant.ownerId}`, { method: 'DELETE', session: tenant.session })).status).toBe(204);
    expect((await callJson('/api/v1/auth/me', { session: tenant.session })).status).toBe(401);
  });

  it('owners removing themselves and each other at once always leave one owner', async () => {
    const tenant = await makeTenant();
    const owners = [{ id: tenant.ownerId, session: tenant.session }];
    for (let i = 0; i < 3; i++) {
      const invited = (await invite(tenant.session, { email: `owner-${i}-${Date.now()}@example.com`, name: `Owner ${i}`, role: 'owner' })).body;
      owners.push({ id: invited.admin.id, session: sessionFrom(await accept(invited.token)) });
    }
    // Two remove themselves, two remove each other: every check passes alone, none may pass together.
    const [a, b, c, d] = owners as [typeof owners[0], typeof owners[0], typeof owners[0], typeof owners[0]];
    const removals: Array<[string, string]> = [[a.session, a.id], [b.session, b.id], [c.session, d.id], [d.session, c.id]];
    const statuses = (await Promise.all(removals.map(([session, id]) => call(`/api/v1/admins/${id}`, { method: 'DELETE', session })))).map((r) => r.status);
    expect(statuses.every((s) => s === 204 || s === 409 || s === 401)).toBe(true);
    const left = await db().select().from(admins).where(and(eq(admins.organisationId, tenant.organisationId), eq(admins.role, 'owner'))).all();
    expect(left).toHaveLength(1);
    expect(statuses.filter((s) => s === 204)).toHaveLength(3);
  });

  it('lists the organisation’s admins and nobody else’s; another organisation’s admin is a 404', async () => {
    const tenant = await makeTenant();
    const other = await makeTenant();
    const list = await callJson<{ items: Array<{ id: string }>; nextCursor: null }>('/api/v1/admins', { session: tenant.session });
    expect(list.body.items.map((a) => a.id)).toEqual([tenant.ownerId]);
    expect((await callJson(`/api/v1/admins/${other.ownerId}`, { method: 'DELETE', session: tenant.session })).status).toBe(404);
  });

  it('refuses a taken e-mail (409), a bad role and a bad e-mail (422), and callers without a session (401)', async () => {
    const tenant = await makeTenant();
    expect((await invite(tenant.session, { email: tenant.email, name: 'Me', role: 'editor' })).body).toMatchObject({ error: { code: 'conflict', field: 'email' } });
    expect((await invite(tenant.session, { email: 'r@example.com', name: 'R', role: 'boss' })).body).toMatchObject({ error: { code: 'validation_failed', field: 'role' } });
    expect((await invite(tenant.session, { email: 'nope', name: 'R', role: 'editor' })).body).toMatchObject({ error: { code: 'validation_failed', field: 'email' } });
    expect((await callJson('/api/v1/admins')).status).toBe(401);
  });
});

describe('GET, PATCH /api/v1/organisation', () => {
  it('answers every setting with its default, merges rates per network, and is idempotent', async () => {
    const tenant = await makeTenant();
    const before = await callJson<{ rates: Record<string, { cpc: number; cpm: number; organicReach: number }> }>('/api/v1/organisation', { session: tenant.session });
    expect(Object.keys(before.body.rates).sort()).toEqual(['email', 'facebook', 'instagram', 'linkedin', 'other', 'x']);
    const patch = { attributionWindowDays: 14, rates: { linkedin: { cpc: 4 } }, conversionValues: { application: 300 }, ambassadorVisibility: 'all', cseInformedOn: '2026-11-30' };
    const first = await callJson<Record<string, unknown>>('/api/v1/organisation', { method: 'PATCH', session: tenant.session, body: patch });
    const second = await callJson<Record<string, unknown>>('/api/v1/organisation', { method: 'PATCH', session: tenant.session, body: patch });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ attributionWindowDays: 14, ambassadorVisibility: 'all', cseInformedOn: '2026-11-30', auditRetentionMonths: 25, privacyContact: null, disclosure: null, rates: { linkedin: { cpc: 4, cpm: before.body.rates.linkedin?.cpm } }, conversionValues: { application: 300 } });
    expect({ ...second.body, updatedAt: null }).toEqual({ ...first.body, updatedAt: null });
  });

  it.each([
    [{ attributionWindowDays: 0 }, 'attributionWindowDays'],
    [{ fallbackUrl: 'ftp://example.com' }, 'fallbackUrl'],
    [{ fallbackUrl: 'not a url' }, 'fallbackUrl'],
    [{ rates: { linkedin: { organicReach: 2 } } }, 'rates.linkedin.organicReach'],
    [{ ambassadorVisibility: 'everyone' }, 'ambassadorVisibility'],
    [{ retentionMonths: 1.5 }, 'retentionMonths'],
    [{ unknownField: 1 }, 'unknownField'],
  ])('refuses %j with field %s', async (body, field) => {
    const tenant = await makeTenant();
    expect((await callJson('/api/v1/organisation', { method: 'PATCH', session: tenant.session, body })).body).toEqual({ error: { code: 'validation_failed', message: expect.any(String), field } });
  });

  it('names every field at fault at once (issues), each once, so a form shows them together, and changes nothing', async () => {
    const tenant = await makeTenant();
    const body = { currency: 'euro', rates: { linkedin: { cpc: -1, cpm: -2 }, x: { organicReach: 3 } }, attributionWindowDays: 0 };
    const res = await callJson<{ error: { field: string; issues: Array<{ field: string; message: string }> } }>('/api/v1/organisation', { method: 'PATCH', session: tenant.session, body });
    expect(res.status).toBe(422);
    expect(res.body.error.field).toBe('attributionWindowDays');
    expect(res.body.error.issues).toEqual([
      { field: 'attributionWindowDays', message: 'attributionWindowDays must be 1 to 365 days' },
      { field: 'currency', message: 'currency must be an ISO 4217 code such as EUR' },
      { field: 'rates.linkedin.cpc', message: 'rates.linkedin.cpc must be zero or more' },
      { field: 'rates.linkedin.cpm', message: 'rates.linkedin.cpm must be zero or more' },
      { field: 'rates.x.organicReach', message: 'rates.x.organicReach must be between 0 and 1' },
    ]);
    expect((await callJson<{ currency: string }>('/api/v1/organisation', { session: tenant.session })).body.currency).toBe('EUR');
  });

  it('lists at most 20 fields, however many a body breaks', async () => {
    const tenant = await makeTenant();
    const rates = Object.fromEntries(['linkedin', 'x', 'facebook', 'instagram', 'email', 'other'].map((n) => [n, { cpc: -1, cpm: -1, organicReach: -1 }]));
    const conversionValues = Object.fromEntries(['application', 'download', 'lead', 'signup', 'purchase', 'custom'].map((t) => [t, -1]));
    const res = await callJson<{ error: { issues: unknown[] } }>('/api/v1/organisation', { method: 'PATCH', session: tenant.session, body: { rates, conversionValues } });
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toHaveLength(20);
  });
});

describe('the trust settings of PATCH /api/v1/organisation', () => {
  const patch = (session: string, body: Record<string, unknown>) => callJson<{ error?: { code: string; field?: string }; ambassadorVisibility?: string }>('/api/v1/organisation', { method: 'PATCH', session, body });

  it('names every ambassador only once the day the works council was informed is known, and keeps that day while it does', async () => {
    const tenant = await makeTenant();
    expect(await patch(tenant.session, { ambassadorVisibility: 'all' })).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', field: 'cseInformedOn' } } });
    expect(await patch(tenant.session, { cseInformedOn: '2026-11-31' })).toMatchObject({ status: 422, body: { error: { field: 'cseInformedOn' } } });
    expect(await patch(tenant.session, { ambassadorVisibility: 'all', cseInformedOn: '2026-11-30' })).toMatchObject({ status: 200, body: { ambassadorVisibility: 'all' } });
    expect(await patch(tenant.session, { cseInformedOn: null })).toMatchObject({ status: 422, body: { error: { field: 'cseInformedOn' } } });
    expect(await patch(tenant.session, { ambassadorVisibility: 'opt-in', cseInformedOn: null })).toMatchObject({ status: 200, body: { ambassadorVisibility: 'opt-in' } });
  });

  it.each([
    [{ privacyContact: 'javascript:alert(1)' }, 'privacyContact'],
    [{ privacyContact: 'http://acme.example/privacy' }, 'privacyContact'],
    [{ privacyContact: 'x'.repeat(250) + '@a.fr' }, 'privacyContact'],
    [{ auditRetentionMonths: 0 }, 'auditRetentionMonths'],
    [{ auditRetentionMonths: 2.5 }, 'auditRetentionMonths'],
    [{ disclosure: '   ' }, 'disclosure'],
    [{ disclosure: 'x'.repeat(201) }, 'disclosure'],
  ])('refuses %j on field %s', async (body, field) => {
    const tenant = await makeTenant();
    expect(await patch(tenant.session, body)).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', field } } });
  });

  it('accepts an e-mail or an https URL as the privacy contact, a disclosure line, and the audit log’s retention', async () => {
    const tenant = await makeTenant();
    for (const privacyContact of ['dpo@acme.example', 'https://acme.example/privacy', null]) {
      expect(await patch(tenant.session, { privacyContact })).toMatchObject({ status: 200, body: { privacyContact } });
    }
    expect(await patch(tenant.session, { disclosure: '  Je travaille chez Acme  ', auditRetentionMonths: 36 })).toMatchObject({ status: 200, body: { disclosure: 'Je travaille chez Acme', auditRetentionMonths: 36 } });
  });
});
