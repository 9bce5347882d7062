/**
 * The integrity of the numbers (issue 9): one period policy, unique visitors per organisation, the remainder
 * rule, CSV formula escaping, only human clicks earning attributions, one currency summed.
 */
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ambassadors, conversions, links, type Network } from '../../db/schema';
import type { ClickEvent } from '../../worker/lib/click-event';
import { signClickId } from '../../worker/lib/click-id';
import { addDays, dayOf } from '../../worker/lib/days';
import { newId, randomSlug } from '../../worker/lib/ids';
import type { KpiReport } from '../../worker/schemas/kpis';
import { recordClicks } from '../../worker/services/clicks';
import { db, makeApiKey, makeCampaign, makeContent, makeTenant } from './builders';
import { call, callJson } from './http';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const today = dayOf(Date.now());

interface Person {
  name: string;
  optIn?: boolean;
  team?: string;
  network?: Network;
}

/** An organisation with one content and one link per person; every person active since 60 days. */
async function programme(people: Person[], options: { title?: string; campaignName?: string } = {}) {
  const tenant = await makeTenant();
  const org = tenant.organisationId;
  const campaign = await makeCampaign(org, options.campaignName ? { name: options.campaignName } : {});
  const content = await makeContent(org, campaign.id, options.title ? { title: options.title } : {});
  const joinedAt = Date.now() - 60 * 86_400_000;
  const rows = people.map((p) => ({ id: newId('amb'), organisationId: org, name: p.name, displayName: p.name, email: `${randomSlug(10)}@example.com`, team: p.team ?? null, leaderboardOptIn: p.optIn ?? false, status: 'active' as const, joinedAt, createdAt: joinedAt, updatedAt: joinedAt }));
  for (const row of rows) await db().insert(ambassadors).values(row);
  const linkRows = rows.map((a, i) => ({ id: newId('lnk'), organisationId: org, slug: randomSlug(9), ambassadorId: a.id, contentId: content.id, network: people[i]?.network ?? ('linkedin' as const), createdAt: joinedAt }));
  for (const row of linkRows) await db().insert(links).values(row);
  const key = await makeApiKey(org, ['kpis:read', 'conversions:write']);
  return { org, owner: tenant.session, key, campaign, content, people: rows, links: linkRows };
}

/** Human clicks (or hits of another kind) through the real pipeline; returns their click ids. */
async function hit(organisationId: string, linkId: string, visitors: string[], extra: Partial<ClickEvent> = {}, at = Date.now() - 120_000): Promise<string[]> {
  const events: ClickEvent[] = [];
  for (const [i, visitor] of visitors.entries()) events.push({ id: await signClickId(env.CLICK_SIGNING_KEY, linkId, at + i), linkId, organisationId, at: at + i, userAgent: CHROME, visitor, ...extra });
  await recordClicks(db(), events);
  return events.map((e) => e.id);
}

const kpis = async (key: string, query: string) => callJson<KpiReport>(`/api/v1/kpis?${query}`, { bearer: key });

describe('one period policy', () => {
  it.each([
    ['/api/v1/kpis?from=1990-01-01&groupBy=day', 'to'],
    ['/api/v1/kpis?from=0000-01-01', 'to'],
    ['/api/v1/kpis?from=2026-02-31&to=2026-03-01', 'from'],
    ['/api/v1/kpis?to=2026-02-29', 'to'],
    ['/api/v1/exports/kpis.csv?from=1990-01-01&groupBy=day', 'to'],
    ['/api/v1/exports/kpis.csv?from=2026-02-31', 'from'],
    ['/api/v1/leaderboard?from=1990-01-01', 'to'],
    ['/api/v1/leaderboard?to=2026-04-31', 'to'],
  ])('GET %s answers 422 validation_failed on %s', async (path, field) => {
    const { key, owner } = await programme([]);
    const answer = await callJson(path, path.includes('leaderboard') ? { session: owner } : { bearer: key });
    expect(answer).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', message: expect.any(String), field } } });
  });

  it('applies the defaults before checking: to = today, from = 29 days before to; 731 days at most', async () => {
    const { key } = await programme([]);
    expect((await kpis(key, '')).body).toMatchObject({ from: addDays(today, -29), to: today });
    expect((await kpis(key, 'to=2026-01-31')).body).toMatchObject({ from: '2026-01-02', to: '2026-01-31' });
    const longest = await kpis(key, 'from=2024-01-01&to=2025-12-31&groupBy=day');
    expect(longest.status).toBe(200);
    expect(longest.body.groups).toHaveLength(731);
    expect((await kpis(key, 'from=2023-12-31&to=2025-12-31')).status).toBe(422);
  });
});

describe('uniqueVisitors per organisation', () => {
  it('counts a visitor who clicked two ambassadors’ links on one day once in the totals and once in each group reached', async () => {
    const p = await programme([
      { name: 'Ana', optIn: true, team: 'Sales', network: 'linkedin' },
      { name: 'Ben', optIn: true, team: 'Sales', network: 'x' },
      ...['Cy', 'Di', 'Ed', 'Flo', 'Gus'].map((name) => ({ name, team: 'Sales' })),
      ...['Hal', 'Ivy', 'Jo', 'Kim', 'Lu'].map((name) => ({ name })),
    ]);
    const [ana, ben, cy, di] = p.links;
    await hit(p.org, ana!.id, ['v1', 'v2']);
    await hit(p.org, ben!.id, ['v1']); // v1 again, on Ben's link, in another consumer run
    await hit(p.org, cy!.id, ['v3', 'v1']);
    await hit(p.org, di!.id, ['v3']); // v3 on two hidden people: one visitor of "others"
    const period = `from=${addDays(today, -1)}&to=${today}`;
    const { totals } = (await kpis(p.key, period)).body;
    expect(totals).toMatchObject({ clicks: 6, uniqueVisitors: 3 });
    expect((await kpis(p.key, `${period}&campaignId=${p.campaign.id}`)).body.totals.uniqueVisitors).toBe(3);
    const by = async (groupBy: string) => Object.fromEntries((await kpis(p.key, `${period}&groupBy=${groupBy}`)).body.groups.map((g) => [g.key, g.totals.uniqueVisitors]));
    expect(await by('ambassador')).toEqual({ [ana!.ambassadorId]: 2, [ben!.ambassadorId]: 1, others: 2 });
    expect(await by('network')).toEqual({ linkedin: 3, x: 1 }); // v1, v2, v3 on LinkedIn; v1 on X
    expect(await by('day')).toEqual({ [addDays(today, -1)]: 0, [today]: 3 });
    expect(await by('campaign')).toEqual({ [p.campaign.id]: 3 });
    expect(await by('content')).toEqual({ [p.content.id]: 3 });
    expect(await by('team')).toEqual({ Sales: 3 });
  });

  it('counts a visitor again on another day (daily visitor hashes)', async () => {
    const p = await programme([{ name: 'Ana', optIn: true }]);
    await hit(p.org, p.links[0]!.id, ['v1'], {}, Date.parse(`${addDays(today, -2)}T10:00:00Z`));
    await hit(p.org, p.links[0]!.id, ['v1'], {}, Date.parse(`${addDays(today, -1)}T10:00:00Z`));
    expect((await kpis(p.key, `from=${addDays(today, -3)}&to=${today}`)).body.totals.uniqueVisitors).toBe(2);
  });
});

describe('the remainder rule', () => {
  const five = ['Hal', 'Ivy', 'Jo', 'Kim', 'Lu'].map((name) => ({ name }));

  it('answers one group "all" for groupBy=ambassador when 1 to 4 ambassadors are not visible', async () => {
    const p = await programme([{ name: 'Ana', optIn: true }, { name: 'Ben', optIn: true }, { name: 'Cy' }]);
    await hit(p.org, p.links[2]!.id, ['v1', 'v2']);
    const report = (await kpis(p.key, 'groupBy=ambassador')).body;
    expect(report.groups).toEqual([{ key: 'all', label: 'All', totals: report.totals }]);
  });

  it('keeps the named groups and "others" when 5 or more are not visible', async () => {
    const p = await programme([{ name: 'Ana', optIn: true }, ...five]);
    for (const link of p.links) await hit(p.org, link.id, ['v1']);
    expect((await kpis(p.key, 'groupBy=ambassador')).body.groups.map((g) => [g.key, g.totals.ambassadors]).sort()).toEqual([[p.people[0]!.id, 1], ['others', 5]]);
  });

  it('answers one group "all" for groupBy=team when "others" would hold 1 to 4 people, and names teams otherwise', async () => {
    const big = ['A1', 'A2', 'A3', 'A4', 'A5'].map((name) => ({ name, team: 'Big' }));
    const folded = await programme([...big, { name: 'Solo', team: 'Small' }, { name: 'Nobody' }]);
    for (const link of folded.links) await hit(folded.org, link.id, ['v1']);
    expect((await kpis(folded.key, 'groupBy=team')).body.groups.map((g) => g.key)).toEqual(['all']);
    const shown = await programme([...big, ...five]);
    for (const link of shown.links) await hit(shown.org, link.id, ['v1']);
    expect((await kpis(shown.key, 'groupBy=team')).body.groups.map((g) => [g.key, g.totals.ambassadors]).sort()).toEqual([['Big', 5], ['others', 5]]);
  });

  it('gives the leaderboard names and ranks without figures when 1 to 4 ambassadors are off it', async () => {
    const p = await programme([{ name: 'Ana', optIn: true }, { name: 'Ben', optIn: true }, { name: 'Cy' }]);
    await hit(p.org, p.links[0]!.id, ['v1', 'v2']);
    await hit(p.org, p.links[1]!.id, ['v3']);
    const board = await callJson<{ items: Record<string, unknown>[] }>('/api/v1/leaderboard', { session: p.owner });
    expect(board.body.items).toEqual([
      { rank: 1, ambassadorId: p.people[0]!.id, displayName: 'Ana', conversions: null, uniqueVisitors: null, engagements: null, me: false },
      { rank: 2, ambassadorId: p.people[1]!.id, displayName: 'Ben', conversions: null, uniqueVisitors: null, engagements: null, me: false },
    ]);
  });
});

describe('CSV export', () => {
  it('prefixes text cells that start with = + - @ tab or CR with a single quote', async () => {
    const p = await programme(
      [{ name: '=HYPERLINK("http://evil.example","x")', optIn: true, team: '+team' }, ...['@b', '-c', '\td', '\re'].map((name) => ({ name, optIn: true, team: '+team' }))],
      { title: '=1+2', campaignName: '@SUM(A1)' },
    );
    for (const link of p.links) await hit(p.org, link.id, ['v1']);
    const cells = async (groupBy: string) => {
      const res = await call(`/api/v1/exports/kpis.csv?groupBy=${groupBy}`, { bearer: p.key });
      expect(res.status).toBe(200);
      return Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true }).data;
    };
    expect((await cells('ambassador')).map((r) => r.label).sort()).toEqual(["'\re", "'\td", "'-c", "'=HYPERLINK(\"http://evil.example\",\"x\")", "'@b", 'Total'].sort());
    expect((await cells('team')).map((r) => r.key)).toEqual(["'+team", 'total']);
    expect((await cells('content'))[0]?.label).toBe("'=1+2");
    expect((await cells('campaign'))[0]?.label).toBe("'@SUM(A1)");
  });

  it('prefixes them the same in the excel-fr dialect, read back with its `;` separator', async () => {
    const p = await programme([{ name: '=1;2', optIn: true, team: '-team' }, ...['@b', '+c', '\td', '\re'].map((name) => ({ name, optIn: true, team: '-team' }))], { title: '=A1;B1', campaignName: '@SUM(A1)' });
    for (const link of p.links) await hit(p.org, link.id, ['v1']);
    const cells = async (groupBy: string) => {
      const res = await call(`/api/v1/exports/kpis.csv?groupBy=${groupBy}&dialect=excel-fr`, { bearer: p.key });
      expect(res.status).toBe(200);
      const parsed = Papa.parse<Record<string, string>>((await res.text()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, delimiter: ';' });
      expect(parsed.errors).toEqual([]);
      return parsed.data;
    };
    expect((await cells('ambassador')).map((r) => r.label).sort()).toEqual(["'\re", "'\td", "'+c", "'=1;2", "'@b", 'Total'].sort());
    expect((await cells('team')).map((r) => r.key)).toEqual(["'-team", 'total']);
    expect((await cells('content'))[0]?.label).toBe("'=A1;B1");
    expect((await cells('campaign'))[0]?.label).toBe("'@SUM(A1)");
  });
});

describe('conversions: only a human click earns an attribution', () => {
  const post = (key: string, body: Record<string, unknown>) => callJson<Record<string, unknown>>('/api/v1/conversions', { bearer: key, body });

  it.each([
    ['preview', { userAgent: 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)' }],
    ['automated', { userAgent: 'curl/8.5.0' }],
  ])('un-attributes a conversion reported before its click turned out to be a %s hit', async (_, extra) => {
    const p = await programme([{ name: 'Ana', optIn: true }, { name: 'Ben', optIn: true }]);
    const link = p.links[0]!;
    const at = Date.now() - 120_000;
    const clickId = await signClickId(env.CLICK_SIGNING_KEY, link.id, at);
    const created = await post(p.key, { clickId, type: 'lead', value: 40 });
    expect(created.body).toMatchObject({ attributed: true });
    expect((await kpis(p.key, '')).body.totals).toMatchObject({ conversions: 1, conversionValue: 40 });
    await recordClicks(db(), [{ id: clickId, linkId: link.id, organisationId: p.org, at, ...extra }]);
    expect(await db().select({ attributed: conversions.attributed }).from(conversions).where(eq(conversions.clickId, clickId))).toEqual([{ attributed: false }]);
    expect((await kpis(p.key, '')).body.totals).toMatchObject({ conversions: 0, conversionValue: 0 });
    const board = await callJson<{ items: { conversions: number | null }[] }>('/api/v1/leaderboard', { session: p.owner });
    expect(board.body.items.map((i) => i.conversions)).toEqual([0, 0]);
  });

  it('does not attribute a conversion whose click was already stored as the ambassador’s own (self)', async () => {
    const p = await programme([{ name: 'Ana', optIn: true }]);
    const link = p.links[0]!;
    const { createSession } = await import('../../worker/services/sessions');
    const own = await createSession(db(), { organisationId: p.org, subjectType: 'ambassador', subjectId: link.ambassadorId });
    const { sha256Hex } = await import('../../worker/lib/encoding');
    const [clickId] = await hit(p.org, link.id, ['me'], { session: await sha256Hex(own.token) });
    const stored = await db().query.clicks.findFirst({ where: (t, { eq: is }) => is(t.id, clickId!) });
    expect(stored?.class).toBe('self');
    expect((await post(p.key, { clickId, type: 'signup' })).body).toMatchObject({ attributed: false, ambassadorId: null });
    expect((await kpis(p.key, '')).body.totals.conversions).toBe(0);
  });

  it('does not attribute an occurredAt more than 5 minutes before the click', async () => {
    const p = await programme([{ name: 'Ana', optIn: true }]);
    const at = Date.now() - 3_600_000;
    const clickId = await signClickId(env.CLICK_SIGNING_KEY, p.links[0]!.id, at);
    const early = await post(p.key, { clickId, type: 'lead', externalId: 'early', occurredAt: new Date(at - 5 * 60_000 - 1000).toISOString() });
    const skewed = await post(p.key, { clickId, type: 'lead', externalId: 'skewed', occurredAt: new Date(at - 4 * 60_000).toISOString() });
    expect([early.status, early.body.attributed, skewed.status, skewed.body.attributed]).toEqual([201, false, 201, true]);
  });

  it('keeps a value reported in another currency on the conversion, out of conversionValue', async () => {
    const p = await programme([{ name: 'Ana', optIn: true }]);
    const [euros, dollars] = await hit(p.org, p.links[0]!.id, ['v1', 'v2']);
    await post(p.key, { clickId: euros, type: 'purchase', value: 100, currency: 'EUR' });
    const foreign = await post(p.key, { clickId: dollars, type: 'purchase', value: 70, currency: 'USD' });
    expect(foreign.body).toMatchObject({ attributed: true, value: 70, currency: 'USD' });
    expect((await kpis(p.key, '')).body.totals).toMatchObject({ conversions: 2, conversionValue: 100 });
  });
});
