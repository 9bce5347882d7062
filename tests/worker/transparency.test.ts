/**
 * The ambassador's transparency (issue 12, item 3): before joining (by the invitation's token) and after (their
 * session), what is stored about them, who sees it under the current visibility, for how long — from the inventory.
 */
import { describe, expect, it } from 'vitest';
import type { Transparency } from '../../worker/schemas/transparency';
import { dataAbout } from '../../worker/trust/data-inventory';
import { makeTenant } from './builders';
import { callJson, sessionFrom } from './http';

async function invite(session: string) {
  const invited = await callJson<{ token: string }>('/api/v1/ambassadors', { session, body: { name: 'Camille Martin', email: `camille-${crypto.randomUUID()}@example.com` } });
  expect(invited.status).toBe(201);
  return invited.body.token;
}

describe('ambassador transparency', () => {
  it('shows an invited person what would be stored, by whom it is seen and for how long, then the same once joined', async () => {
    const tenant = await makeTenant('Coopérative Lumière');
    await callJson('/api/v1/organisation', { method: 'PATCH', session: tenant.session, body: { privacyContact: 'dpo@lumiere.example', retentionMonths: 13 } });
    const token = await invite(tenant.session);

    const before = await callJson<Transparency>(`/api/v1/invitations/${token}/transparency?lang=en`);
    expect(before.status).toBe(200);
    expect(before.body.organisation).toEqual({ name: 'Coopérative Lumière', privacyContact: 'dpo@lumiere.example' });
    expect(before.body.data.map((d) => d.what)).toEqual(dataAbout('ambassadors').map((d) => d.what.en));
    expect(before.body.visibility).toContain('Current setting “opt-in”');
    expect(before.body.data.find((d) => d.what.startsWith('Name, e-mail'))?.whoSees).toContain('Never analysts');
    expect(JSON.stringify(before.body)).not.toContain('Camille');
    const french = await callJson<Transparency>(`/api/v1/invitations/${token}/transparency`);
    expect(french.body.visibility).toContain('Réglage actuel « sur consentement »');

    // Looking consumed nothing: the invitation still opens the session.
    const accepted = await callJson(`/api/v1/invitations/${token}/accept`, { body: {} });
    expect(accepted.status).toBe(200);
    const me = sessionFrom(accepted);
    expect((await callJson(`/api/v1/invitations/${token}/transparency`)).status).toBe(404);

    await callJson('/api/v1/organisation', { method: 'PATCH', session: tenant.session, body: { ambassadorVisibility: 'all', cseInformedOn: '2026-10-01' } });
    const after = await callJson<Transparency>('/api/v1/me/transparency?lang=en', { session: me });
    expect(after.status).toBe(200);
    expect(after.body.visibility).toContain('Current setting “all” (works council informed on 2026-10-01)');
    expect(after.body.data.map((d) => d.what)).toEqual(before.body.data.map((d) => d.what));
  });

  it('answers 404 for an unknown or an admin invitation, 422 on a bad lang, and only ambassadors read their own', async () => {
    const tenant = await makeTenant('Acme Transparency');
    expect((await callJson('/api/v1/invitations/not-a-token/transparency')).status).toBe(404);
    const admin = await callJson<{ token: string }>('/api/v1/admins', { session: tenant.session, body: { email: `ed-${crypto.randomUUID()}@example.com`, name: 'Ed', role: 'editor' } });
    expect((await callJson(`/api/v1/invitations/${admin.body.token}/transparency`)).status).toBe(404);
    expect((await callJson(`/api/v1/invitations/${await invite(tenant.session)}/transparency?lang=de`)).status).toBe(422);
    expect((await callJson('/api/v1/me/transparency', { session: tenant.session })).status).toBe(403);
    expect((await callJson('/api/v1/me/transparency')).status).toBe(401);
  });
});
