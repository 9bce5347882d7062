import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { conversions, dailyLinkStats, idempotencyKeys, links, shares } from '../../db/schema';
import { randomSlug } from '../../worker/lib/ids';
import { clickIdFor, db, makeApiKey } from './builders';
import { call, callJson } from './http';
import { everyStoredText } from './stored-text';
import { clicks, content, convert, joinAndAccept, linkIdOf, makeSpace, share } from './ambassador-space';

const totals = (organisationId: string) =>
  db()
    .select({
      rows: sql<number>`count(*)`,
      clicks: sql<number>`sum(${dailyLinkStats.clicks})`,
      uniqueVisitors: sql<number>`sum(${dailyLinkStats.uniqueVisitors})`,
      conversions: sql<number>`sum(${dailyLinkStats.conversions})`,
    })
    .from(dailyLinkStats)
    .where(eq(dailyLinkStats.organisationId, organisationId))
    .get();

describe('DELETE /api/v1/me', () => {
  it('erases what Relais knew about the ambassador while their links keep redirecting and the totals stay', async () => {
    const space = await makeSpace();
    const marker = randomSlug(12);
    const name = `Zéphyrine ${marker}`;
    const amb = await joinAndAccept(space, { name });
    await callJson('/api/v1/me', { method: 'PATCH', session: amb.session, body: { leaderboardOptIn: true, displayName: `Zeph ${marker}`, audience: { linkedin: 4321 } } });
    const job = await content(space);
    const texts = [`Mon texte ${marker}-one sur ce poste.`, `Un second texte ${marker}-two, pour X.`];
    const posted = [await share(amb.session, job.id, texts[0]!), await share(amb.session, job.id, texts[1]!, 'x')];
    await callJson(`/api/v1/me/shares/${posted[0]!.share.id}/metrics`, { session: amb.session, body: { impressions: 777, reactions: 7 } });
    const [clickId] = await clicks(space.organisationId, posted[0]!.link.slug, 3);
    await convert(space.organisationId, clickId!);
    const colleague = await joinAndAccept(space);
    const theirs = await share(colleague.session, job.id, 'Le texte de ma collègue, qui reste.');
    const before = await totals(space.organisationId);
    const stored = await everyStoredText();
    for (const needle of [name, amb.email, ...texts]) expect(stored.some((v) => v.includes(needle)), needle).toBe(true);

    expect((await call('/api/v1/me', { method: 'DELETE', session: amb.session })).status).toBe(204);

    const after = await everyStoredText();
    for (const needle of [name, amb.email, ...texts, marker]) expect(after.filter((v) => v.includes(needle)), needle).toEqual([]);
    expect(await totals(space.organisationId)).toEqual(before);
    const erased = await db().select().from(shares).where(eq(shares.id, posted[0]!.share.id)).get();
    // The post's figures stay as anonymous aggregates (issue 10: past reports do not change); the person and the text go.
    expect(erased).toMatchObject({ ambassadorId: null, text: null, impressions: 777, reactions: 7, contentId: job.id, network: 'linkedin' });
    expect(await db().select().from(shares).where(eq(shares.organisationId, space.organisationId))).toHaveLength(3);
    expect(await db().select({ ambassadorId: conversions.ambassadorId }).from(conversions).where(eq(conversions.clickId, clickId!))).toEqual([{ ambassadorId: null }]);
    expect(await db().select({ a: dailyLinkStats.ambassadorId }).from(dailyLinkStats).where(eq(dailyLinkStats.ambassadorId, amb.id))).toEqual([]);
    expect(await db().select().from(links).where(eq(links.ambassadorId, amb.id))).toEqual([]);
    expect((await db().select().from(shares).where(eq(shares.id, theirs.share.id)).get())?.text).toBe('Le texte de ma collègue, qui reste.');

    for (const { link } of posted) {
      const res = await call(`/${link.slug}`);
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toContain('utm_content=');
    }
    expect((await callJson('/api/v1/me', { session: amb.session })).status).toBe(401);
    expect(JSON.stringify((await callJson('/api/v1/leaderboard', { session: space.owner })).body)).not.toContain(marker);
  }, 30_000);

  it('removes the ambassador’s id from stored idempotent answers at once', async () => {
    const space = await makeSpace();
    const amb = await joinAndAccept(space);
    const posted = await share(amb.session, (await content(space)).id, 'Un poste à moi, converti.');
    const clickId = await clickIdFor(await linkIdOf(posted.link.slug));
    const bearer = await makeApiKey(space.organisationId, ['conversions:write']);
    const report = () => callJson<{ ambassadorId: string | null }>('/api/v1/conversions', { bearer, body: { clickId, type: 'application' }, headers: { 'Idempotency-Key': `erase-${amb.id}` } });
    const first = await report();
    expect(first).toMatchObject({ status: 201, body: { ambassadorId: amb.id } });
    expect((await everyStoredText()).some((v) => v.includes(amb.id))).toBe(true);

    expect((await call('/api/v1/me', { method: 'DELETE', session: amb.session })).status).toBe(204);

    const stored = await db().select({ response: idempotencyKeys.response }).from(idempotencyKeys).where(eq(idempotencyKeys.organisationId, space.organisationId)).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.response).not.toContain(amb.id);
    expect(await report()).toMatchObject({ status: 200, body: { ambassadorId: null } });
  });

  it('keeps counting later clicks on the link for the organisation, attributed to no one', async () => {
    const space = await makeSpace();
    const amb = await joinAndAccept(space);
    const posted = await share(amb.session, (await content(space)).id, 'Un poste à moi.');
    expect((await call('/api/v1/me', { method: 'DELETE', session: amb.session })).status).toBe(204);
    await clicks(space.organisationId, posted.link.slug, 2);
    const rows = await db().select().from(dailyLinkStats).where(eq(dailyLinkStats.linkId, await linkIdOf(posted.link.slug)));
    expect(rows).toEqual([expect.objectContaining({ ambassadorId: null, clicks: 2, uniqueVisitors: 2 })]);
  });

  it('answers 401 without a session and 403 to an admin', async () => {
    const space = await makeSpace();
    expect((await call('/api/v1/me', { method: 'DELETE' })).status).toBe(401);
    expect((await call('/api/v1/me', { method: 'DELETE', session: space.owner })).status).toBe(403);
  });
});
