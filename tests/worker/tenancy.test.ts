import { describe, expect, it } from 'vitest';
import { randomSlug } from '../../worker/lib/ids';
import { makeAdminSession, makeApiKey, makeTenant } from './builders';
import { call, callJson, sessionFrom } from './http';

interface Invited {
  admin: { id: string; email: string; role: string; status: string };
  token: string;
  inviteUrl: string;
}
interface Me { admin: { id: string; email: string }; organisation: { id: string; slug: string } }

const unique = () => randomSlug(10).toLowerCase();
const invite = (session: string, body: Record<string, unknown>) => callJson<Invited>('/api/v1/admins', { session, body });
const slugOf = async (session: string) => (await callJson<{ slug: string }>('/api/v1/organisation', { session })).body.slug;
const login = (body: Record<string, unknown>) => call('/api/v1/auth/login', { body });
const meOf = async (res: Response) => (await callJson<Me>('/api/v1/auth/me', { session: sessionFrom(res) })).body;

describe('one person, several organisations (no oracle, no squatting)', () => {
  it('invites an admin of another organisation exactly as anyone else', async () => {
    const a = await makeTenant();
    const b = await makeTenant();
    const known = await invite(b.session, { email: a.email, name: 'Shared', role: 'editor' });
    const stranger = await invite(b.session, { email: `stranger-${unique()}@example.com`, name: 'Stranger', role: 'editor' });
    expect(known.status).toBe(201);
    expect(known.status).toBe(stranger.status);
    expect(Object.keys(known.body).sort()).toEqual(Object.keys(stranger.body).sort());
    expect(known.body.admin).toMatchObject({ email: a.email, role: 'editor', status: 'invited' });
  });

  it('leaves an address invited by one organisation free for another (both invitations work)', async () => {
    const a = await makeTenant();
    const b = await makeTenant();
    const email = `pending-${unique()}@example.com`;
    const fromA = await invite(a.session, { email, name: 'Pat', role: 'analyst' });
    const fromB = await invite(b.session, { email, name: 'Pat', role: 'editor' });
    expect([fromA.status, fromB.status]).toEqual([201, 201]);
    expect((await call(`/api/v1/invitations/${fromB.body.token}/accept`, { body: { password: 'password for b!!' } })).status).toBe(200);
    expect((await call(`/api/v1/invitations/${fromA.body.token}/accept`, { body: { password: 'password for a!!' } })).status).toBe(200);
    // Within one organisation an address is still one admin.
    expect((await invite(a.session, { email, name: 'Pat again', role: 'editor' })).body).toMatchObject({ error: { code: 'conflict', field: 'email' } });
  });

  it('signs a person in to the organisation they name, else to the one they joined first', async () => {
    const a = await makeTenant();
    const b = await makeTenant();
    const invited = await invite(b.session, { email: a.email, name: 'Shared', role: 'editor' });
    const passwordB = 'another long password for b';
    expect((await call(`/api/v1/invitations/${invited.body.token}/accept`, { body: { password: passwordB } })).status).toBe(200);
    const [slugA, slugB] = [await slugOf(a.session), await slugOf(b.session)];

    const plain = await login({ email: a.email, password: a.password });
    expect(plain.status).toBe(200);
    expect((await meOf(plain)).organisation.id).toBe(a.organisationId);
    const named = await login({ email: a.email, password: passwordB, organisation: slugB });
    expect(named.status).toBe(200);
    expect(await meOf(named)).toMatchObject({ admin: { id: invited.body.admin.id }, organisation: { id: b.organisationId, slug: slugB } });
    expect((await meOf(await login({ email: a.email, password: a.password, organisation: slugA }))).organisation.id).toBe(a.organisationId);

    // Each membership keeps its own password; a slug the person does not run is the same 401 as a wrong password.
    const wrong = await callJson('/api/v1/auth/login', { body: { email: a.email, password: a.password, organisation: slugB } });
    const foreign = await callJson('/api/v1/auth/login', { body: { email: a.email, password: a.password, organisation: `nope-${unique()}` } });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    expect(foreign.body).toEqual(wrong.body);
    expect((await callJson('/api/v1/auth/login', { body: { email: a.email, password: a.password, organisation: 'Not A Slug!' } })).body).toMatchObject({ error: { code: 'validation_failed', field: 'organisation' } });
  });
});

describe('an API key is never a person', () => {
  it('an admin key cannot invite an owner, list admins, remove one, mint, list or revoke keys, or change the settings', async () => {
    const tenant = await makeTenant();
    const bearer = await makeApiKey(tenant.organisationId, ['admin']);
    const other = (await callJson<{ id: string }>('/api/v1/api-keys', { session: tenant.session, body: { name: 'ATS', scopes: ['conversions:write'] } })).body;
    const calls: Array<[string, { method?: string; body?: unknown }]> = [
      ['/api/v1/admins', { body: { email: `takeover-${unique()}@example.com`, name: 'Mallory', role: 'owner' } }],
      ['/api/v1/admins', {}],
      [`/api/v1/admins/${tenant.ownerId}`, { method: 'DELETE' }],
      ['/api/v1/api-keys', { body: { name: 'more', scopes: ['admin'] } }],
      ['/api/v1/api-keys', {}],
      [`/api/v1/api-keys/${other.id}`, { method: 'DELETE' }],
      // Settings decide who sees what and how long data is kept: people decide them, not a machine.
      ['/api/v1/organisation', { method: 'PATCH', body: { ambassadorVisibility: 'all', cseInformedOn: '2026-01-05' } }],
      ['/api/v1/organisation', { method: 'PATCH', body: { retentionMonths: 1 } }],
    ];
    for (const [path, options] of calls) {
      expect(await callJson(path, { ...options, bearer }), `${options.method ?? (options.body ? 'POST' : 'GET')} ${path}`).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    }
    // The key still does what its scope allows, and the owner's session still manages people and keys.
    expect((await callJson('/api/v1/campaigns', { bearer })).status).toBe(200);
    expect((await callJson('/api/v1/organisation', { bearer })).status).toBe(200);
    expect((await callJson('/api/v1/admins', { session: tenant.session })).status).toBe(200);
    expect((await callJson<{ items: Array<{ id: string; revokedAt: string | null }> }>('/api/v1/api-keys', { session: tenant.session })).body.items.find((k) => k.id === other.id)?.revokedAt).toBeNull();
  });
});

describe('analysts read dashboards and exports, not people', () => {
  it('answers 403 to an analyst for the ambassadors and one ambassador; owners, editors and admin keys read them', async () => {
    const tenant = await makeTenant();
    const invited = await callJson<{ ambassador: { id: string } }>('/api/v1/ambassadors', { session: tenant.session, body: { name: 'Camille', email: `camille-${unique()}@example.com` } });
    const analyst = await makeAdminSession(tenant.organisationId, 'analyst');
    for (const path of ['/api/v1/ambassadors', `/api/v1/ambassadors/${invited.body.ambassador.id}`]) {
      const refused = await callJson(path, { session: analyst });
      expect(refused, path).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
      expect(JSON.stringify(refused.body)).not.toContain('@example.com');
      expect((await callJson(path, { session: await makeAdminSession(tenant.organisationId, 'editor') })).status).toBe(200);
      expect((await callJson(path, { bearer: await makeApiKey(tenant.organisationId, ['admin']) })).status).toBe(200);
    }
    expect((await callJson('/api/v1/kpis', { session: analyst })).status).toBe(200);
  });
});
