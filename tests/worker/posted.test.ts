/** Issue 11 item 5: a share counts once the ambassador confirms they published it, on that day, and nowhere before. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { shares } from '../../db/schema';
import { addDays, dayOf } from '../../worker/lib/days';
import type { KpiReport } from '../../worker/schemas/kpis';
import { createShare } from '../../worker/services/shares';
import { db, makeAdminSession } from './builders';
import { call, callJson, ORIGIN } from './http';
import { confirmPosted, content, joinAndAccept, makeSpace, share, type Joined, type Space } from './ambassador-space';

interface MyShare { id: string; postedAt: string | null; metrics: { reactions: number | null }; stats: { reach: number; reachEstimated: number; engagements: number } }
interface Stats { totals: Record<string, number>; byDay: { day: string; shares: number }[]; byShare: { shareId: string }[] }
interface Badge { code: string; earned: boolean; earnedOn: string | null }
interface Board { items: { ambassadorId: string; engagements: number | null }[] }

const OWN_WORDS = 'Trois ans que je travaille ici, et je cherche des collègues curieux : venez nous voir.';
const today = dayOf(Date.now());

/** An opted-in ambassador with a declared LinkedIn audience and one post in their own words, not confirmed yet. */
async function unconfirmed(): Promise<{ space: Space; amb: Joined; shareId: string }> {
  const space = await makeSpace();
  const amb = await joinAndAccept(space);
  const profile = await callJson('/api/v1/me', { method: 'PATCH', session: amb.session, body: { leaderboardOptIn: true, audience: { linkedin: 1000 } } });
  expect(profile.status).toBe(200);
  const created = await share(amb.session, (await content(space)).id, OWN_WORDS);
  return { space, amb, shareId: created.share.id };
}

/** What each view of the results says about the ambassador's posts. */
async function everywhere(space: Space, amb: Joined, from = addDays(today, -29)) {
  const kpis = (await callJson<KpiReport>(`/api/v1/kpis?from=${from}&to=${today}&groupBy=day`, { session: space.owner })).body;
  const stats = (await callJson<Stats>(`/api/v1/me/stats?from=${from}&to=${today}`, { session: amb.session })).body;
  const badges = (await callJson<{ items: Badge[] }>('/api/v1/me/badges', { session: amb.session })).body.items;
  const board = (await callJson<Board>(`/api/v1/leaderboard?from=${from}&to=${today}`, { session: space.owner })).body;
  return {
    kpis: { shares: kpis.totals.shares, reach: kpis.totals.reach, engagements: kpis.totals.engagements, activeAmbassadors: kpis.totals.activeAmbassadors, participationRate: kpis.totals.participationRate },
    sharesByDay: Object.fromEntries(kpis.groups.filter((g) => g.totals.shares > 0).map((g) => [g.key, g.totals.shares])),
    stats: { shares: stats.totals.shares, reach: stats.totals.reach, engagements: stats.totals.engagements, posts: stats.byShare.length },
    statsByDay: Object.fromEntries(stats.byDay.filter((d) => d.shares > 0).map((d) => [d.day, d.shares])),
    firstShare: badges.find((b) => b.code === 'first_share')?.earnedOn ?? null,
    boardEngagements: board.items.find((i) => i.ambassadorId === amb.id)?.engagements,
  };
}

const NOTHING = {
  kpis: { shares: 0, reach: 0, engagements: 0, activeAmbassadors: 0, participationRate: 0 },
  sharesByDay: {},
  stats: { shares: 0, reach: 0, engagements: 0, posts: 0 },
  statsByDay: {},
  firstShare: null,
  boardEngagements: 0,
};

describe('POST /api/v1/me/shares/{id}/posted', () => {
  it('counts a share nowhere until it is confirmed: KPIs, own results, badges, leaderboard', async () => {
    const { space, amb, shareId } = await unconfirmed();
    // Numbers stored without a confirmation (as no API call can make them) still count for nothing.
    await db().update(shares).set({ reactions: 7, metricsReportedAt: Date.now() }).where(eq(shares.id, shareId));
    expect(await everywhere(space, amb)).toEqual(NOTHING);
    const listed = await callJson<{ items: MyShare[] }>('/api/v1/me/shares', { session: amb.session });
    expect(listed.body.items).toEqual([expect.objectContaining({ id: shareId, postedAt: null, stats: expect.objectContaining({ reach: 0, reachEstimated: 0 }) })]);

    const confirmed = await callJson<MyShare>(`/api/v1/me/shares/${shareId}/posted`, { session: amb.session, method: 'POST' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ id: shareId, postedAt: expect.stringMatching(new RegExp(`^${today}T`)), metrics: { reactions: 7 } });
    expect(await everywhere(space, amb)).toEqual({
      kpis: { shares: 1, reach: 0, engagements: 7, activeAmbassadors: 1, participationRate: 1 },
      sharesByDay: { [today]: 1 },
      stats: { shares: 1, reach: 0, engagements: 7, posts: 1 },
      statsByDay: { [today]: 1 },
      firstShare: today,
      boardEngagements: 7,
    });
  });

  it('counts the post on the day it was confirmed, not the day its link was issued', async () => {
    const { space, amb } = await unconfirmed();
    const issuedOn = addDays(today, -5);
    const job = await content(space);
    const early = await createShare(db(), space.organisationId, amb.id, { contentId: job.id, network: 'linkedin', text: OWN_WORDS }, ORIGIN, Date.parse(`${issuedOn}T09:00:00Z`));
    await confirmPosted(amb.session, early.share.id);
    const seen = await everywhere(space, amb, addDays(today, -10));
    expect(seen).toMatchObject({ sharesByDay: { [today]: 1 }, statsByDay: { [today]: 1 }, kpis: { shares: 1, reach: 80 }, stats: { shares: 1, reach: 80 } }); // 1000 followers × 8 % organic reach
    const before = (await callJson<KpiReport>(`/api/v1/kpis?from=${addDays(today, -10)}&to=${addDays(today, -1)}`, { session: space.owner })).body;
    expect(before.totals).toMatchObject({ shares: 0, reach: 0, activeAmbassadors: 0 });
  });

  it('keeps the first confirmation: confirming again answers the same post, unchanged', async () => {
    const { amb, shareId } = await unconfirmed();
    const first = await callJson<MyShare>(`/api/v1/me/shares/${shareId}/posted`, { session: amb.session, method: 'POST' });
    const second = await callJson<MyShare>(`/api/v1/me/shares/${shareId}/posted`, { session: amb.session, method: 'POST' });
    expect(second.status).toBe(200);
    expect(second.body.postedAt).not.toBeNull();
    expect(second.body).toEqual(first.body);
    const row = await db().select({ postedAt: shares.postedAt }).from(shares).where(eq(shares.id, shareId)).get();
    expect(row?.postedAt).toBe(Date.parse(first.body.postedAt ?? ''));
  });

  it('is confirmed by reporting the post’s numbers, and a later confirmation keeps that time', async () => {
    const { space, amb, shareId } = await unconfirmed();
    const reported = await callJson<MyShare>(`/api/v1/me/shares/${shareId}/metrics`, { session: amb.session, body: { impressions: 400, reactions: 9 } });
    expect(reported.status).toBe(200);
    expect(reported.body.postedAt).toEqual(expect.stringMatching(new RegExp(`^${today}T`)));
    expect((await everywhere(space, amb)).kpis).toEqual({ shares: 1, reach: 400, engagements: 9, activeAmbassadors: 1, participationRate: 1 });
    const again = await callJson<MyShare>(`/api/v1/me/shares/${shareId}/metrics`, { session: amb.session, body: { reactions: 10 } });
    expect(again.body.postedAt).toBe(reported.body.postedAt);
    expect((await callJson<MyShare>(`/api/v1/me/shares/${shareId}/posted`, { session: amb.session, method: 'POST' })).body.postedAt).toBe(reported.body.postedAt);
  });

  it('answers 404 for a colleague’s post, another organisation’s post and an unknown id, and confirms none of them', async () => {
    const { space, amb, shareId } = await unconfirmed();
    const colleague = await joinAndAccept(space);
    const theirs = await share(colleague.session, (await content(space)).id, 'Le poste de ma collègue, avec ses mots à elle.');
    const elsewhere = await unconfirmed();
    for (const id of [theirs.share.id, elsewhere.shareId, 'shr_unknown', 'x'.repeat(64)]) {
      const res = await callJson(`/api/v1/me/shares/${id}/posted`, { session: amb.session, method: 'POST' });
      expect(res, id).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    }
    const rows = await db().select({ id: shares.id, postedAt: shares.postedAt }).from(shares).where(eq(shares.organisationId, space.organisationId));
    expect(rows.every((r) => r.postedAt === null)).toBe(true);
    expect((await callJson(`/api/v1/me/shares/${shareId}/posted`, { session: colleague.session, method: 'POST' })).status).toBe(404);
  });

  it('is for the ambassador’s session only: 401 without one, 403 for an admin', async () => {
    const { space, shareId } = await unconfirmed();
    expect((await call(`/api/v1/me/shares/${shareId}/posted`, { method: 'POST' })).status).toBe(401);
    const owner = await makeAdminSession(space.organisationId, 'owner');
    expect(await callJson(`/api/v1/me/shares/${shareId}/posted`, { session: owner, method: 'POST' })).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await db().select({ postedAt: shares.postedAt }).from(shares).where(eq(shares.id, shareId)).get())?.postedAt).toBeNull();
  });

  it('is documented in the OpenAPI document with its answers', async () => {
    const doc = await callJson<{ paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }>('/api/openapi.json');
    const operation = doc.body.paths['/api/v1/me/shares/{id}/posted']?.post;
    expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(['200', '401', '403', '404', '413']);
  });
});
