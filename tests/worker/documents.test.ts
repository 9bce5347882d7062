/**
 * `GET /api/v1/documents/{cse-note|dpia}` (API.md, "Privacy and trust"): written from the organisation's real
 * settings, dated by them, changed by them and only by them; owners and editors only.
 */
import { describe, expect, it } from 'vitest';
import { DATA_INVENTORY } from '../../worker/trust/data-inventory';
import { makeAdminSession, makeApiKey, makeTenant } from './builders';
import { call, callJson } from './http';

const KINDS = ['cse-note', 'dpia'] as const;

async function read(session: string, path: string) {
  const res = await call(path, { session });
  return { status: res.status, type: res.headers.get('content-type'), headers: res.headers, text: await res.text() };
}

const patch = (session: string, body: Record<string, unknown>) => callJson('/api/v1/organisation', { method: 'PATCH', session, body });

describe('generated documents', () => {
  it('name the organisation, its contact, its retention and every inventoried column, dated by its settings', async () => {
    const tenant = await makeTenant('Brasserie Tabarly');
    expect((await patch(tenant.session, { privacyContact: 'dpo@tabarly.example', retentionMonths: 13, auditRetentionMonths: 18 })).status).toBe(200);
    const org = await callJson<{ trustSettingsAt: string }>('/api/v1/organisation', { session: tenant.session });
    for (const kind of KINDS) {
      for (const lang of ['fr', 'en'] as const) {
        const md = await read(tenant.session, `/api/v1/documents/${kind}?lang=${lang}&format=md`);
        expect(md.status).toBe(200);
        expect(md.type).toBe('text/markdown; charset=utf-8');
        expect(md.text).toContain('Brasserie Tabarly');
        expect(md.text).toContain('dpo@tabarly.example');
        expect(md.text).toContain(lang === 'fr' ? '13 mois' : '13 months');
        expect(md.text).toContain(lang === 'fr' ? '18 mois' : '18 months');
        expect(md.text).toContain(org.body.trustSettingsAt);
        expect(md.text).toContain('--jurisdiction eu');
        expect(md.text).toMatch(/Cloudflare Workers/);
        expect(md.text).toMatch(/D1/);
        expect(md.text).not.toMatch(/\{\{|TODO|XXX|undefined|null|NaN|\[object/);
        for (const column of DATA_INVENTORY.flatMap((datum) => datum.columns)) expect(md.text).toContain(`\`${column}\``);
      }
    }
    const cse = await read(tenant.session, '/api/v1/documents/cse-note?format=md');
    expect(cse.text).toMatch(/L2312-38/);
    expect(cse.text).toMatch(/L1222-4/);
    const dpia = await read(tenant.session, '/api/v1/documents/dpia?lang=en&format=md');
    for (const part of ['Context', 'Fundamental principles', 'Minimisation', 'Retention', 'Risks', 'Illegitimate access', 'Unwanted change', 'Disappearance', 'Measures']) expect(dpia.text).toContain(part);
  });

  it('change when visibility or retention change, and not when rates do', async () => {
    const tenant = await makeTenant('Acme Trust');
    const doc = async (kind: string) => (await read(tenant.session, `/api/v1/documents/${kind}?format=md`)).text;
    const first = { cse: await doc('cse-note'), dpia: await doc('dpia') };
    // Reading twice gives the same text: nothing depends on the time it is generated.
    expect(await doc('cse-note')).toBe(first.cse);

    expect((await patch(tenant.session, { rates: { linkedin: { cpc: 9, cpm: 40, organicReach: 0.2 } } })).status).toBe(200);
    expect({ cse: await doc('cse-note'), dpia: await doc('dpia') }).toEqual(first);

    expect((await patch(tenant.session, { ambassadorVisibility: 'all', cseInformedOn: '2026-11-02' })).status).toBe(200);
    const named = { cse: await doc('cse-note'), dpia: await doc('dpia') };
    expect(named.cse).not.toBe(first.cse);
    expect(named.dpia).not.toBe(first.dpia);
    expect(named.cse).toContain('2026-11-02');
    expect(first.cse).toContain('Réglage actuel « sur consentement »');
    expect(named.cse).toContain('Réglage actuel « tous »');
    expect(named.dpia).toContain('Réglage actuel « tous »');

    expect((await patch(tenant.session, { retentionMonths: 7 })).status).toBe(200);
    const shorter = { cse: await doc('cse-note'), dpia: await doc('dpia') };
    expect(shorter.cse).not.toBe(named.cse);
    expect(shorter.dpia).not.toBe(named.dpia);
    expect(shorter.dpia).toContain('7 mois');
    expect(named.dpia).toContain('25 mois');
  });

  it('serves a full, script-free HTML page by default, in French', async () => {
    const tenant = await makeTenant('Acme Html');
    const html = await read(tenant.session, '/api/v1/documents/cse-note');
    expect(html.status).toBe(200);
    expect(html.type).toBe('text/html; charset=utf-8');
    expect(html.text).toMatch(/^<!doctype html><html lang="fr">/);
    expect(html.text).toContain('<h1>');
    expect(html.text).not.toMatch(/<script/i);
    expect(html.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(html.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await read(tenant.session, '/api/v1/documents/dpia?lang=en')).text).toMatch(/<html lang="en">/);
  });

  it('are for owners and editors: analysts and API keys get 403, nobody signed out 401, bad parameters 422', async () => {
    const tenant = await makeTenant('Acme Roles');
    const editor = await makeAdminSession(tenant.organisationId, 'editor');
    const analyst = await makeAdminSession(tenant.organisationId, 'analyst');
    expect((await read(editor, '/api/v1/documents/dpia')).status).toBe(200);
    expect((await callJson('/api/v1/documents/dpia', { session: analyst })).body).toMatchObject({ error: { code: 'forbidden' } });
    expect((await callJson('/api/v1/documents/dpia', { bearer: await makeApiKey(tenant.organisationId, ['admin']) })).status).toBe(403);
    expect((await callJson('/api/v1/documents/dpia')).status).toBe(401);
    for (const [path, field] of [
      ['/api/v1/documents/privacy-policy', 'kind'],
      ['/api/v1/documents/dpia?lang=de', 'lang'],
      ['/api/v1/documents/dpia?format=pdf', 'format'],
    ] as const) {
      const res = await callJson<{ error: { code: string; field: string } }>(path, { session: tenant.session });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'validation_failed', field });
    }
  });
});
