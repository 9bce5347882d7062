import { describe, expect, it } from 'vitest';
import { charterAcceptances } from '../../db/schema';
import { db, makeAdminSession, makeAmbassador, makeApiKey, makeTenant } from './builders';
import { callJson } from './http';

interface Charter { id: string; version: number; body: string; bodyHtml: string; publishedAt: string; acceptedBy: number }
interface Page<T> { items: T[]; nextCursor: string | null }

async function publish(session: string, body = '# Charter\n\nBe **kind**.') {
  const res = await callJson<Charter>('/api/v1/charters', { session, body: { body } });
  expect(res.status).toBe(201);
  return res.body;
}

async function accept(organisationId: string, ambassadorId: string, version: number, acceptedAt = Date.now()) {
  await db().insert(charterAcceptances).values({ organisationId, ambassadorId, version, acceptedAt });
}

describe('POST /api/v1/charters', () => {
  it('publishes version 1, then 2, per organisation, with the body stored as given and rendered safely', async () => {
    const tenant = await makeTenant();
    const body = '  # Our charter\n\nShare what you *believe*.\n<script>alert(1)</script>\n';
    const first = await callJson<Charter>('/api/v1/charters', { session: tenant.session, body: { body } });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.stringMatching(/^chr_/),
      version: 1,
      body,
      bodyHtml: '<p># Our charter</p>\n<p>Share what you <em>believe</em>.\n&lt;script&gt;alert(1)&lt;/script&gt;</p>',
      publishedAt: expect.any(String),
      acceptedBy: 0,
    });
    expect((await publish(tenant.session, '## v2')).version).toBe(2);
    expect((await publish(tenant.session, '## v3')).bodyHtml).toBe('<h2>v3</h2>');
    const other = await makeTenant();
    expect((await publish(other.session)).version).toBe(1);
  });

  it('gives distinct versions to concurrent publications', async () => {
    const tenant = await makeTenant();
    const versions = await Promise.all([1, 2, 3, 4].map(() => publish(tenant.session).then((c) => c.version)));
    expect(versions.sort()).toEqual([1, 2, 3, 4]);
  });

  it.each([
    [{}, 'body'],
    [{ body: '' }, 'body'],
    [{ body: ' \n\t ' }, 'body'],
    [{ body: 42 }, 'body'],
    [{ body: 'x'.repeat(50_001) }, 'body'],
  ])('answers 422 for %#', async (body, field) => {
    const tenant = await makeTenant();
    expect((await callJson('/api/v1/charters', { session: tenant.session, body })).body).toEqual({ error: { code: 'validation_failed', message: expect.any(String), field } });
  });

  it('accepts a body of exactly 50 000 characters', async () => {
    const tenant = await makeTenant();
    expect((await publish(tenant.session, 'x'.repeat(50_000))).body).toHaveLength(50_000);
  });

  it('renders a 50 000-character body of hostile Markdown exactly, on publication and on every read', async () => {
    // Once 2.6 s of CPU per read for the brackets; linear now (markdown.test.ts has the sizes that prove it).
    const tenant = await makeTenant();
    const bodies: [string, string][] = [
      ['['.repeat(50_000), `<p>${'['.repeat(50_000)}</p>`],
      ['[*`_'.repeat(12_500), `<p>${'[<em><code>_[*</code>_[</em><code>_[*</code>_'.repeat(3_125)}</p>`],
      [`# a${' '.repeat(49_996)}#`, '<h1>a</h1>'],
    ];
    for (const [body, html] of bodies) {
      const published = await publish(tenant.session, body);
      expect(published.bodyHtml === html, 'as published').toBe(true);
      const listed = await callJson<Page<Charter>>('/api/v1/charters?limit=1', { session: tenant.session });
      expect(listed.body.items[0]?.bodyHtml === html, 'as listed').toBe(true);
    }
  });

  it('answers 401 without a credential, 403 for an analyst and a key without the scope, 201 for an admin key', async () => {
    const tenant = await makeTenant();
    const body = { body: '# Charter' };
    expect(await callJson('/api/v1/charters', { body })).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    expect(await callJson('/api/v1/charters', { session: await makeAdminSession(tenant.organisationId, 'analyst'), body })).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await callJson('/api/v1/charters', { bearer: await makeApiKey(tenant.organisationId, ['kpis:read', 'conversions:write']), body })).status).toBe(403);
    expect((await callJson('/api/v1/charters', { bearer: await makeApiKey(tenant.organisationId, ['admin']), body })).status).toBe(201);
  });
});

describe('GET /api/v1/charters', () => {
  it('lists versions newest first, paginated, with how many active ambassadors accepted each', async () => {
    const tenant = await makeTenant();
    await publish(tenant.session, 'one');
    await publish(tenant.session, 'two');
    await publish(tenant.session, 'three');
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => makeAmbassador(tenant.organisationId)));
    const left = await makeAmbassador(tenant.organisationId, { status: 'left', name: null, email: null });
    const invited = await makeAmbassador(tenant.organisationId, { status: 'invited' });
    for (const who of [a!, b!, left, invited]) await accept(tenant.organisationId, who.id, 1);
    await accept(tenant.organisationId, c!.id, 2);
    await accept(tenant.organisationId, a!.id, 3);
    const page = await callJson<Page<Charter>>('/api/v1/charters', { session: tenant.session });
    expect(page.status).toBe(200);
    expect(page.body.items.map((x) => [x.version, x.body, x.acceptedBy])).toEqual([[3, 'three', 1], [2, 'two', 1], [1, 'one', 2]]);
    expect(page.body.items[0]).toEqual(expect.objectContaining({ bodyHtml: '<p>three</p>', publishedAt: expect.any(String) }));
    expect(page.body.nextCursor).toBeNull();
    const first = await callJson<Page<Charter>>('/api/v1/charters?limit=2', { session: tenant.session });
    expect(first.body.items.map((x) => x.version)).toEqual([3, 2]);
    const second = await callJson<Page<Charter>>(`/api/v1/charters?limit=2&cursor=${first.body.nextCursor}`, { session: tenant.session });
    expect(second.body).toEqual({ items: [expect.objectContaining({ version: 1 })], nextCursor: null });
  });

  it('shows only the caller’s organisation; analysts read; refuses bad queries, no credential and a key without the scope', async () => {
    const tenant = await makeTenant();
    const other = await makeTenant();
    await publish(other.session);
    expect((await callJson('/api/v1/charters', { session: await makeAdminSession(tenant.organisationId, 'analyst') })).body).toEqual({ items: [], nextCursor: null });
    expect((await callJson('/api/v1/charters?limit=0', { session: tenant.session })).body).toMatchObject({ error: { code: 'validation_failed', field: 'limit' } });
    expect((await callJson('/api/v1/charters?cursor=nope', { session: tenant.session })).body).toMatchObject({ error: { code: 'validation_failed', field: 'cursor' } });
    expect((await callJson('/api/v1/charters')).status).toBe(401);
    expect((await callJson('/api/v1/charters', { bearer: await makeApiKey(tenant.organisationId, ['kpis:read']) })).status).toBe(403);
  });
});

describe('GET /api/v1/charters/{version}/acceptances', () => {
  it('lists who accepted exactly that version, most recent first, paginated', async () => {
    const tenant = await makeTenant();
    await publish(tenant.session);
    await publish(tenant.session);
    const early = await makeAmbassador(tenant.organisationId, { name: 'Early' });
    const late = await makeAmbassador(tenant.organisationId, { name: 'Late' });
    const newer = await makeAmbassador(tenant.organisationId, { name: 'Newer' });
    const gone = await makeAmbassador(tenant.organisationId, { status: 'left', name: null, email: null });
    await accept(tenant.organisationId, early.id, 1, Date.parse('2026-01-01T10:00:00Z'));
    await accept(tenant.organisationId, late.id, 1, Date.parse('2026-01-02T10:00:00Z'));
    await accept(tenant.organisationId, gone.id, 1, Date.parse('2026-01-03T10:00:00Z'));
    await accept(tenant.organisationId, newer.id, 2);
    const res = await callJson<Page<unknown>>('/api/v1/charters/1/acceptances', { session: tenant.session });
    expect(res).toMatchObject({
      status: 200,
      body: {
        items: [
          { ambassadorId: late.id, name: 'Late', acceptedAt: '2026-01-02T10:00:00.000Z' },
          { ambassadorId: early.id, name: 'Early', acceptedAt: '2026-01-01T10:00:00.000Z' },
        ],
        nextCursor: null,
      },
    });
    const first = await callJson<Page<{ ambassadorId: string }>>('/api/v1/charters/1/acceptances?limit=1', { session: tenant.session });
    expect(first.body.items.map((x) => x.ambassadorId)).toEqual([late.id]);
    const second = await callJson<Page<{ ambassadorId: string }>>(`/api/v1/charters/1/acceptances?limit=1&cursor=${first.body.nextCursor}`, { session: tenant.session });
    expect(second.body).toEqual({ items: [expect.objectContaining({ ambassadorId: early.id })], nextCursor: null });
    expect((await callJson<Page<{ ambassadorId: string }>>('/api/v1/charters/2/acceptances', { session: tenant.session })).body.items.map((x) => x.ambassadorId)).toEqual([newer.id]);
  });

  it('answers 404 for an unknown version and for a version only another organisation has, 422 for a malformed one, 401 without a credential', async () => {
    const tenant = await makeTenant();
    const other = await makeTenant();
    await publish(tenant.session);
    for (let i = 0; i < 3; i++) await publish(other.session);
    expect((await callJson('/api/v1/charters/3/acceptances', { session: tenant.session })).body).toMatchObject({ error: { code: 'not_found' } });
    expect((await callJson('/api/v1/charters/99/acceptances', { session: tenant.session })).status).toBe(404);
    for (const bad of ['abc', '0', '-1', '1.5']) {
      expect((await callJson(`/api/v1/charters/${bad}/acceptances`, { session: tenant.session })).body).toMatchObject({ error: { code: 'validation_failed', field: 'version' } });
    }
    expect((await callJson('/api/v1/charters/1/acceptances')).status).toBe(401);
    expect((await callJson('/api/v1/charters/1/acceptances', { session: await makeAdminSession(tenant.organisationId, 'analyst') })).status).toBe(200);
  });
});
