import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { makeTenant } from './builders';
import { call, callJson, ORIGIN, sessionFrom } from './http';

const password = 'correct horse battery staple';

describe('POST /api/v1/organisations (operator)', () => {
  it('creates an organisation and its first owner', async () => {
    const res = await callJson('/api/v1/organisations', { bearer: env.OPERATOR_TOKEN, body: { name: 'Acme', slug: 'acme-op-1', adminEmail: 'Owner@Acme-op-1.test', adminPassword: password } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      organisation: expect.objectContaining({ id: expect.stringMatching(/^org_/), name: 'Acme', slug: 'acme-op-1', attributionWindowDays: 30, utmMedium: 'employee_advocacy', ambassadorVisibility: 'opt-in', retentionMonths: 25 }),
      admin: { id: expect.stringMatching(/^adm_/), email: 'owner@acme-op-1.test', name: 'owner', role: 'owner', status: 'active', createdAt: expect.any(String) },
    });
  });

  it('refuses a wrong or missing operator token', async () => {
    const body = { name: 'Acme', slug: 'acme-op-2', adminEmail: 'o@acme-op-2.test', adminPassword: password };
    expect((await callJson('/api/v1/organisations', { bearer: 'nope', body })).status).toBe(401);
    expect((await callJson('/api/v1/organisations', { body })).body).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('answers 409 for a taken slug, 422 for a short password; an admin of another organisation may own a new one', async () => {
    const body = { name: 'Acme', slug: 'acme-op-3', adminEmail: 'o@acme-op-3.test', adminPassword: password };
    expect((await callJson('/api/v1/organisations', { bearer: env.OPERATOR_TOKEN, body })).status).toBe(201);
    expect((await callJson('/api/v1/organisations', { bearer: env.OPERATOR_TOKEN, body })).body).toEqual({ error: { code: 'conflict', message: expect.any(String), field: 'slug' } });
    expect((await callJson('/api/v1/organisations', { bearer: env.OPERATOR_TOKEN, body: { ...body, slug: 'acme-op-4' } })).status).toBe(201);
    expect((await callJson('/api/v1/organisations', { bearer: env.OPERATOR_TOKEN, body: { ...body, slug: 'acme-op-5', adminPassword: 'short' } })).body).toEqual({
      error: { code: 'validation_failed', message: 'adminPassword must be at least 12 characters', field: 'adminPassword' },
    });
  });
});

describe('sessions', () => {
  it('logs in, reads /auth/me, logs out and the session is gone', async () => {
    const tenant = await makeTenant();
    const me = await callJson<{ admin: { email: string }; organisation: { id: string } }>('/api/v1/auth/me', { session: tenant.session });
    expect(me.status).toBe(200);
    expect(me.body.admin.email).toBe(tenant.email);
    expect(me.body.organisation.id).toBe(tenant.organisationId);
    expect((await call('/api/v1/auth/logout', { method: 'POST', session: tenant.session })).status).toBe(204);
    expect((await callJson('/api/v1/auth/me', { session: tenant.session })).status).toBe(401);
  });

  it('sets a __Host- cookie: HttpOnly, SameSite=Lax, Secure, Path=/, no Domain, on local http too', async () => {
    const tenant = await makeTenant();
    const res = await call('/api/v1/auth/login', { body: { email: tenant.email, password: tenant.password } });
    const local = await exports.default.fetch('http://localhost:8787/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:8787' },
      body: JSON.stringify({ email: tenant.email, password: tenant.password }),
    });
    expect(local.status).toBe(200);
    for (const cookie of [res.headers.get('set-cookie') ?? '', local.headers.get('set-cookie') ?? '']) {
      expect(cookie).toMatch(/^__Host-relais_session=[A-Za-z0-9]{43};/);
      const attributes = cookie.split(/;\s*/).slice(1).map((a) => a.split('=')[0]);
      expect(attributes.sort()).toEqual(['Expires', 'HttpOnly', 'Path', 'SameSite', 'Secure']);
      expect(cookie).toMatch(/; Path=\/(;|$)/);
      expect(cookie).toMatch(/; SameSite=Lax(;|$)/);
    }
    expect(sessionFrom(res)).toMatch(/^[A-Za-z0-9]{43}$/);
    // The unprefixed name, which a sibling subdomain could set, authenticates nothing.
    const plain = await exports.default.fetch(`${ORIGIN}/api/v1/auth/me`, { headers: { cookie: `relais_session=${sessionFrom(res)}` } });
    expect(plain.status).toBe(401);
  });

  it('answers the same 401 for an unknown e-mail and a wrong password', async () => {
    const tenant = await makeTenant();
    const wrong = await callJson('/api/v1/auth/login', { body: { email: tenant.email, password: 'wrong password!!' } });
    const unknown = await callJson('/api/v1/auth/login', { body: { email: 'nobody@example.com', password: 'wrong password!!' } });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('rate-limits failed logins per account with Retry-After', async () => {
    const tenant = await makeTenant();
    for (let i = 0; i < 10; i++) expect((await call('/api/v1/auth/login', { body: { email: tenant.email, password: `wrong-password-${i}` } })).status).toBe(401);
    const limited = await callJson('/api/v1/auth/login', { body: { email: tenant.email, password: tenant.password } });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  }, 30_000);

  it('rate-limits failed logins per client across accounts', async () => {
    const headers = { 'cf-connecting-ip': '198.51.100.77' };
    for (let i = 0; i < 30; i++) await call('/api/v1/auth/login', { body: { email: `guess-${i}@example.com`, password: 'wrong password!!' }, headers });
    expect((await callJson('/api/v1/auth/login', { body: { email: 'another@example.com', password: 'wrong password!!' }, headers })).status).toBe(429);
    expect((await callJson('/api/v1/auth/login', { body: { email: 'another@example.com', password: 'wrong password!!' }, headers: { 'cf-connecting-ip': '198.51.100.78' } })).status).toBe(401);
  }, 60_000);

  it('refuses a sign-in without the site’s Origin (login CSRF), with or without a cookie', async () => {
    const tenant = await makeTenant();
    const body = { email: tenant.email, password: tenant.password };
    for (const origin of [null, 'https://evil.example', 'null', 'https://relais.test.evil.example']) {
      for (const session of [undefined, tenant.session]) {
        const res = await callJson('/api/v1/auth/login', { body, origin, ...(session ? { session } : {}) });
        expect(res, `${origin} ${session ? 'with' : 'without'} a cookie`).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
        expect(res.headers.get('set-cookie')).toBeNull();
      }
    }
    expect((await call('/api/v1/auth/login', { body, origin: ORIGIN })).status).toBe(200);
  });

  it('refuses to accept an invitation without the site’s Origin, and the invitation stays usable', async () => {
    const tenant = await makeTenant();
    const admin = await callJson<{ token: string }>('/api/v1/admins', { session: tenant.session, body: { email: `csrf-${Date.now()}@example.com`, name: 'C', role: 'editor' } });
    const ambassador = await callJson<{ token: string }>('/api/v1/ambassadors', { session: tenant.session, body: { name: 'A', email: `csrf-amb-${Date.now()}@example.com` } });
    for (const [token, body] of [[admin.body.token, { password: 'a long enough password' }], [ambassador.body.token, {}]] as const) {
      for (const origin of [null, 'https://evil.example']) {
        // A cross-site form post: no JSON content type, no body, maybe the victim's cookie.
        const form = await call(`/api/v1/invitations/${token}/accept`, { method: 'POST', origin, session: tenant.session });
        const json = await callJson(`/api/v1/invitations/${token}/accept`, { body, origin });
        for (const res of [form, json]) {
          expect(res.status).toBe(403);
          expect(res.headers.get('set-cookie')).toBeNull();
        }
      }
      expect((await call(`/api/v1/invitations/${token}/accept`, { body })).status).toBe(200);
    }
  });

  it('refuses a cookie-authenticated write without the site’s Origin (CSRF)', async () => {
    const tenant = await makeTenant();
    for (const origin of [null, 'https://evil.example']) {
      const res = await callJson('/api/v1/organisation', { method: 'PATCH', session: tenant.session, origin, body: { name: 'Pwned' } });
      expect(res).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    }
    expect((await callJson('/api/v1/organisation', { method: 'PATCH', session: tenant.session, body: { name: 'Renamed' } })).status).toBe(200);
  });
});

describe('API errors', () => {
  it('answers 400 invalid_json for malformed JSON and for a non-JSON body', async () => {
    const malformed = await callJson('/api/v1/auth/login', { raw: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(malformed).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
    const text = await callJson('/api/v1/auth/login', { raw: 'email=a', headers: { 'content-type': 'text/plain' } });
    expect(text).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
  });

  it('answers 413 payload_too_large over 1 MB', async () => {
    const res = await callJson('/api/v1/auth/login', { body: { email: 'a@example.com', password: 'x'.repeat(1_100_000) } });
    expect(res).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
  });

  it('never echoes the input in a validation error', async () => {
    const res = await callJson<{ error: { message: string } }>('/api/v1/auth/login', { body: { email: 'not-an-email-SECRET', password: 'x' } });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).not.toContain('SECRET');
  });
});
