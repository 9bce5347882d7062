import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { apiKeys } from '../../db/schema';
import { hashToken } from '../../worker/lib/tokens';
import { db, makeAdminSession, makeTenant } from './builders';
import { call, callJson } from './http';
import { everyStoredText } from './stored-text';

interface ApiKey { id: string; name: string; scopes: string[]; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }
interface Created extends ApiKey { secret: string }
interface Page<T> { items: T[]; nextCursor: string | null }

async function createKey(session: string, body: Record<string, unknown> = { name: 'ATS', scopes: ['admin'] }) {
  const res = await callJson<Created>('/api/v1/api-keys', { session, body });
  expect(res.status).toBe(201);
  return res.body;
}

describe('POST /api/v1/api-keys', () => {
  it('creates a key and shows its secret once; only the hash is stored', async () => {
    const tenant = await makeTenant();
    const res = await callJson<Created>('/api/v1/api-keys', { session: tenant.session, body: { name: ' ATS ', scopes: ['conversions:write', 'kpis:read', 'conversions:write'] } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^key_/),
      name: 'ATS',
      scopes: ['conversions:write', 'kpis:read'],
      prefix: res.body.secret.slice(0, 8),
      secret: expect.stringMatching(/^rl_[A-Za-z0-9]{40}$/),
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(res.body.prefix).toMatch(/^rl_[A-Za-z0-9]{5}$/);
    expect(await db().select().from(apiKeys).where(eq(apiKeys.id, res.body.id)).get()).toMatchObject({ secretHash: await hashToken(res.body.secret), organisationId: tenant.organisationId });
    expect((await everyStoredText()).filter((v) => v.includes(res.body.secret))).toEqual([]);
  });

  it.each([
    [{ scopes: ['admin'] }, 'name'],
    [{ name: '', scopes: ['admin'] }, 'name'],
    [{ name: 'x'.repeat(101), scopes: ['admin'] }, 'name'],
    [{ name: 'ATS' }, 'scopes'],
    [{ name: 'ATS', scopes: [] }, 'scopes'],
    [{ name: 'ATS', scopes: 'admin' }, 'scopes'],
    [{ name: 'ATS', scopes: ['kpis:read', 'root'] }, 'scopes.1'],
  ])('answers 422 for %j (field %s)', async (body, field) => {
    const tenant = await makeTenant();
    expect((await callJson('/api/v1/api-keys', { session: tenant.session, body })).body).toEqual({ error: { code: 'validation_failed', message: expect.any(String), field } });
  });

  it('is for owners in a browser session only, never a key', async () => {
    const tenant = await makeTenant();
    const body = { name: 'k', scopes: ['kpis:read'] };
    expect(await callJson('/api/v1/api-keys', { body })).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    expect(await callJson('/api/v1/api-keys', { session: await makeAdminSession(tenant.organisationId, 'analyst'), body })).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await callJson('/api/v1/api-keys', { session: await makeAdminSession(tenant.organisationId, 'editor'), body })).status).toBe(403);
    expect((await callJson('/api/v1/api-keys', { bearer: (await createKey(tenant.session, { name: 'k', scopes: ['kpis:read', 'conversions:write'] })).secret, body })).status).toBe(403);
    expect(await callJson('/api/v1/api-keys', { bearer: (await createKey(tenant.session)).secret, body })).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
  });
});

describe('using a key', () => {
  it('authenticates with its scopes, records lastUsedAt, and authenticates nothing once revoked', async () => {
    const tenant = await makeTenant();
    const key = await createKey(tenant.session);
    const organisation = await callJson<{ id: string }>('/api/v1/organisation', { bearer: key.secret });
    expect(organisation).toMatchObject({ status: 200, body: { id: tenant.organisationId } });
    await vi.waitUntil(async () => (await db().select().from(apiKeys).where(eq(apiKeys.id, key.id)).get())?.lastUsedAt != null, { timeout: 5_000 });
    const listed = await callJson<Page<ApiKey>>('/api/v1/api-keys', { session: tenant.session });
    expect(listed.body.items.find((k) => k.id === key.id)?.lastUsedAt).toEqual(expect.any(String));

    expect((await call(`/api/v1/api-keys/${key.id}`, { method: 'DELETE', session: tenant.session })).status).toBe(204);
    expect(await callJson('/api/v1/organisation', { bearer: key.secret })).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
  });
});

describe('GET /api/v1/api-keys', () => {
  it('lists keys newest first, revoked ones included, never with a secret or hash, paginated', async () => {
    const tenant = await makeTenant();
    const first = await createKey(tenant.session, { name: 'first', scopes: ['kpis:read'] });
    const second = await createKey(tenant.session, { name: 'second', scopes: ['conversions:write'] });
    await call(`/api/v1/api-keys/${first.id}`, { method: 'DELETE', session: tenant.session });
    const res = await callJson<Page<ApiKey>>('/api/v1/api-keys', { session: tenant.session });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        { id: second.id, name: 'second', scopes: ['conversions:write'], prefix: second.prefix, createdAt: second.createdAt, lastUsedAt: null, revokedAt: null },
        { id: first.id, name: 'first', scopes: ['kpis:read'], prefix: first.prefix, createdAt: first.createdAt, lastUsedAt: null, revokedAt: expect.any(String) },
      ],
      nextCursor: null,
    });
    const text = JSON.stringify(res.body);
    for (const key of [first, second]) {
      expect(text).not.toContain(key.secret);
      expect(text).not.toContain(await hashToken(key.secret));
    }
    const page = await callJson<Page<ApiKey>>('/api/v1/api-keys?limit=1', { session: tenant.session });
    expect(page.body.items.map((k) => k.id)).toEqual([second.id]);
    const next = await callJson<Page<ApiKey>>(`/api/v1/api-keys?limit=1&cursor=${page.body.nextCursor}`, { session: tenant.session });
    expect(next.body).toEqual({ items: [expect.objectContaining({ id: first.id })], nextCursor: null });
  });

  it('shows only the caller’s organisation and is for owners only', async () => {
    const tenant = await makeTenant();
    const other = await makeTenant();
    await createKey(other.session);
    expect((await callJson('/api/v1/api-keys', { session: tenant.session })).body).toEqual({ items: [], nextCursor: null });
    expect((await callJson('/api/v1/api-keys?limit=abc', { session: tenant.session })).body).toMatchObject({ error: { code: 'validation_failed', field: 'limit' } });
    expect((await callJson('/api/v1/api-keys')).status).toBe(401);
    expect((await callJson('/api/v1/api-keys', { session: await makeAdminSession(tenant.organisationId, 'analyst') })).status).toBe(403);
  });
});

describe('DELETE /api/v1/api-keys/{id}', () => {
  it('is idempotent and keeps the first revocation time', async () => {
    const tenant = await makeTenant();
    const key = await createKey(tenant.session);
    const revoke = () => call(`/api/v1/api-keys/${key.id}`, { method: 'DELETE', session: tenant.session });
    expect((await revoke()).status).toBe(204);
    const revokedAt = (await db().select().from(apiKeys).where(eq(apiKeys.id, key.id)).get())?.revokedAt;
    expect(revokedAt).toEqual(expect.any(Number));
    expect((await revoke()).status).toBe(204);
    expect((await db().select().from(apiKeys).where(eq(apiKeys.id, key.id)).get())?.revokedAt).toBe(revokedAt);
  });

  it('answers 404 for an unknown key and another organisation’s key (which keeps working), 403 for an analyst, 401 without a credential', async () => {
    const tenant = await makeTenant();
    const other = await makeTenant();
    const theirs = await createKey(other.session);
    const path = `/api/v1/api-keys/${theirs.id}`;
    expect(await callJson(path, { method: 'DELETE', session: tenant.session })).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect((await callJson('/api/v1/api-keys/key_unknown', { method: 'DELETE', session: tenant.session })).status).toBe(404);
    expect((await callJson(path, { method: 'DELETE', session: await makeAdminSession(other.organisationId, 'analyst') })).status).toBe(403);
    expect((await callJson(path, { method: 'DELETE' })).status).toBe(401);
    expect((await callJson('/api/v1/organisation', { bearer: theirs.secret })).status).toBe(200);
  });
});
