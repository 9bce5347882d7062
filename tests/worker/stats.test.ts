import { env } from 'cloudflare:workers';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dailyLinkStats, organisations } from '../../db/schema';
import { signClickId } from '../../worker/lib/click-id';
import { dayOf } from '../../worker/lib/days';
import { creditToShares } from '../../worker/services/ambassador-stats';
import { recordClicks } from '../../worker/services/clicks';
import { db } from './builders';
import { callJson } from './http';
import { clicks, content, convert, joinAndAccept, linkIdOf, makeSpace, sharePosted } from './ambassador-space';

interface Stats {
  from: string;
  to: string;
  currency: string;
  totals: Record<string, number>;
  byDay: { day: string; clicks: number; shares: number }[];
  byShare: ({ shareId: string } & Record<string, unknown>)[];
}

/** Two posts with real clicks, a bot preview, a conversion and one report; a colleague's clicks beside. */
async function scenario() {
  const space = await makeSpace();
  const amb = await joinAndAccept(space);
  await callJson('/api/v1/me', { method: 'PATCH', session: amb.session, body: { audience: { linkedin: 1000, x: 200 } } });
  const a = await sharePosted(amb.session, (await content(space)).id, 'Premier poste, écrit par moi.');
  const b = await sharePosted(amb.session, (await content(space)).id, 'Deuxième poste, sur X.', 'x');
  const [firstClick] = await clicks(space.organisationId, a.link.slug, 5);
  await clicks(space.organisationId, b.link.slug, 2);
  await convert(space.organisationId, firstClick!);
  const linkId = await linkIdOf(a.link.slug);
  const at = Date.now() - 1000;
  await recordClicks(db(), [{ id: await signClickId(env.CLICK_SIGNING_KEY, linkId, at), linkId, organisationId: space.organisationId, at, userAgent: 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)' }]);
  const colleague = await joinAndAccept(space);
  await clicks(space.organisationId, (await sharePosted(colleague.session, (await content(space)).id, 'Le mien.')).link.slug, 4);
  const report = await callJson('/api/v1/me/shares/' + a.share.id + '/metrics', { session: amb.session, body: { impressions: 900, reactions: 20, comments: 3, reshares: 1 } });
  expect(report.status).toBe(200);
  return { space, amb, a, b };
}

describe('GET /api/v1/me/stats', () => {
  it('answers totals, days and posts that equal what the daily rollup holds', async () => {
    const { space, amb, a, b } = await scenario();
    const res = await callJson<Stats>('/api/v1/me/stats', { session: amb.session });
    expect(res.status).toBe(200);
    const rollup = await db()
      .select({ clicks: sql<number>`sum(${dailyLinkStats.clicks})`, uniqueVisitors: sql<number>`sum(${dailyLinkStats.uniqueVisitors})`, conversions: sql<number>`sum(${dailyLinkStats.conversions})`, previews: sql<number>`sum(${dailyLinkStats.previews})` })
      .from(dailyLinkStats)
      .where(and(eq(dailyLinkStats.organisationId, space.organisationId), eq(dailyLinkStats.ambassadorId, amb.id)))
      .get();
    expect(rollup).toEqual({ clicks: 7, uniqueVisitors: 7, conversions: 1, previews: 1 });
    const today = dayOf(Date.now());
    expect(res.body).toMatchObject({ to: today, currency: 'EUR' });
    expect(res.body.totals).toEqual({
      shares: 2, clicks: rollup!.clicks, uniqueVisitors: rollup!.uniqueVisitors, conversions: rollup!.conversions, conversionValue: 0,
      impressions: 900, reachEstimated: 6, reach: 906, engagements: 24, engagementRate: 0.0267, conversionRate: 0.1429,
    });
    expect(res.body.byDay).toHaveLength(30);
    expect(res.body.byDay.at(-1)).toEqual({ day: today, shares: 2, clicks: 7, uniqueVisitors: 7, conversions: 1 });
    expect(res.body.byShare).toEqual([
      expect.objectContaining({ shareId: b.share.id, network: 'x', clicks: 2, uniqueVisitors: 2, conversions: 0, impressions: 0, reach: 6, reachEstimated: 6, engagements: 0 }),
      expect.objectContaining({ shareId: a.share.id, network: 'linkedin', clicks: 5, uniqueVisitors: 5, conversions: 1, impressions: 900, reach: 900, reachEstimated: 0, engagements: 24 }),
    ]);
  });

  it('equals the ambassador’s own group in the organisation’s KPIs', async () => {
    const { space, amb } = await scenario();
    // Everyone named, so the remainder rule (one hidden colleague) does not fold the groups into one.
    await db().update(organisations).set({ ambassadorVisibility: 'all' }).where(eq(organisations.id, space.organisationId));
    const mine = (await callJson<Stats>('/api/v1/me/stats', { session: amb.session })).body;
    const kpis = await callJson<{ groups: { key: string; totals: Record<string, number> }[] }>(`/api/v1/kpis?from=${mine.from}&to=${mine.to}&groupBy=ambassador`, { session: space.owner });
    expect(kpis.status).toBe(200);
    const group = kpis.body.groups.find((g) => g.key === amb.id);
    const fields = ['shares', 'clicks', 'uniqueVisitors', 'conversions', 'conversionValue', 'impressions', 'reach', 'reachEstimated', 'engagements', 'engagementRate', 'conversionRate'];
    expect(Object.fromEntries(fields.map((f) => [f, group?.totals[f]]))).toEqual(Object.fromEntries(fields.map((f) => [f, mine.totals[f]])));
  });

  it('estimates reach only for posts without any report', async () => {
    const { amb, b } = await scenario();
    await callJson(`/api/v1/me/shares/${b.share.id}/metrics`, { session: amb.session, body: { reactions: 2 } });
    const res = await callJson<Stats>('/api/v1/me/stats', { session: amb.session });
    expect(res.body.totals).toMatchObject({ impressions: 900, reachEstimated: 0, reach: 900, engagements: 26 });
  });

  it('counts only the period asked for', async () => {
    const space = await makeSpace();
    const amb = await joinAndAccept(space);
    const a = await sharePosted(amb.session, (await content(space)).id, 'Un poste.');
    await clicks(space.organisationId, a.link.slug, 3, '2026-01-10');
    await clicks(space.organisationId, a.link.slug, 2, '2026-01-20');
    const res = await callJson<Stats>('/api/v1/me/stats?from=2026-01-01&to=2026-01-15', { session: amb.session });
    expect(res.body).toMatchObject({ from: '2026-01-01', to: '2026-01-15', totals: { clicks: 3, shares: 0 } });
    expect(res.body.byDay).toHaveLength(15);
    expect(res.body.byDay.find((d) => d.day === '2026-01-10')).toMatchObject({ clicks: 3 });
    expect(res.body.byShare).toEqual([expect.objectContaining({ shareId: a.share.id, clicks: 3 })]);
  });

  it.each([
    ['from=2026-02-01&to=2026-01-01', 'to'],
    ['from=2024-01-01&to=2026-01-01', 'to'],
    ['from=0000-01-01', 'to'],
    ['from=2026-1-01', 'from'],
    ['to=2026-02-30', 'to'],
  ])('answers 422 for ?%s (field %s)', async (q, field) => {
    const amb = await joinAndAccept(await makeSpace());
    expect(await callJson(`/api/v1/me/stats?${q}`, { session: amb.session })).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', field } } });
  });
});

describe('GET /api/v1/me/shares', () => {
  it('lists own posts newest first with their results, never a colleague’s', async () => {
    const { amb, a, b } = await scenario();
    const res = await callJson<{ items: Record<string, unknown>[]; nextCursor: string | null }>('/api/v1/me/shares', { session: amb.session });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i) => i.id)).toEqual([b.share.id, a.share.id]);
    expect(res.body.items[1]).toMatchObject({ text: 'Premier poste, écrit par moi.', link: a.link, metrics: { impressions: 900, reactions: 20, comments: 3, reshares: 1 }, stats: { clicks: 5, uniqueVisitors: 5, conversions: 1, reach: 900, engagements: 24 } });
    expect(res.body.items[0]).toMatchObject({ contentTitle: 'Job', stats: { clicks: 2, reach: 6, reachEstimated: 6 } });
    expect((await callJson<{ items: unknown[]; nextCursor: string }>('/api/v1/me/shares?limit=1', { session: amb.session })).body).toMatchObject({ items: [{ id: b.share.id }], nextCursor: expect.any(String) });
  });
});

describe('crediting a link’s days to its posts', () => {
  it('credits each day to the latest post on the link made by then, earlier days to the first post', () => {
    const day = (d: string) => Date.parse(`${d}T12:00:00Z`);
    const posts = [{ id: 'late', linkId: 'l', postedAt: day('2026-03-10') }, { id: 'early', linkId: 'l', postedAt: day('2026-03-01') }, { id: 'other', linkId: 'm', postedAt: day('2026-03-01') }];
    const row = (linkId: string, d: string, clicks: number) => ({ linkId, day: d, clicks, uniqueVisitors: clicks, conversions: 0, conversionValue: 0 });
    const credited = creditToShares(posts, [row('l', '2026-02-28', 1), row('l', '2026-03-01', 2), row('l', '2026-03-09', 4), row('l', '2026-03-10', 8), row('m', '2026-03-05', 16), row('n', '2026-03-05', 32)]);
    expect(credited.get('early')?.clicks).toBe(7);
    expect(credited.get('late')?.clicks).toBe(8);
    expect(credited.get('other')?.clicks).toBe(16);
    expect([...credited.values()].reduce((t, c) => t + c.clicks, 0)).toBe(31);
  });
});
