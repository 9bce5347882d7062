/**
 * The audit log's entries for the rest of API.md's list (issue 12, item 4): where a content's links lead, invitations,
 * erasures and leaving, charters published, exports downloaded; no ambassador's name or e-mail ever; and, across all
 * of it, none of the secrets, tokens and passwords the test created.
 */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../worker/schemas/audit-log';
import { join, makeSpace, publishCharter } from './ambassador-space';
import { makeCampaign } from './builders';
import { call, callJson } from './http';

type Page = { items: AuditEntry[]; nextCursor: string | null };

const entries = async (session: string, action?: string) => (await callJson<Page>(`/api/v1/audit-log?limit=100${action ? `&action=${action}` : ''}`, { session })).body.items;
const shapes = (items: AuditEntry[]) => items.map(({ action, actor, target, before, after }) => ({ action, actor: actor.kind, target, before, after }));

describe('audit entries', () => {
  it('records where a content’s links lead: created, changed (only url, status, endsAt, campaignId), deleted', async () => {
    const space = await makeSpace({ charter: false });
    const other = await makeCampaign(space.organisationId);
    const created = await callJson<{ id: string }>('/api/v1/contents', { session: space.owner, body: { campaignId: space.campaignId, kind: 'job', title: 'Data engineer', url: 'https://jobs.example.com/1' } });
    expect(created.status).toBe(201);
    const id = created.body.id;
    // A title is not where a link leads: no entry.
    expect((await callJson(`/api/v1/contents/${id}`, { method: 'PATCH', session: space.owner, body: { title: 'Data engineer (H/F)' } })).status).toBe(200);
    expect((await callJson(`/api/v1/contents/${id}`, { method: 'PATCH', session: space.owner, body: { url: 'https://jobs.example.com/2', campaignId: other.id, endsAt: '2030-01-31T00:00:00.000Z', title: 'Data engineer' } })).status).toBe(200);
    expect((await call(`/api/v1/contents/${id}`, { method: 'DELETE', session: space.owner })).status).toBe(204);
    // Deleting again changes nothing, and logs nothing.
    expect((await call(`/api/v1/contents/${id}`, { method: 'DELETE', session: space.owner })).status).toBe(404);

    const target = { type: 'content', id };
    expect(shapes(await entries(space.owner))).toEqual([
      { action: 'content.deleted', actor: 'admin', target, before: { url: 'https://jobs.example.com/2', status: 'active', endsAt: '2030-01-31T00:00:00.000Z', campaignId: other.id }, after: null },
      { action: 'content.updated', actor: 'admin', target, before: { url: 'https://jobs.example.com/1', endsAt: null, campaignId: space.campaignId }, after: { url: 'https://jobs.example.com/2', endsAt: '2030-01-31T00:00:00.000Z', campaignId: other.id } },
      { action: 'content.created', actor: 'admin', target, before: null, after: { url: 'https://jobs.example.com/1', status: 'active', endsAt: null, campaignId: space.campaignId } },
    ]);
  });

  it('records invitations, a new link, an ambassador leaving by themself and one erased, never with a name or an e-mail', async () => {
    const space = await makeSpace();
    const invited = await callJson<{ ambassador: { id: string }; token: string }>('/api/v1/ambassadors', { session: space.owner, body: { name: 'Zoé Martin-Lefèvre', email: 'zoe.martin@example.com', team: 'Ventes' } });
    expect(invited.status).toBe(201);
    const renewed = await callJson<{ token: string }>(`/api/v1/ambassadors/${invited.body.ambassador.id}/invitation`, { method: 'POST', session: space.owner });
    expect(renewed.status).toBe(201);
    expect((await call(`/api/v1/ambassadors/${invited.body.ambassador.id}`, { method: 'DELETE', session: space.owner })).status).toBe(204);
    const leaver = await join(space, { name: 'Hugo Bernard' });
    expect((await call('/api/v1/me', { method: 'DELETE', session: leaver.session })).status).toBe(204);

    const log = await entries(space.owner);
    expect(shapes(log.filter((e) => e.action.startsWith('ambassador.')))).toEqual([
      { action: 'ambassador.left', actor: 'ambassador', target: { type: 'ambassador', id: leaver.id }, before: { status: 'active' }, after: { status: 'left' } },
      { action: 'ambassador.invited', actor: 'admin', target: { type: 'ambassador', id: leaver.id }, before: null, after: { status: 'invited' } },
      { action: 'ambassador.erased', actor: 'admin', target: { type: 'ambassador', id: invited.body.ambassador.id }, before: { status: 'invited' }, after: { status: 'left' } },
      { action: 'ambassador.invitation_renewed', actor: 'admin', target: { type: 'ambassador', id: invited.body.ambassador.id }, before: null, after: null },
      { action: 'ambassador.invited', actor: 'admin', target: { type: 'ambassador', id: invited.body.ambassador.id }, before: null, after: { status: 'invited' } },
    ]);
    expect(log.find((e) => e.action === 'ambassador.left')?.actor).toEqual({ kind: 'ambassador', id: leaver.id, label: null });
    const text = JSON.stringify(log);
    for (const personal of ['Zoé', 'Martin-Lefèvre', 'zoe.martin@example.com', 'Ventes', 'Hugo', 'Bernard', leaver.email]) expect(text).not.toContain(personal);
  });

  it('records a charter published with who must accept it again, and an export downloaded with its period', async () => {
    const space = await makeSpace();
    await join(space);
    await publishCharter(space.owner, '# Charte v2');
    const csv = await call('/api/v1/exports/kpis.csv?from=2026-01-01&to=2026-01-31&groupBy=campaign', { session: space.owner });
    expect(csv.status).toBe(200);

    const charters = await entries(space.owner, 'charter.published');
    expect(charters.map((e) => e.after)).toEqual([{ version: 2, mustAccept: 1 }, { version: 1, mustAccept: 0 }]);
    expect(shapes(await entries(space.owner, 'export.downloaded'))).toEqual([
      { action: 'export.downloaded', actor: 'admin', target: { type: 'export', id: null }, before: null, after: { export: 'kpis.csv', from: '2026-01-01', to: '2026-01-31', groupBy: 'campaign', campaignId: null } },
    ]);
  });

  it('never holds a secret, a token or a password the test created, anywhere in the log', async () => {
    const space = await makeSpace();
    const key = await callJson<{ id: string; secret: string }>('/api/v1/api-keys', { session: space.owner, body: { name: 'CRM', scopes: ['conversions:write'] } });
    const admin = await callJson<{ admin: { id: string }; token: string }>('/api/v1/admins', { session: space.owner, body: { email: 'ed@example.com', name: 'Ed', role: 'editor' } });
    const password = 'une phrase de passe secrète';
    const accepted = await call(`/api/v1/invitations/${admin.body.token}/accept`, { method: 'POST', body: { password } });
    expect(accepted.status).toBe(200);
    const ambassador = await callJson<{ ambassador: { id: string }; token: string }>('/api/v1/ambassadors', { session: space.owner, body: { name: 'Léa', email: 'lea@example.com' } });
    const renewed = await callJson<{ token: string }>(`/api/v1/ambassadors/${ambassador.body.ambassador.id}/invitation`, { method: 'POST', session: space.owner });
    const joined = await join(space);
    await callJson(`/api/v1/api-keys/${key.body.id}`, { method: 'DELETE', session: space.owner });
    await callJson('/api/v1/organisation', { method: 'PATCH', session: space.owner, body: { privacyContact: 'dpo@example.com', disclosure: 'Je travaille chez Acme' } });

    const text = JSON.stringify(await entries(space.owner));
    const secrets = [key.body.secret, key.body.secret.slice(0, 12), admin.body.token, password, ambassador.body.token, renewed.body.token, joined.session, space.owner];
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).toContain('api_key.created');
  });
});
