/** Issue 11: the "Sharing well" guide in the ambassador's space, shipped in FR and EN, replaceable by the organisation. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SHARING_GUIDE } from '../../worker/guide/sharing-guide';
import { call, callJson } from './http';
import { join, makeSpace } from './ambassador-space';

interface Guide {
  markdown: string;
  html: string;
  custom: boolean;
}

describe('GET /api/v1/me/guide', () => {
  it('ships the guide in French by default and in English on request, rendered to safe HTML', async () => {
    const space = await makeSpace();
    const amb = await join(space);
    const fr = await callJson<Guide>('/api/v1/me/guide', { session: amb.session });
    expect(fr.status).toBe(200);
    expect(fr.body).toMatchObject({ markdown: DEFAULT_SHARING_GUIDE.fr, custom: false });
    expect(fr.body.html).toContain('<h2>1. Un profil qui inspire confiance</h2>');
    expect(fr.body.html).toContain('<strong>une photo</strong>');
    const en = await callJson<Guide>('/api/v1/me/guide?lang=en', { session: amb.session });
    expect(en.body.html).toContain('<h2>2. Write in your own words</h2>');
    expect((await callJson('/api/v1/me/guide?lang=de', { session: amb.session })).body).toMatchObject({ error: { code: 'validation_failed', field: 'lang' } });
    expect((await call('/api/v1/me/guide')).status).toBe(401);
    expect((await call('/api/v1/me/guide', { session: space.owner })).status).toBe(403);
  });

  it('shows the organisation’s own guide once written, whatever the language, escaped; null brings the shipped one back', async () => {
    const space = await makeSpace();
    const amb = await join(space);
    const own = '# Chez nous\n\nÉcrivez *comme vous parlez*. <script>alert(1)</script>';
    const saved = await callJson<{ sharingGuide: string | null }>('/api/v1/organisation', { method: 'PATCH', session: space.owner, body: { sharingGuide: own } });
    expect(saved.status).toBe(200);
    expect(saved.body.sharingGuide).toBe(own);
    for (const lang of ['fr', 'en']) {
      const guide = await callJson<Guide>(`/api/v1/me/guide?lang=${lang}`, { session: amb.session });
      expect(guide.body).toMatchObject({ markdown: own, custom: true });
      expect(guide.body.html).toContain('<em>comme vous parlez</em>');
      expect(guide.body.html).not.toContain('<script>');
    }
    // Another organisation still reads the shipped guide.
    const elsewhere = await join(await makeSpace());
    expect((await callJson<Guide>('/api/v1/me/guide', { session: elsewhere.session })).body.custom).toBe(false);

    expect((await callJson('/api/v1/organisation', { method: 'PATCH', session: space.owner, body: { sharingGuide: null } })).status).toBe(200);
    expect((await callJson<Guide>('/api/v1/me/guide', { session: amb.session })).body).toMatchObject({ markdown: DEFAULT_SHARING_GUIDE.fr, custom: false });
  });

  it.each([
    [{ sharingGuide: '   ' }],
    [{ sharingGuide: 'x'.repeat(20_001) }],
    [{ sharingGuide: 42 }],
  ])('refuses %# as the guide', async (body) => {
    const space = await makeSpace();
    expect((await callJson('/api/v1/organisation', { method: 'PATCH', session: space.owner, body })).body).toMatchObject({ error: { code: 'validation_failed', field: 'sharingGuide' } });
  });
});
