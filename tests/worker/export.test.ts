import { describe, expect, it } from 'vitest';
import { dayOf } from '../../worker/lib/days';
import { call, callJson, ORIGIN } from './http';
import { clicks, content, convert, joinAndAccept, makeSpace, share } from './ambassador-space';

describe('GET /api/v1/me/export', () => {
  it('answers everything stored about the ambassador as a JSON file, and nothing about colleagues', async () => {
    const space = await makeSpace();
    const amb = await joinAndAccept(space, { name: 'Camille Export' });
    await callJson('/api/v1/me', { method: 'PATCH', session: amb.session, body: { audience: { linkedin: 900 }, displayName: 'Cam' } });
    const job = await content(space, { title: 'Dev backend' });
    const posted = await share(amb.session, job.id, 'Mon texte à moi sur ce poste.');
    await callJson(`/api/v1/me/shares/${posted.share.id}/metrics`, { session: amb.session, body: { impressions: 321 } });
    const [clickId] = await clicks(space.organisationId, posted.link.slug, 2);
    await convert(space.organisationId, clickId!);
    const colleague = await joinAndAccept(space, { name: 'Someone Else' });
    await share(colleague.session, job.id, 'Le texte de quelqu’un d’autre.');

    const res = await call('/api/v1/me/export', { session: amb.session });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="relais-export-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      exportedAt: expect.any(String),
      ambassador: expect.objectContaining({ id: amb.id, name: 'Camille Export', email: amb.email, displayName: 'Cam', team: 'Engineering', profile: 'expert', audience: { linkedin: 900 }, status: 'active', invitedAt: expect.any(String), leftAt: null }),
      charterAcceptances: [{ version: 1, acceptedAt: expect.any(String) }],
      sessions: [{ createdAt: expect.any(String), expiresAt: expect.any(String) }],
      invitations: [{ createdAt: expect.any(String), expiresAt: expect.any(String), usedAt: expect.any(String) }],
      links: [{ slug: posted.link.slug, shortUrl: `${ORIGIN}/${posted.link.slug}`, contentId: job.id, contentTitle: 'Dev backend', network: 'linkedin', createdAt: expect.any(String) }],
      shares: [expect.objectContaining({ id: posted.share.id, text: 'Mon texte à moi sur ce poste.', metrics: expect.objectContaining({ impressions: 321 }) })],
      dailyStats: [{ day: dayOf(Date.now()), slug: posted.link.slug, clicks: 2, uniqueVisitors: 2, filtered: 0, conversions: 1, conversionValue: 0 }],
      conversions: [{ id: expect.stringMatching(/^cnv_/), type: 'application', value: 0, currency: 'EUR', attributed: true, occurredAt: expect.any(String), slug: posted.link.slug }],
    });
    const text = JSON.stringify(body);
    for (const other of ['Someone Else', 'quelqu’un d’autre', colleague.email]) expect(text).not.toContain(other);
  });

  it('answers 401 without a session and 403 to an admin', async () => {
    const space = await makeSpace();
    expect((await callJson('/api/v1/me/export')).status).toBe(401);
    expect((await callJson('/api/v1/me/export', { session: space.owner })).status).toBe(403);
  });
});
