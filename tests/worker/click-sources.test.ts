/**
 * `GET /api/v1/contents/{id}/stats` and `GET /api/v1/links/{id}/stats`: figures worked out by hand from the seeded
 * clicks, consistency with `/kpis`, and the visibility rules that make per-link figures safe to show.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ambassadors, links, organisations } from '../../db/schema';
import type { ClickEvent } from '../../worker/lib/click-event';
import { signClickId } from '../../worker/lib/click-id';
import { addDays, dayOf } from '../../worker/lib/days';
import { newId, randomSlug } from '../../worker/lib/ids';
import type { ContentStats, LinkStats } from '../../worker/schemas/click-sources';
import type { KpiReport } from '../../worker/schemas/kpis';
import { breakdownQuery, rollupByDayQuery, rollupByLinkQuery, visitorsByDayQuery, type LinkScope } from '../../worker/services/click-source-queries';
import { recordClicks } from '../../worker/services/clicks';
import { recordConversion } from '../../worker/services/conversions';
import { db, makeAdminSession, makeApiKey, makeCampaign, makeContent, makeTenant } from './builders';
import { callJson } from './http';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const today = dayOf(Date.now());
const d1 = addDays(today, -3);
const d2 = addDays(today, -2);
const from = addDays(today, -6);
const noon = (day: string) => Date.parse(`${day}T12:00:00Z`);
const period = `from=${from}&to=${today}`;

type Tenant = Awaited<ReturnType<typeof makeTenant>>;
let tenant: Tenant;
let key = '';
const ids = { content: '', withheld: '', visibleLink: '', hiddenLink: '', departedLink: '', withheldVisibleLink: '', campaign: '' };

async function hits(linkId: string, organisationId: string, at: number, list: Array<Partial<ClickEvent>>) {
  const events: ClickEvent[] = [];
  for (const [i, extra] of list.entries()) events.push({ id: await signClickId(env.CLICK_SIGNING_KEY, linkId, at + i), linkId, organisationId, at: at + i, userAgent: CHROME, ...extra });
  await recordClicks(db(), events);
  return events;
}

function person(org: string, name: string, extra: Partial<typeof ambassadors.$inferInsert> = {}) {
  return { id: newId('amb'), organisationId: org, name, email: `${randomSlug(10)}@example.com`, status: 'active' as const, joinedAt: noon(from) - 86_400_000, createdAt: 0, updatedAt: 0, ...extra };
}

function linkOf(org: string, contentId: string, ambassadorId: string | null) {
  return { id: newId('lnk'), organisationId: org, slug: randomSlug(9), ambassadorId, contentId, network: 'linkedin' as const, createdAt: 0 };
}

beforeAll(async () => {
  tenant = await makeTenant();
  const org = tenant.organisationId;
  const campaign = await makeCampaign(org);
  const content = await makeContent(org, campaign.id);
  // Alice chose to be visible; five colleagues did not: "others" holds five people, so it may be shown.
  const alice = person(org, 'Alice Martin', { leaderboardOptIn: true });
  const hidden = ['Bruno Petit', 'Chloé Roux', 'Dan Leroy', 'Eve Blanc', 'Fay Noir'].map((name) => person(org, name));
  await db().insert(ambassadors).values([alice, ...hidden]);
  const visible = linkOf(org, content.id, alice.id);
  const hiddenLinks = hidden.map((h) => linkOf(org, content.id, h.id));
  const departed = linkOf(org, content.id, null);
  await db().insert(links).values([visible, ...hiddenLinks, departed]);
  // Alice's link on d1: 10 human clicks from 4 visitors (6 from linkedin.com in FR on a desktop, 4 from 12
  // other hosts...), 2 previews. Bruno's on d2: 3 human clicks from 3 visitors on an iPhone in DE, one of them
  // also on Alice's link that day. The departed link: 1 human click on d2.
  const humans = await hits(visible.id, org, noon(d1), Array.from({ length: 10 }, (_, i) => ({ visitor: `va${i % 4}`, country: 'FR', refererHost: i < 6 ? 'www.linkedin.com' : undefined })));
  await hits(visible.id, org, noon(d1) + 100, [{ userAgent: 'LinkedInBot/1.0' }, { userAgent: 'Slackbot 1.0' }]);
  await hits(hiddenLinks[0]?.id ?? '', org, noon(d2), Array.from({ length: 3 }, (_, i) => ({ visitor: `vb${i}`, country: 'DE', userAgent: IPHONE, refererHost: 't.co' })));
  await hits(visible.id, org, noon(d2) + 10, [{ visitor: 'vb0', country: 'DE', refererHost: 't.co' }]);
  await hits(departed.id, org, noon(d2) + 20, [{ visitor: 'vd0', country: 'BE' }]);
  await recordConversion(db(), env.CLICK_SIGNING_KEY, org, { clickId: humans[0]?.id ?? '', type: 'application', value: 100 });

  // A second content: Alice and two hidden people. Two would be singled out by subtraction: no per-link figure.
  const withheld = await makeContent(org, campaign.id);
  const withheldVisible = linkOf(org, withheld.id, alice.id);
  await db().insert(links).values([withheldVisible, linkOf(org, withheld.id, hidden[0]?.id ?? null), linkOf(org, withheld.id, hidden[1]?.id ?? null)]);
  await hits(withheldVisible.id, org, noon(d1), [{ visitor: 'vw0' }]);

  key = await makeApiKey(org, ['kpis:read']);
  Object.assign(ids, { content: content.id, withheld: withheld.id, visibleLink: visible.id, hiddenLink: hiddenLinks[0]?.id, departedLink: departed.id, withheldVisibleLink: withheldVisible.id, campaign: campaign.id });
});

const contentStats = (id: string, query = period, bearer = key) => callJson<ContentStats>(`/api/v1/contents/${id}/stats?${query}`, { bearer });
const linkStats = (id: string, query = period, bearer = key) => callJson<LinkStats>(`/api/v1/links/${id}/stats?${query}`, { bearer });

describe('GET /api/v1/contents/{id}/stats', () => {
  it('adds up the content’s clicks, visitors, filtered hits and conversions exactly as /kpis?groupBy=content does', async () => {
    const { status, body } = await contentStats(ids.content);
    expect(status).toBe(200);
    // 10 + 3 + 1 + 1 human clicks; visitors: 4 on d1, and on d2 vb0..vb2 and vd0 (vb0 on two links is one).
    expect(body.totals).toEqual({ clicks: 15, uniqueVisitors: 8, filtered: { preview: 2, scanner: 0, automated: 0, self: 0, optout: 0 }, conversions: 1 });
    const kpis = (await callJson<KpiReport>(`/api/v1/kpis?${period}&groupBy=content`, { bearer: key })).body;
    const group = kpis.groups.find((g) => g.key === ids.content);
    expect(group?.totals).toMatchObject(body.totals);
  });

  it('answers every day of the period, in order, with its clicks and unique visitors', async () => {
    const { body } = await contentStats(ids.content);
    expect(body.days.map((d) => d.day)).toEqual(Array.from({ length: 7 }, (_, i) => addDays(from, i)));
    expect(body.days.find((d) => d.day === d1)).toEqual({ day: d1, clicks: 10, uniqueVisitors: 4 });
    expect(body.days.find((d) => d.day === d2)).toEqual({ day: d2, clicks: 5, uniqueVisitors: 4 });
    expect(body.days.filter((d) => d.day !== d1 && d.day !== d2).every((d) => d.clicks === 0 && d.uniqueVisitors === 0)).toBe(true);
  });

  it('breaks human clicks down by referrer host, country and device class, unknown values as null', async () => {
    const { body } = await contentStats(ids.content);
    expect(body.breakdowns.from).toBe(from);
    expect(body.breakdowns.referrers).toEqual({ rows: [{ key: 'www.linkedin.com', clicks: 6 }, { key: null, clicks: 5 }, { key: 't.co', clicks: 4 }], other: 0 });
    expect(body.breakdowns.countries).toEqual({ rows: [{ key: 'FR', clicks: 10 }, { key: 'DE', clicks: 4 }, { key: 'BE', clicks: 1 }], other: 0 });
    expect(body.breakdowns.devices).toEqual({ rows: [{ key: 'desktop', clicks: 12 }, { key: 'mobile', clicks: 3 }], other: 0 });
  });

  it('names the top 10 values and adds up the rest in `other`', async () => {
    const org = tenant.organisationId;
    const content = await makeContent(org, ids.campaign);
    const amb = person(org, 'Gus Vert');
    await db().insert(ambassadors).values(amb);
    const link = linkOf(org, content.id, amb.id);
    await db().insert(links).values(link);
    // 13 hosts: host-00 gets 13 clicks, host-01 12, … host-12 1.
    await hits(link.id, org, noon(d1), Array.from({ length: 13 }, (_, h) => Array.from({ length: 13 - h }, () => ({ refererHost: `host-${String(h).padStart(2, '0')}.example` }))).flat());
    const { body } = await contentStats(content.id);
    expect(body.breakdowns.referrers.rows).toHaveLength(10);
    expect(body.breakdowns.referrers.rows[0]).toEqual({ key: 'host-00.example', clicks: 13 });
    expect(body.breakdowns.referrers.other).toBe(3 + 2 + 1);
  });

  it('lists a visible ambassador’s link under their public name, and everyone else’s links as one "others" row', async () => {
    const { body } = await contentStats(ids.content);
    expect(body.linksWithheld).toBe(false);
    expect(body.links).toEqual([
      { key: ids.visibleLink, slug: expect.any(String), network: 'linkedin', ambassadorName: 'Alice M.', links: 1, clicks: 11, uniqueVisitors: 5, conversions: 1 },
      // Five hidden people's links and the departed link; visitors vb0..vb2 and vd0.
      { key: 'others', slug: null, network: null, ambassadorName: null, links: 6, clicks: 4, uniqueVisitors: 4, conversions: 0 },
    ]);
    const text = JSON.stringify(body);
    for (const name of ['Alice Martin', 'Bruno', 'Martin']) expect(text).not.toContain(name);
    expect(text).not.toContain(ids.hiddenLink);
    expect(text).not.toContain(ids.departedLink);
  });

  it('withholds every per-link figure when 1 to 4 of the content’s ambassadors are not shown, keeping its totals', async () => {
    const { status, body } = await contentStats(ids.withheld);
    expect(status).toBe(200);
    expect(body.totals.clicks).toBe(1);
    expect(body.linksWithheld).toBe(true);
    expect(body.links).toEqual([]);
  });

  it('answers 404 for another organisation’s content, and 422 on `to` for a period over 731 days', async () => {
    const other = await makeTenant('Other');
    const otherKey = await makeApiKey(other.organisationId, ['kpis:read']);
    const foreign = await contentStats(ids.content, period, otherKey);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual({ error: expect.objectContaining({ code: 'not_found' }) });
    const long = await contentStats(ids.content, `from=2024-01-01&to=2026-01-02`);
    expect(long.status).toBe(422);
    expect(long.body).toEqual({ error: expect.objectContaining({ code: 'validation_failed', field: 'to' }) });
  });

  it('is read with an admin session of any role or a kpis:read key; 401 without a credential, 403 for a conversions key', async () => {
    const analyst = await makeAdminSession(tenant.organisationId, 'analyst');
    expect((await callJson(`/api/v1/contents/${ids.content}/stats`, { session: analyst })).status).toBe(200);
    expect((await callJson(`/api/v1/contents/${ids.content}/stats`)).status).toBe(401);
    const writer = await makeApiKey(tenant.organisationId, ['conversions:write']);
    expect((await contentStats(ids.content, period, writer)).status).toBe(403);
  });
});

describe('GET /api/v1/links/{id}/stats', () => {
  it('answers a visible ambassador’s link with its own figures and public name', async () => {
    const { status, body } = await linkStats(ids.visibleLink);
    expect(status).toBe(200);
    expect(body.link).toEqual({ id: ids.visibleLink, slug: expect.any(String), network: 'linkedin', contentId: ids.content, contentTitle: 'Job', campaignId: ids.campaign, ambassadorName: 'Alice M.' });
    expect(body.totals).toEqual({ clicks: 11, uniqueVisitors: 5, filtered: { preview: 2, scanner: 0, automated: 0, self: 0, optout: 0 }, conversions: 1 });
    expect(body.breakdowns.countries.rows).toEqual([{ key: 'FR', clicks: 10 }, { key: 'DE', clicks: 1 }]);
    expect(body.days).toHaveLength(7);
  });

  it('answers 404, as for an unknown link, for a hidden ambassador’s link, a departed one’s, and one whose content withholds links', async () => {
    for (const id of [ids.hiddenLink, ids.departedLink, ids.withheldVisibleLink, 'lnk_unknown']) {
      const { status, body } = await linkStats(id);
      expect(status, id).toBe(404);
      expect(body).toEqual({ error: { code: 'not_found', message: 'No such link.' } });
    }
  });

  it('answers 404 for another organisation’s link', async () => {
    const other = await makeTenant('Other');
    expect((await linkStats(ids.visibleLink, period, await makeApiKey(other.organisationId, ['kpis:read']))).status).toBe(404);
  });

  it('shows every active ambassador’s link when the organisation set ambassadorVisibility to all', async () => {
    const org = await makeTenant('Open');
    await db().update(organisations).set({ ambassadorVisibility: 'all' }).where(eq(organisations.id, org.organisationId));
    const campaign = await makeCampaign(org.organisationId);
    const content = await makeContent(org.organisationId, campaign.id);
    const quiet = person(org.organisationId, 'Hugo Blanc');
    await db().insert(ambassadors).values(quiet);
    const link = linkOf(org.organisationId, content.id, quiet.id);
    await db().insert(links).values(link);
    const orgKey = await makeApiKey(org.organisationId, ['kpis:read']);
    expect((await linkStats(link.id, period, orgKey)).body.link?.ambassadorName).toBe('Hugo B.');
    expect((await contentStats(content.id, period, orgKey)).body.links.map((l) => l.key)).toEqual([link.id]);
  });
});

describe('the stats pages’ queries', () => {
  async function planOf(statement: { toSQL: () => { sql: string; params: unknown[] } }): Promise<string> {
    const { sql, params } = statement.toSQL();
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
    return results.map((row) => row.detail).join(' | ');
  }
  const scope: LinkScope = { organisationId: 'org_plan', from: '2026-01-01', to: '2026-03-31', contentId: 'cnt_plan' };

  it('reach a content’s links through links_content and their clicks through clicks_link_day_visitor, scanning no growing table', async () => {
    const plans = await Promise.all([
      planOf(rollupByDayQuery(db(), scope)),
      planOf(rollupByLinkQuery(db(), scope)),
      planOf(visitorsByDayQuery(db(), scope, ['amb_a'])),
      planOf(breakdownQuery(db(), scope, 'country')),
    ]);
    for (const plan of plans) {
      expect(plan).toMatch(/SEARCH links USING INDEX links_content \(content_id=\?\)/);
      expect(plan).not.toMatch(/SCAN (clicks|daily_visitors|daily_link_stats|links)\b/);
    }
    expect(plans[3]).toMatch(/SEARCH clicks USING INDEX clicks_link_day_visitor \(link_id=\? AND day>\? AND day<\?\)/);
  });
});
