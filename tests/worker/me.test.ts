import { describe, expect, it } from 'vitest';
import { makeTenant } from './builders';
import { call, callJson } from './http';
import { join, makeSpace, publishCharter } from './ambassador-space';

interface Me { id: string; name: string; displayName: string | null; audience: Record<string, number>; leaderboardOptIn: boolean; charter: { currentVersion: number | null; acceptedVersion: number | null; accepted: boolean }; organisation: { disclosure: string | null } }

describe('GET /api/v1/me', () => {
  it('answers the profile and where the ambassador stands with the charter', async () => {
    const space = await makeSpace();
    const amb = await join(space, { name: 'Camille Martin' });
    const res = await callJson<Me>('/api/v1/me', { session: amb.session });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: amb.id, name: 'Camille Martin', email: amb.email, displayName: null, language: null, team: 'Engineering', profile: 'expert', audience: {}, leaderboardOptIn: false,
      status: 'active', joinedAt: expect.any(String), charter: { currentVersion: 1, acceptedVersion: null, accepted: false },
      organisation: { name: 'Acme', logoPath: null, disclosure: null },
    });
  });

  it('carries the disclosure line the organisation proposes, for the composer to offer', async () => {
    const space = await makeSpace();
    const amb = await join(space);
    expect((await callJson('/api/v1/organisation', { method: 'PATCH', session: space.owner, body: { disclosure: 'Je travaille chez Acme' } })).status).toBe(200);
    expect((await callJson<Me>('/api/v1/me', { session: amb.session })).body.organisation.disclosure).toBe('Je travaille chez Acme');
    expect((await callJson('/api/v1/organisation', { method: 'PATCH', session: space.owner, body: { disclosure: null } })).status).toBe(200);
    expect((await callJson<Me>('/api/v1/me', { session: amb.session })).body.organisation.disclosure).toBeNull();
  });

  it('answers 401 without a session and 403 to an admin or an API key', async () => {
    const tenant = await makeTenant();
    expect((await callJson('/api/v1/me')).body).toMatchObject({ error: { code: 'unauthenticated' } });
    expect((await callJson('/api/v1/me', { session: tenant.session })).body).toMatchObject({ error: { code: 'forbidden' } });
    const key = await callJson<{ secret: string }>('/api/v1/api-keys', { session: tenant.session, body: { name: 'k', scopes: ['admin'] } });
    expect((await callJson('/api/v1/me/feed', { bearer: key.body.secret })).status).toBe(403);
    for (const path of ['/api/v1/me/charter', '/api/v1/me/feed', '/api/v1/me/shares', '/api/v1/me/stats', '/api/v1/me/badges', '/api/v1/me/export']) {
      expect((await callJson(path)).status, path).toBe(401);
      expect((await callJson(path, { session: tenant.session })).status, path).toBe(403);
    }
  });
});

describe('PATCH /api/v1/me', () => {
  it('changes the opt-in, the display name and merges the audience per network', async () => {
    const amb = await join(await makeSpace());
    const first = await callJson<Me>('/api/v1/me', { method: 'PATCH', session: amb.session, body: { leaderboardOptIn: true, displayName: ' Cam ', audience: { linkedin: 1200, x: 300 } } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ leaderboardOptIn: true, displayName: 'Cam', audience: { linkedin: 1200, x: 300 } });
    const second = await callJson<Me>('/api/v1/me', { method: 'PATCH', session: amb.session, body: { audience: { x: null, facebook: 40 }, displayName: null, language: 'en' } });
    expect(second.body).toMatchObject({ leaderboardOptIn: true, displayName: null, language: 'en', audience: { linkedin: 1200, facebook: 40 } });
    const third = await callJson<Me>('/api/v1/me', { method: 'PATCH', session: amb.session, body: { language: null } });
    expect(third.body).toMatchObject({ language: null, audience: { linkedin: 1200, facebook: 40 } });
    expect(second.body.audience).not.toHaveProperty('x');
  });

  it.each([
    [{ leaderboardOptIn: 'yes' }, 'leaderboardOptIn'],
    [{ audience: { linkedin: -1 } }, 'audience.linkedin'],
    [{ audience: { linkedin: 1.5 } }, 'audience.linkedin'],
    [{ audience: { myspace: 3 } }, 'audience.myspace'],
    [{ displayName: '' }, 'displayName'],
    [{ language: 'de' }, 'language'],
    [{ name: 'Someone else' }, 'name'],
  ])('answers 422 for %j (field %s)', async (body, field) => {
    const amb = await join(await makeSpace());
    expect(await callJson('/api/v1/me', { method: 'PATCH', session: amb.session, body })).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', field } } });
  });

  it('refuses a cookie write without the site’s Origin (CSRF)', async () => {
    const amb = await join(await makeSpace());
    expect((await callJson('/api/v1/me', { method: 'PATCH', session: amb.session, origin: 'https://evil.test', body: { leaderboardOptIn: true } })).status).toBe(403);
  });
});

describe('the charter', () => {
  it('shows the current version rendered, accepts it, and asks again for a new version', async () => {
    const space = await makeSpace();
    const amb = await join(space);
    const charter = await callJson('/api/v1/me/charter', { session: amb.session });
    expect(charter).toMatchObject({ status: 200, body: { version: 1, body: expect.stringContaining('**vos**'), bodyHtml: expect.stringContaining('<strong>vos</strong>'), publishedAt: expect.any(String), acceptedVersion: null } });
    const accepted = await callJson('/api/v1/me/charter/accept', { session: amb.session, body: { version: 1 } });
    expect(accepted).toMatchObject({ status: 200, body: { version: 1, acceptedVersion: 1 } });
    expect((await callJson('/api/v1/me/charter/accept', { session: amb.session, body: { version: 1 } })).status).toBe(200);
    expect((await callJson<Me>('/api/v1/me', { session: amb.session })).body.charter).toEqual({ currentVersion: 1, acceptedVersion: 1, accepted: true });
    await publishCharter(space.owner, 'Version 2');
    expect((await callJson<Me>('/api/v1/me', { session: amb.session })).body.charter).toEqual({ currentVersion: 2, acceptedVersion: 1, accepted: false });
    expect((await callJson('/api/v1/me/charter', { session: amb.session })).body).toMatchObject({ version: 2, acceptedVersion: 1 });
  });

  it('answers 409 on version for anything but the current version, 422 for a malformed one', async () => {
    const space = await makeSpace();
    await publishCharter(space.owner, 'Version 2');
    const amb = await join(space);
    expect(await callJson('/api/v1/me/charter/accept', { session: amb.session, body: { version: 1 } })).toMatchObject({ status: 409, body: { error: { code: 'conflict', field: 'version' } } });
    expect(await callJson('/api/v1/me/charter/accept', { session: amb.session, body: { version: 3 } })).toMatchObject({ status: 409, body: { error: { field: 'version' } } });
    expect(await callJson('/api/v1/me/charter/accept', { session: amb.session, body: { version: '2' } })).toMatchObject({ status: 422, body: { error: { field: 'version' } } });
    expect(await callJson('/api/v1/me/charter/accept', { session: amb.session, body: {} })).toMatchObject({ status: 422, body: { error: { field: 'version' } } });
  });

  it('answers 404 while no charter is published', async () => {
    const amb = await join(await makeSpace({ charter: false }));
    expect(await callJson('/api/v1/me/charter', { session: amb.session })).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect((await callJson('/api/v1/me/charter/accept', { session: amb.session, body: { version: 1 } })).status).toBe(404);
  });
});

describe('DELETE /api/v1/me (session side)', () => {
  it('answers 204, clears the cookie and ends the session', async () => {
    const amb = await join(await makeSpace());
    const res = await call('/api/v1/me', { method: 'DELETE', session: amb.session });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/relais_session=;.*Max-Age=0/);
    expect((await callJson('/api/v1/me', { session: amb.session })).status).toBe(401);
  });
});
