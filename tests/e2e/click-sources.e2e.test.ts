/**
 * Issue 11, item 8 — "Where the clicks come from", walked as an admin: the campaign list's numbers, the campaign
 * page's per-content numbers, a content's stats page (chart, referrers, countries, devices), a visible
 * ambassador's link page; a hidden ambassador's link page is not reachable. Clicks go through the real redirect
 * and queue consumer.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as schema from '../../db/schema';
import { newId, randomSlug } from '../../worker/lib/ids';
import { axeScanner, createOrganisation, open, PHONE, signedInClient, signedInContext, signIn, sidewaysScroll, type Owner } from './admin-helpers';
import { bridgedDb } from './d1-bridge';

// Headless Chromium announces itself as "HeadlessChrome" (automated): the audience clicks from Node as people would.
const DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

const cellsOf = (page: Page, table: string) => page.locator(`table[data-sources="${table}"] tbody tr`).allInnerTexts();

describe('where the clicks come from', () => {
  const baseUrl = inject('baseUrl');
  const db = bridgedDb(inject('d1Url'));
  const axe = axeScanner('click-sources');
  let browser: Browser;
  let owner: Owner;
  let organisationId = '';
  const ids = { campaign: '', content: '', visibleLink: '', hiddenLink: '' };

  /** A person opening a short link: `count` clicks with `userAgent`, coming from `referer`. */
  async function click(slug: string, count: number, userAgent: string, referer: string) {
    for (let i = 0; i < count; i++) {
      const res = await fetch(`${baseUrl}/${slug}`, { redirect: 'manual', headers: { 'user-agent': `${userAgent} r${i}`, referer } });
      expect(res.status).toBe(302);
    }
  }

  beforeAll(async () => {
    browser = await chromium.connect(inject('wsEndpoint'));
    owner = await createOrganisation(baseUrl, 'Sources');
    const api = await signedInClient(baseUrl, owner);
    const campaign = await (await api.api.v1.campaigns.$post({ json: { name: 'Recrutement 2027', objective: 'recruitment', status: 'active' } })).json();
    const content = await (await api.api.v1.contents.$post({ json: { campaignId: campaign.id, kind: 'job', title: 'Développeuse backend', url: 'https://jobs.example.com/backend' } })).json();
    organisationId = (await db.select({ id: schema.campaigns.organisationId }).from(schema.campaigns).where(eq(schema.campaigns.id, campaign.id)).get())?.id ?? '';
    const now = Date.now();
    // Camille chose to be visible; five colleagues did not (five or more, so "others" may be shown).
    const people = ['Camille Martin', 'Hugo Petit', 'Inès Roux', 'Jules Leroy', 'Karim Blanc', 'Léa Noir'].map((name, i) => ({
      id: newId('amb'), organisationId, name, email: `${randomUUID().slice(0, 8)}@e2e.relais.test`, status: 'active' as const, leaderboardOptIn: i === 0, joinedAt: now, createdAt: now, updatedAt: now,
    }));
    await db.insert(schema.ambassadors).values(people);
    const links = people.map((person) => ({ id: newId('lnk'), organisationId, slug: randomSlug(9), ambassadorId: person.id, contentId: content.id, network: 'linkedin' as const, createdAt: now }));
    await db.insert(schema.links).values(links);
    const [visible, hidden] = links;
    if (!visible || !hidden) throw new Error('links missing');
    Object.assign(ids, { campaign: campaign.id, content: content.id, visibleLink: visible.id, hiddenLink: hidden.id });
    await click(visible.slug, 3, DESKTOP, 'https://www.linkedin.com/feed/');
    await click(hidden.slug, 2, IPHONE, 'https://t.co/abc');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('walks from the campaign list to a content’s and a visible ambassador’s stats, never to a hidden one’s', async () => {
    // The queue consumer records the clicks and rolls them up.
    await expect
      .poll(async () => (await db.select({ clicks: schema.dailyLinkStats.clicks }).from(schema.dailyLinkStats).where(and(eq(schema.dailyLinkStats.organisationId, organisationId))).all()).reduce((acc, row) => acc + row.clicks, 0), { timeout: 20_000 })
      .toBe(5);
    const { context, page } = await signedInContext(browser, owner);
    await open(page, '/admin/campaigns/');
    const row = page.getByRole('row', { name: /Recrutement 2027/ });
    await expect.poll(() => row.locator('td[data-kpi="clicks"]').textContent()).toBe('5');
    expect(await row.locator('td[data-kpi="uniqueVisitors"]').textContent()).toBe('5');
    expect(await row.locator('td[data-kpi="conversions"]').textContent()).toBe('0');

    await row.getByRole('link', { name: 'Recrutement 2027' }).click();
    await page.getByTestId('campaign-numbers').waitFor();
    expect(await page.getByTestId('campaign-numbers').textContent()).toContain('Clics 5');
    expect(await page.getByTestId('content-numbers').first().textContent()).toContain('Clics 5');
    await page.getByRole('link', { name: 'Statistiques de «\u00a0Développeuse backend\u00a0»' }).click();

    await page.getByRole('heading', { name: 'Statistiques du contenu', level: 1 }).waitFor();
    await page.locator('.dash-tile[data-kpi="clicks"] .dash-tile__value', { hasText: '5' }).waitFor();
    await page.locator('.dash-chart').first().waitFor();
    expect(await cellsOf(page, 'sources-referrers')).toEqual(['www.linkedin.com\t3\t60\u00a0%', 't.co\t2\t40\u00a0%']);
    expect(await cellsOf(page, 'sources-devices')).toEqual(['Ordinateur\t3\t60\u00a0%', 'Mobile\t2\t40\u00a0%']);
    expect((await cellsOf(page, 'sources-countries')).length).toBeGreaterThan(0);
    const linkRows = await cellsOf(page, 'links');
    expect(linkRows).toEqual(['Camille M.\tLinkedIn\t3\t3\t0', 'Autres (5 liens)\t—\t2\t2\t0']);
    await axe.scan(page, 'content');

    await page.getByRole('link', { name: 'Camille M.' }).click();
    await page.getByRole('heading', { name: 'Statistiques du lien', level: 1 }).waitFor();
    await page.getByTestId('sources-subject').filter({ hasText: 'Camille M. sur LinkedIn' }).waitFor();
    await page.locator('.dash-tile[data-kpi="clicks"] .dash-tile__value', { hasText: '3' }).waitFor();
    expect(await cellsOf(page, 'sources-referrers')).toEqual(['www.linkedin.com\t3\t100\u00a0%']);
    await axe.scan(page, 'link');

    // A hidden ambassador's link: the page says it does not exist, and no name or figure shows.
    await open(page, `/admin/links/stats/?id=${ids.hiddenLink}`);
    await page.getByRole('alert').filter({ hasText: 'Introuvable' }).waitFor();
    expect(await page.locator('.dash-tile').count()).toBe(0);
    expect(await page.textContent('main')).not.toContain('Hugo');
    expect(axe.violations).toEqual({});
    await context.close();
  });

  it('fits a 390 px phone without sideways scroll on the campaign list and the content’s stats', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await open(page, '/admin/login/');
    await signIn(page, owner);
    for (const path of ['/admin/campaigns/', `/admin/contents/stats/?id=${ids.content}`]) {
      await open(page, path);
      await page.locator('td[data-kpi="clicks"], table[data-sources="sources-referrers"]').first().waitFor();
      expect((await sidewaysScroll(page)).page, path).toBe(0);
    }
    await context.close();
  });
});
