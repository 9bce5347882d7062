/**
 * The audit log (API.md, "Privacy and trust"): who changed who sees what or where a link leads, when, before and
 * after — owners only, never a secret, kept per `auditRetentionMonths` and purged by the scheduled handler.
 */
import { createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, organisations } from '../../db/schema';
import worker from '../../worker/index';
import { newId } from '../../worker/lib/ids';
import { MONTH_MS } from '../../worker/services/retention';
import type { AuditEntry } from '../../worker/schemas/audit-log';
import { db, makeAdminSession, makeApiKey, makeTenant } from './builders';
import { callJson } from './http';

type Page = { items: AuditEntry[]; nextCursor: string | null };

describe('audit log', () => {
  it('records API keys and admins created and removed, with the owner as actor and only what changed, never a secret or a token', async () => {
    const tenant = await makeTenant('Audit Acme');
    const created = await callJson<{ id: string; secret: string; prefix: string }>('/api/v1/api-keys', { session: tenant.session, body: { name: 'ATS', scopes: ['conversions:write'] } });
    expect(created.status).toBe(201);
    expect((await callJson(`/api/v1/api-keys/${created.body.id}`, { method: 'DELETE', session: tenant.session })).status).toBe(204);
    // Revoking again changes nothing, and logs nothing.
    expect((await callJson(`/api/v1/api-keys/${created.body.id}`, { method: 'DELETE', session: tenant.session })).status).toBe(204);
    const invited = await callJson<{ admin: { id: string }; token: string }>('/api/v1/admins', { session: tenant.session, body: { email: 'new.editor@example.com', name: 'Nouvelle Éditrice', role: 'editor' } });
    expect(invited.status).toBe(201);
    expect((await callJson(`/api/v1/admins/${invited.body.admin.id}`, { method: 'DELETE', session: tenant.session })).status).toBe(204);

    const log = await callJson<Page>('/api/v1/audit-log', { session: tenant.session });
    expect(log.status).toBe(200);
    const owner = { kind: 'admin', id: tenant.ownerId, label: tenant.email };
    expect(log.body.items.map(({ action, actor, target, before, after }) => ({ action, actor, target, before, after }))).toEqual([
      { action: 'admin.removed', actor: owner, target: { type: 'admin', id: invited.body.admin.id }, before: { email: 'new.editor@example.com', role: 'editor' }, after: null },
      { action: 'admin.invited', actor: owner, target: { type: 'admin', id: invited.body.admin.id }, before: null, after: { email: 'new.editor@example.com', name: 'Nouvelle Éditrice', role: 'editor' } },
      { action: 'api_key.revoked', actor: owner, target: { type: 'api_key', id: created.body.id }, before: { name: 'ATS', revokedAt: null }, after: { name: 'ATS', revokedAt: expect.any(String) } },
      { action: 'api_key.created', actor: owner, target: { type: 'api_key', id: created.body.id }, before: null, after: { name: 'ATS', scopes: ['conversions:write'], prefix: created.body.prefix } },
    ]);
    const text = JSON.stringify(log.body);
    for (const secret of [created.body.secret, created.body.secret.slice(0, 9), invited.body.token, tenant.password, tenant.session]) expect(text).not.toContain(secret);
    expect(created.body.prefix).toHaveLength(8);

    const filtered = await callJson<Page>('/api/v1/audit-log?action=api_key.created', { session: tenant.session });
    expect(filtered.body.items.map((entry) => entry.action)).toEqual(['api_key.created']);
    const first = await callJson<Page>('/api/v1/audit-log?limit=3', { session: tenant.session });
    const rest = await callJson<Page>(`/api/v1/audit-log?limit=3&cursor=${first.body.nextCursor}`, { session: tenant.session });
    expect([...first.body.items, ...rest.body.items].map((entry) => entry.id)).toEqual(log.body.items.map((entry) => entry.id));
    expect(rest.body.nextCursor).toBeNull();
  });

  it('records a change to who sees what or how long data stay with only the fields that changed, and dates the documents by it', async () => {
    const tenant = await makeTenant('Audit Settings');
    const settings = (body: Record<string, unknown>) => callJson<Record<string, unknown>>('/api/v1/organisation', { method: 'PATCH', session: tenant.session, body });
    const before = (await callJson<{ trustSettingsAt: string }>('/api/v1/organisation', { session: tenant.session })).body;
    // Rates change no document and are not logged.
    expect((await settings({ rates: { linkedin: { cpc: 3 } } })).body.trustSettingsAt).toBe(before.trustSettingsAt);
    const changed = await settings({ retentionMonths: 13, privacyContact: 'dpo@audit.example', rates: { x: { cpm: 9 } } });
    expect(changed.status).toBe(200);
    expect(changed.body.trustSettingsAt).not.toBe(before.trustSettingsAt);
    const log = await callJson<Page>('/api/v1/audit-log?action=organisation.updated', { session: tenant.session });
    expect(log.body.items.map(({ before: b, after: a, target }) => ({ target, before: b, after: a }))).toEqual([
      { target: { type: 'organisation', id: tenant.organisationId }, before: { retentionMonths: 25, privacyContact: null }, after: { retentionMonths: 13, privacyContact: 'dpo@audit.example' } },
    ]);
  });

  it('is read by owners only: editors, analysts and API keys get 403; another organisation sees none of it', async () => {
    const tenant = await makeTenant('Audit Readers');
    await callJson('/api/v1/api-keys', { session: tenant.session, body: { name: 'CRM', scopes: ['kpis:read'] } });
    for (const role of ['editor', 'analyst'] as const) {
      expect((await callJson('/api/v1/audit-log', { session: await makeAdminSession(tenant.organisationId, role) })).status).toBe(403);
    }
    expect((await callJson('/api/v1/audit-log', { bearer: await makeApiKey(tenant.organisationId, ['admin']) })).status).toBe(403);
    expect((await callJson('/api/v1/audit-log')).status).toBe(401);
    const other = await makeTenant('Audit Elsewhere');
    expect((await callJson<Page>('/api/v1/audit-log', { session: other.session })).body.items).toEqual([]);
  });

  it('answers 422 for a malformed action filter or cursor', async () => {
    const tenant = await makeTenant('Audit Filters');
    for (const query of ['action=DROP%20TABLE', 'action=content', 'cursor=nope', 'limit=0']) {
      const res = await callJson<{ error: { code: string } }>(`/api/v1/audit-log?${query}`, { session: tenant.session });
      expect({ query, status: res.status, code: res.body.error.code }).toEqual({ query, status: 422, code: 'validation_failed' });
    }
  });

  it('keeps entries auditRetentionMonths, then the scheduled handler purges them', async () => {
    const tenant = await makeTenant('Audit Retention');
    await db().update(organisations).set({ auditRetentionMonths: 2 }).where(eq(organisations.id, tenant.organisationId));
    const now = Date.now();
    const entry = (ageMonths: number) => ({ id: newId('aud'), organisationId: tenant.organisationId, at: now - ageMonths * MONTH_MS, actorKind: 'system' as const, action: 'organisation.updated', targetType: 'organisation', targetId: tenant.organisationId });
    const [old, recent] = [entry(3), entry(1)];
    await db().insert(auditLog).values([old, recent]);
    await worker.scheduled(createScheduledController({ scheduledTime: now, cron: '17 * * * *' }), env);
    const left = await db().select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.organisationId, tenant.organisationId));
    expect(left.map((row) => row.id)).toEqual([recent.id]);
  });
});
