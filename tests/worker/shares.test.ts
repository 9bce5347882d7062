import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { links, shares } from '../../db/schema';
import { db, makeCampaign, makeContent } from './builders';
import { call, callJson, ORIGIN } from './http';
import { acceptCharter, content, join, joinAndAccept, makeSpace, publishCharter, share } from './ambassador-space';

const TEXT = 'Je travaille ici depuis trois ans et je cherche des collègues curieux.';

describe('POST /api/v1/me/shares', () => {
  it('issues the personal link with the share intent, a QR code and the similarity', async () => {
    const space = await makeSpace();
    const amb = await joinAndAccept(space);
    const job = await content(space, { url: 'https://jobs.example.com/offer/7', title: 'Backend engineer' });
    const res = await callJson<Record<string, unknown>>('/api/v1/me/shares', { session: amb.session, body: { contentId: job.id, network: 'linkedin', text: `  ${TEXT}  ` } });
    expect(res.status).toBe(201);
    const slug = (res.body.link as { slug: string }).slug;
    expect(slug).toMatch(/^[A-Za-z0-9]{8}$/);
    expect(res.body).toEqual({
      share: {
        id: expect.stringMatching(/^shr_/), contentId: job.id, campaignId: space.campaignId, network: 'linkedin', text: TEXT, link: { slug, shortUrl: `${ORIGIN}/${slug}` },
        similarity: { score: expect.any(Number), nearCopy: false }, metrics: { impressions: null, reactions: null, comments: null, reshares: null, reportedAt: null }, postedAt: null,
        createdAt: expect.any(String), updatedAt: expect.any(String),
      },
      link: { slug, shortUrl: `${ORIGIN}/${slug}` },
      intentUrl: `https://www.linkedin.com/feed/?shareActive=true&text=${encodeURIComponent(`${TEXT}\n\n${ORIGIN}/${slug}`)}`,
      linkShareUrl: `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(`${ORIGIN}/${slug}`)}`,
      message: `${TEXT}\n\n${ORIGIN}/${slug}`,
      similarity: { score: expect.any(Number), nearCopy: false, nearestShareId: null },
      qrSvg: expect.stringMatching(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+">.*<\/svg>$/s),
    });
    const link = await db().select().from(links).where(eq(links.slug, slug)).get();
    expect(link).toMatchObject({ id: expect.stringMatching(/^lnk_[A-Za-z0-9_-]{16}$/), ambassadorId: amb.id, contentId: job.id, network: 'linkedin', organisationId: space.organisationId });
    const followed = await call(`/${slug}`);
    expect(followed.status).toBe(302);
    expect(followed.headers.get('location')).toMatch(/^https:\/\/jobs\.example\.com\/offer\/7\?utm_source=linkedin&/);
  });

  it('gives the same link for the same content × network, another for another network; one share per post', async () => {
    const space = await makeSpace();
    const amb = await joinAndAccept(space);
    const job = await content(space);
    const first = await share(amb.session, job.id, TEXT);
    const again = await share(amb.session, job.id, `${TEXT} Encore !`);
    const onX = await share(amb.session, job.id, TEXT, 'x');
    expect(again.link.slug).toBe(first.link.slug);
    expect(again.share.id).not.toBe(first.share.id);
    expect(onX.link.slug).not.toBe(first.link.slug);
    expect(await db().select().from(links).where(eq(links.ambassadorId, amb.id))).toHaveLength(2);
    expect(await db().select().from(shares).where(eq(shares.ambassadorId, amb.id))).toHaveLength(3);
    const colleague = await joinAndAccept(space);
    expect((await share(colleague.session, job.id, 'Mon équipe cherche du monde, venez nous voir.')).link.slug).not.toBe(first.link.slug);
  });

  it('answers each network’s share intent (none for Instagram)', async () => {
    const space = await makeSpace();
    const amb = await joinAndAccept(space);
    const job = await content(space, { title: 'Dev à Lyon' });
    const intent = async (network: 'x' | 'facebook' | 'email' | 'other' | 'instagram') => {
      const created = await share(amb.session, job.id, TEXT, network);
      // Only LinkedIn has a documented link-only share beside its text intent.
      expect(created.linkShareUrl, network).toBeNull();
      expect(created.message, network).toBe(`${TEXT}\n\n${created.link.shortUrl}`);
      return { intent: created.intentUrl, url: encodeURIComponent(created.link.shortUrl) };
    };
    const x = await intent('x');
    expect(x.intent).toBe(`https://x.com/intent/post?text=${encodeURIComponent(TEXT)}&url=${x.url}`);
    const facebook = await intent('facebook');
    expect(facebook.intent).toBe(`https://www.facebook.com/sharer/sharer.php?u=${facebook.url}`);
    const email = await intent('email');
    expect(email.intent).toBe(`mailto:?subject=Dev%20%C3%A0%20Lyon&body=${encodeURIComponent(`${TEXT}\n\n`)}${email.url}`);
    const other = await intent('other');
    expect(other.intent).toBe(`https://wa.me/?text=${encodeURIComponent(`${TEXT}\n\n`)}${other.url}`);
    expect((await intent('instagram')).intent).toBeNull();
  });

  it('issues no link before the current charter is accepted, and asks again for a new version', async () => {
    const space = await makeSpace();
    const amb = await join(space);
    const job = await content(space);
    const body = { contentId: job.id, network: 'linkedin', text: TEXT };
    expect(await callJson('/api/v1/me/shares', { session: amb.session, body })).toMatchObject({ status: 403, body: { error: { code: 'charter_not_accepted' } } });
    await acceptCharter(amb.session);
    expect((await callJson('/api/v1/me/shares', { session: amb.session, body })).status).toBe(201);
    await publishCharter(space.owner, 'Version 2: new rules.');
    expect(await callJson('/api/v1/me/shares', { session: amb.session, body })).toMatchObject({ status: 403, body: { error: { code: 'charter_not_accepted', message: expect.stringContaining('version 2') } } });
    await acceptCharter(amb.session);
    expect((await callJson('/api/v1/me/shares', { session: amb.session, body })).status).toBe(201);
  });

  it('issues no link while the organisation has published no charter', async () => {
    const space = await makeSpace({ charter: false });
    const amb = await join(space);
    const job = await content(space);
    expect(await callJson('/api/v1/me/shares', { session: amb.session, body: { contentId: job.id, network: 'linkedin', text: TEXT } })).toMatchObject({ status: 403, body: { error: { code: 'charter_not_accepted' } } });
    expect(await db().select().from(links).where(eq(links.ambassadorId, amb.id))).toEqual([]);
  });

  it('answers 404 for an unknown or another organisation’s content, 422 for archived content, an inactive campaign or a network not offered', async () => {
    const space = await makeSpace();
    const amb = await joinAndAccept(space);
    const elsewhere = await makeSpace();
    const foreign = await content(elsewhere);
    const archived = await content(space, { status: 'archived' });
    const draft = await makeCampaign(space.organisationId, { status: 'draft' });
    const notYet = await makeContent(space.organisationId, draft.id);
    const linkedinOnly = await content(space, { networks: ['linkedin'] });
    const post = (contentId: string, network = 'linkedin') => callJson('/api/v1/me/shares', { session: amb.session, body: { contentId, network, text: TEXT } });
    expect(await post('cnt_unknown')).toMatchObject({ status: 404, body: { error: { code: 'not_found', field: 'contentId' } } });
    expect(await post(foreign.id)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await post(archived.id)).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', field: 'contentId', message: expect.stringContaining('archived') } } });
    expect(await post(notYet.id)).toMatchObject({ status: 422, body: { error: { field: 'contentId', message: expect.stringContaining('draft') } } });
    expect(await post(linkedinOnly.id, 'x')).toMatchObject({ status: 422, body: { error: { field: 'network' } } });
    expect(await db().select().from(links).where(and(eq(links.ambassadorId, amb.id)))).toEqual([]);
  });

  it.each([
    [{ network: 'linkedin', text: TEXT }, 'contentId'],
    [{ contentId: 'cnt_x', network: 'myspace', text: TEXT }, 'network'],
    [{ contentId: 'cnt_x', network: 'linkedin' }, 'text'],
    [{ contentId: 'cnt_x', network: 'linkedin', text: '   ' }, 'text'],
    [{ contentId: 'cnt_x', network: 'linkedin', text: 'x'.repeat(5001) }, 'text'],
    [{ contentId: 'cnt_x', network: 'linkedin', text: TEXT, slug: 'mine' }, 'slug'],
  ])('answers 422 for %j (field %s)', async (body, field) => {
    const amb = await joinAndAccept(await makeSpace());
    expect(await callJson('/api/v1/me/shares', { session: amb.session, body })).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', field } } });
  });
});

describe('GET /api/v1/me/feed', () => {
  it('lists active content of active campaigns, newest first, with rendered talking points and the networks already linked', async () => {
    const space = await makeSpace();
    const amb = await joinAndAccept(space);
    const now = Date.now();
    const older = await content(space, { title: 'Older', talkingPoints: '- **Lyon**, CDI', createdAt: now - 2000 });
    const newer = await content(space, { title: 'Newer', createdAt: now - 1000 });
    await content(space, { title: 'Archived', status: 'archived' });
    const archivedCampaign = await makeCampaign(space.organisationId, { status: 'archived' });
    await makeContent(space.organisationId, archivedCampaign.id, { title: 'Of an archived campaign' });
    await content(await makeSpace(), { title: 'Elsewhere' });
    await share(amb.session, older.id, TEXT, 'x');
    const res = await callJson<{ items: Record<string, unknown>[]; nextCursor: string | null }>('/api/v1/me/feed', { session: amb.session });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i) => i.title)).toEqual(['Newer', 'Older']);
    expect(res.body.items[1]).toEqual({
      id: older.id, campaign: { id: space.campaignId, name: 'Campaign', objective: 'recruitment' }, kind: 'job', title: 'Older', url: older.url,
      talkingPoints: '- **Lyon**, CDI', talkingPointsHtml: '<ul>\n<li><strong>Lyon</strong>, CDI</li>\n</ul>', networks: older.networks, linkedNetworks: ['x'], preview: null, createdAt: new Date(now - 2000).toISOString(),
    });
    expect(res.body.items[0]).toMatchObject({ id: newer.id, linkedNetworks: [] });
    const page = await callJson<{ items: { id: string }[]; nextCursor: string }>('/api/v1/me/feed?limit=1', { session: amb.session });
    expect(page.body.items.map((i) => i.id)).toEqual([newer.id]);
    expect((await callJson<{ items: { id: string }[] }>(`/api/v1/me/feed?limit=1&cursor=${page.body.nextCursor}`, { session: amb.session })).body.items.map((i) => i.id)).toEqual([older.id]);
  });
});
