/**
 * KPI definitions checked on a small data set whose expected numbers are worked out by hand from
 * API.md's definitions (see each comment), not read back from the code.
 */
import { env } from 'cloudflare:workers';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { ambassadors, links, shares } from '../../db/schema';
import type { ClickEvent } from '../../worker/lib/click-event';
import { signClickId } from '../../worker/lib/click-id';
import { addDays, dayOf } from '../../worker/lib/days';
import { newId } from '../../worker/lib/ids';
import type { KpiReport, KpiTotals } from '../../worker/schemas/kpis';
import { recordClicks } from '../../worker/services/clicks';
import { recordConversion } from '../../worker/services/conversions';
import { db, makeApiKey, makeCampaign, makeContent, makeTenant } from './builders';
import { call, callJson } from './http';

const DAY = 86_400_000;
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const today = dayOf(Date.now());
const d1 = addDays(today, -3);
const d2 = addDays(today, -2);
const from = addDays(today, -6);
const noon = (day: string) => Date.parse(`${day}T12:00:00Z`);

let key = '';
let ids: { a: string; b: string; campaign: string; content: string } = { a: '', b: '', campaign: '', content: '' };

async function hits(linkId: string, organisationId: string, at: number, list: Array<Partial<ClickEvent>>) {
  const events: ClickEvent[] = [];
  for (const [i, extra] of list.entries()) events.push({ id: await signClickId(env.CLICK_SIGNING_KEY, linkId, at + i), linkId, organisationId, at: at + i, userAgent: CHROME, ...extra });
  await recordClicks(db(), events);
  return events;
}

beforeAll(async () => {
  const tenant = await makeTenant();
  const org = tenant.organisationId;
  // Rates: LinkedIn CPC 2, CPM 10, organic reach 10 %; X CPC 1, CPM 5, organic reach 5 %.
  await callJson('/api/v1/organisation', { method: 'PATCH', session: tenant.session, body: { rates: { linkedin: { cpc: 2, cpm: 10, organicReach: 0.1 }, x: { cpc: 1, cpm: 5, organicReach: 0.05 } }, conversionValues: { lead: 50 } } });
  const campaign = await makeCampaign(org);
  const content = await makeContent(org, campaign.id);
  const person = (name: string, team: string, extra: Partial<typeof ambassadors.$inferInsert> = {}) => ({ id: newId('amb'), organisationId: org, name, email: `${name}-${org}@example.com`, team, status: 'active' as const, joinedAt: noon(from) - 10 * DAY, createdAt: 0, updatedAt: 0, ...extra });
  // Six enrolled: A (opted in) and B share; team Big has 5 people, team Small 1 (C).
  const a = person('Alice', 'Big', { leaderboardOptIn: true, displayName: 'Alice', audience: { linkedin: 1000 } });
  const b = person('Bruno', 'Big', { audience: { x: 2000 } });
  const c = person('Chloe', 'Small', { audience: { linkedin: 5000 } });
  await db().insert(ambassadors).values([a, b, c, person('Dan', 'Big'), person('Eve', 'Big'), person('Fay', 'Big')]);
  const la = { id: newId('lnk'), organisationId: org, slug: newId('s').slice(2), ambassadorId: a.id, contentId: content.id, network: 'linkedin' as const, createdAt: 0 };
  const lb = { ...la, id: newId('lnk'), slug: newId('s').slice(2), ambassadorId: b.id, network: 'x' as const };
  await db().insert(links).values([la, lb]);
  // LA on d1: 10 human clicks from 4 visitors, 2 previews, 1 opt-out. LB on d2: 5 human clicks from 5 visitors, 3 automated.
  const humansA = await hits(la.id, org, noon(d1), Array.from({ length: 10 }, (_, i) => ({ visitor: `va${i % 4}` })));
  await hits(la.id, org, noon(d1) + 100, [{ userAgent: 'LinkedInBot/1.0' }, { userAgent: 'Slackbot 1.0' }, { optout: true, userAgent: undefined }]);
  const humansB = await hits(lb.id, org, noon(d2), Array.from({ length: 5 }, (_, i) => ({ visitor: `vb${i}` })));
  await hits(lb.id, org, noon(d2) + 100, [{ userAgent: 'curl/8.5.0' }, { userAgent: 'python-requests/2.32' }, { userAgent: 'Go-http-client/1.1' }]);
  // Conversions: 2 × 100 on LA, 1 lead on LB at the organisation's default value 50.
  await recordConversion(db(), env.CLICK_SIGNING_KEY, org, { clickId: humansA[0]?.id ?? '', type: 'application', value: 100 });
  await recordConversion(db(), env.CLICK_SIGNING_KEY, org, { clickId: humansA[1]?.id ?? '', type: 'application', value: 100 });
  await recordConversion(db(), env.CLICK_SIGNING_KEY, org, { clickId: humansB[0]?.id ?? '', type: 'lead' });
  // Shares: A reported 1000 impressions and 30 + 5 + 5 engagements; B reported nothing; both confirmed they posted.
  // C's link was issued but C never confirmed the post: it counts nowhere (no share, no reach, not active).
  const share = { organisationId: org, contentId: content.id, campaignId: campaign.id, createdAt: noon(d1), updatedAt: noon(d1) };
  const lc = { ...la, id: newId('lnk'), slug: newId('s').slice(2), ambassadorId: c.id };
  await db().insert(links).values(lc);
  await db().insert(shares).values([
    { ...share, id: newId('shr'), ambassadorId: a.id, linkId: la.id, network: 'linkedin', impressions: 1000, reactions: 30, comments: 5, reshares: 5, metricsReportedAt: noon(d1), postedAt: noon(d1) },
    { ...share, id: newId('shr'), ambassadorId: b.id, linkId: lb.id, network: 'x', createdAt: noon(d2), postedAt: noon(d2) },
    { ...share, id: newId('shr'), ambassadorId: c.id, linkId: lc.id, network: 'linkedin', createdAt: noon(d2) },
  ]);
  key = await makeApiKey(org, ['kpis:read']);
  ids = { a: a.id, b: b.id, campaign: campaign.id, content: content.id };
});

const kpis = async (query: string) => (await callJson<KpiReport>(`/api/v1/kpis?${query}`, { bearer: key })).body;

describe('GET /api/v1/kpis', () => {
  it('computes every total of API.md by its definition', async () => {
    const report = await kpis(`from=${from}&to=${today}`);
    expect(report).toMatchObject({ from, to: today, groups: [] });
    expect(report.totals).toEqual({
      shares: 2,
      impressions: 1000,
      reachEstimated: 100, // B: 2000 followers on X × 5 %
      reach: 1100, // 1000 reported + 100 estimated
      engagements: 40,
      engagementRate: 0.04, // 40 / 1000
      clicks: 15, // humans only
      uniqueVisitors: 9, // 4 on LA + 5 on LB
      filtered: { preview: 2, scanner: 0, automated: 3, self: 0, optout: 1 },
      conversions: 3,
      conversionRate: 0.3333, // 3 / 9
      conversionValue: 250, // 100 + 100 + default 50
      emv: 35, // LinkedIn 10 × 2 + 1000 / 1000 × 10 = 30; X 5 × 1 + no reported impressions = 5
      ambassadors: 6,
      activeAmbassadors: 2,
      participationRate: 0.3333, // 2 / 6
    } satisfies KpiTotals);
  });

  it('names only ambassadors who opted in; everyone else is one "others" group', async () => {
    const { groups } = await kpis(`from=${from}&to=${today}&groupBy=ambassador`);
    expect(groups.map((g) => [g.key, g.label, g.totals.clicks, g.totals.ambassadors])).toEqual([
      [ids.a, 'Alice', 10, 1],
      ['others', 'Others', 5, 5],
    ]);
    expect(JSON.stringify(groups)).not.toContain('Bruno');
  });

  it('merges teams under 5 ambassadors into "others", and answers one group "all" when "others" would hold 1 to 4', async () => {
    // Team Small (1 person) alone in "others": Big's figures beside it would give Chloe's by subtraction.
    const { groups, totals } = await kpis(`from=${from}&to=${today}&groupBy=team`);
    expect(groups).toEqual([{ key: 'all', label: 'All', totals }]);
    expect(JSON.stringify(groups)).not.toContain('Small');
  });

  it.each(['day', 'campaign', 'content', 'ambassador', 'network', 'team'])('groupBy=%s: groups add up to the totals', async (groupBy) => {
    const report = await kpis(`from=${from}&to=${today}&groupBy=${groupBy}`);
    for (const measure of ['shares', 'impressions', 'engagements', 'clicks', 'uniqueVisitors', 'conversions'] as const) {
      expect(report.groups.reduce((s, g) => s + g.totals[measure], 0), measure).toBe(report.totals[measure]);
    }
    for (const reason of ['preview', 'automated', 'optout'] as const) expect(report.groups.reduce((s, g) => s + g.totals.filtered[reason], 0)).toBe(report.totals.filtered[reason]);
    expect(report.groups.reduce((s, g) => s + g.totals.emv, 0)).toBeCloseTo(report.totals.emv, 2);
  });

  it('lists every day of the period for groupBy=day, in order, with zeros where nothing happened', async () => {
    const { groups } = await kpis(`from=${from}&to=${today}&groupBy=day`);
    expect(groups.map((g) => g.key)).toEqual(Array.from({ length: 7 }, (_, i) => addDays(from, i)));
    expect(groups.find((g) => g.key === d1)?.totals.clicks).toBe(10);
    expect(groups.find((g) => g.key === today)?.totals).toMatchObject({ clicks: 0, conversionRate: 0, engagementRate: 0 });
  });

  it('labels campaigns and contents, and filters by campaign', async () => {
    expect((await kpis(`from=${from}&to=${today}&groupBy=campaign`)).groups).toEqual([expect.objectContaining({ key: ids.campaign, label: 'Campaign' })]);
    expect((await kpis(`from=${from}&to=${today}&campaignId=${ids.campaign}`)).totals.clicks).toBe(15);
  });

  it('gives rates of 0, never NaN or null, on an empty period', async () => {
    const { totals } = await kpis('from=2020-01-01&to=2020-01-31');
    expect(totals).toMatchObject({ clicks: 0, engagementRate: 0, conversionRate: 0, participationRate: 0 });
    expect(JSON.stringify(totals)).not.toMatch(/null|NaN/);
  });

  it.each([
    ['from=2026-13-01&to=2026-12-31', 'from'],
    ['from=2026-11-10&to=2026-11-01', 'to'],
    ['from=2020-01-01&to=2026-01-01', 'to'],
    ['groupBy=week', 'groupBy'],
  ])('refuses %s (field %s)', async (query, field) => {
    expect((await callJson(`/api/v1/kpis?${query}`, { bearer: key })).body).toEqual({ error: { code: 'validation_failed', message: expect.any(String), field } });
  });

  it('answers 404 for another organisation’s campaign, 401 without a key, 403 for a key without kpis:read', async () => {
    const other = await makeTenant();
    const theirs = await makeCampaign(other.organisationId);
    expect((await callJson(`/api/v1/kpis?campaignId=${theirs.id}`, { bearer: key })).status).toBe(404);
    expect((await callJson('/api/v1/kpis')).status).toBe(401);
    expect((await callJson('/api/v1/kpis', { bearer: await makeApiKey(other.organisationId, ['conversions:write']) })).status).toBe(403);
  });
});

describe('GET /api/v1/exports/kpis.csv', () => {
  it('parses back to the same numbers, with a header row and a total row', async () => {
    const report = await kpis(`from=${from}&to=${today}&groupBy=network`);
    const res = await call(`/api/v1/exports/kpis.csv?from=${from}&to=${today}&groupBy=network`, { bearer: key });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="relais-kpis-.*-by-network\.csv"/);
    const parsed = Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r.key)).toEqual([...report.groups.map((g) => g.key), 'total']);
    const total = parsed.data.at(-1);
    expect(Number(total?.clicks)).toBe(report.totals.clicks);
    expect(Number(total?.['filtered.preview'])).toBe(report.totals.filtered.preview);
    expect(Number(total?.emv)).toBe(report.totals.emv);
    expect(Number(total?.conversionRate)).toBe(report.totals.conversionRate);
    const linkedin = parsed.data.find((r) => r.key === 'linkedin');
    expect(Number(linkedin?.clicks)).toBe(10);
  });
});
