/**
 * The KPI dashboard on the admin home (seeded demo organisation, 90 days of data) and the r.js
 * journey on a company site: consent, click id across pages, conversion attributed, withdrawal.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, axeViolations, createOrganisation, hydrated, open, shot, signedInClient, signedInContext, type Owner } from './admin-helpers';

// Headless Chromium announces itself as "HeadlessChrome", which the click pipeline files as automated.
const DESKTOP_CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Safari/537.36';
const DEMO_ADMIN = { email: 'admin@demo.relais.test', password: 'relais-demo' };

/** The number in a tile, e.g. "1 234" → 1234. */
async function tileNumber(page: Page, kpi: string): Promise<number> {
  const text = (await page.locator(`.dash-tile[data-kpi="${kpi}"] .dash-tile__value`).textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

/** A French browser page signed in as `admin`, on the admin home with its islands hydrated. */
async function openHome(browser: Browser, admin: Pick<Owner, 'email' | 'password'>) {
  const { context, page } = await signedInContext(browser, admin);
  await open(page, '/admin/');
  return { context, page };
}

/** What the dashboard shows, read off one table's CSV export link: `from`, `to` and, for one campaign, `campaignId`. */
async function exportQuery(page: Page, groupBy: string): Promise<URLSearchParams> {
  const href = (await page.locator(`.dash-export a[data-group="${groupBy}"]`).getAttribute('href')) ?? '';
  return new URL(href, page.url()).searchParams;
}

/** The names in a breakdown table's first column. */
const rowLabels = (page: Page, group: string) => page.locator(`table[data-group="dash-by-${group}"] tbody th`).allTextContents();

describe('dashboard', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.connect(inject('wsEndpoint'));
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the demo KPIs, follows the period, speaks English, exports CSV and passes axe', async () => {
    const { context, page } = await openHome(browser, DEMO_ADMIN);

    const clicksTile = page.locator('.dash-tile[data-kpi="clicks"] .dash-tile__value');
    await clicksTile.waitFor();
    expect(await tileNumber(page, 'clicks')).toBeGreaterThan(0);
    // Every KPI of API.md has its tile, and the estimated reach is labelled as such.
    for (const kpi of ['reach', 'impressions', 'engagements', 'engagementRate', 'clicks', 'uniqueVisitors', 'conversions', 'conversionRate', 'conversionValue', 'emv', 'participationRate']) {
      expect(await page.locator(`.dash-tile[data-kpi="${kpi}"]`).count(), kpi).toBe(1);
    }
    expect(await page.locator('[data-kpi="reachEstimated"]').textContent()).toContain('estimée');
    expect(await page.getByTestId('dash-filtered').textContent()).toMatch(/aperçus \d/);

    await page.getByLabel('7 jours').check();
    await expect.poll(() => page.getByTestId('dash-period').textContent()).toMatch(/comparé/);
    const periodOf7 = await page.getByTestId('dash-period').textContent();
    await expect.poll(() => tileNumber(page, 'clicks')).toBeGreaterThan(0);
    const clicks7 = await tileNumber(page, 'clicks');

    await page.getByLabel('90 jours').check();
    await expect.poll(() => page.getByTestId('dash-period').textContent()).not.toBe(periodOf7);
    await expect.poll(() => tileNumber(page, 'clicks')).toBeGreaterThan(clicks7);
    await page.locator('.dash-chart__plot canvas').first().waitFor();
    // The accessible alternative to the chart: one row per day of the period.
    expect(await page.locator('.dash-chart > table.visually-hidden tbody tr').count()).toBe(90);
    await shot(page, 'dashboard-fr');

    // Teams under 5 ambassadors (every demo team) and hidden ambassadors are grouped under the page's word.
    const api = await signedInClient(baseUrl, DEMO_ADMIN);
    const shown = await exportQuery(page, 'team');
    const teams = await (await api.api.v1.kpis.$get({ query: { from: shown.get('from') ?? '', to: shown.get('to') ?? '', groupBy: 'team' } })).json();
    expect(teams.groups.length).toBeGreaterThan(0);
    const anonymous: Record<string, string> = { others: 'Autres', all: 'Tous les ambassadeurs' };
    expect(await rowLabels(page, 'team')).toEqual(expect.arrayContaining(teams.groups.map((g) => anonymous[g.key] ?? g.label)));
    expect(await rowLabels(page, 'team')).toHaveLength(teams.groups.length);
    expect(await page.getByText('Les équipes de moins de 5 ambassadeurs sont regroupées').count()).toBe(1);
    // The demo's five ambassadors, some of them hidden: fewer than 5 hidden, so one group holds everyone
    // (API.md's remainder rule), named in the page's language and explained.
    const ambassadors = await (await api.api.v1.kpis.$get({ query: { from: shown.get('from') ?? '', to: shown.get('to') ?? '', groupBy: 'ambassador' } })).json();
    expect(ambassadors.groups.map((g) => g.key)).toEqual(['all']);
    expect(await rowLabels(page, 'ambassador')).toEqual(['Tous les ambassadeurs']);
    expect(await page.getByText('Le groupe anonyme compterait moins de 5 personnes').count()).toBeGreaterThan(0);

    // Sortable breakdown: the header button flips aria-sort.
    const byCampaign = page.locator('table[data-group="dash-by-campaign"]');
    const clicksHeader = byCampaign.locator('th', { has: page.getByRole('button', { name: 'Clics' }) });
    expect(await clicksHeader.getAttribute('aria-sort')).toBe('descending');
    await clicksHeader.getByRole('button').click();
    expect(await clicksHeader.getAttribute('aria-sort')).toBe('ascending');

    const violations = await axeViolations(page);
    expect(violations).toEqual([]);

    // A custom period: two dates and Apply.
    await page.getByLabel('Personnalisée').check();
    await page.getByLabel('Du', { exact: true }).fill('2020-01-01');
    await page.getByLabel('Au', { exact: true }).fill('2020-01-07');
    await page.getByRole('button', { name: 'Appliquer' }).click();
    await expect.poll(() => page.getByTestId('dash-period').textContent()).toContain('2020');
    expect(await tileNumber(page, 'clicks')).toBe(0);
    await page.getByText('Aucun clic sur cette période').waitFor();
    await page.getByLabel('90 jours').check();
    await expect.poll(() => tileNumber(page, 'clicks')).toBeGreaterThan(clicks7);

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'dashboard-mobile');
    await page.setViewportSize({ width: 1280, height: 720 });

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Key figures' }).waitFor();
    expect(await page.locator('.dash-tile[data-kpi="uniqueVisitors"] .dash-tile__label').textContent()).toBe('Unique visitors');
    expect(await rowLabels(page, 'ambassador')).toEqual(['All ambassadors']);

    await page.getByText('Export', { exact: true }).click();
    expect(await page.getByLabel('CSV', { exact: true }).isChecked()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'By campaign', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^relais-kpis-.*\.csv$/);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'relais-csv-'));
    try {
      const file = path.join(dir, 'kpis.csv');
      await download.saveAs(file); // path() is unavailable on a remote browser
      const parsed = Papa.parse<Record<string, string>>(await readFile(file, 'utf8'), { header: true, skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      expect(parsed.meta.fields).toEqual(expect.arrayContaining(['from', 'to', 'key', 'label', 'clicks']));
      const total = parsed.data.find((row) => row.key === 'total');
      expect(Number(total?.clicks)).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await shot(page, 'dashboard-en');
    await context.close();
  });

  it('shows one campaign, keeps it in the address across a reload and exports it', async () => {
    const { context, page } = await openHome(browser, DEMO_ADMIN);
    await page.locator('.dash-tile[data-kpi="clicks"] .dash-tile__value').waitFor();
    const allClicks = await tileNumber(page, 'clicks');
    const filter = page.getByLabel('Campagne', { exact: true });
    expect(await filter.inputValue()).toBe('');
    const options = await filter.locator('option').allTextContents();
    expect(options[0]).toBe('Toutes les campagnes');
    expect(options.slice(1).sort()).toEqual(['Livre blanc IA responsable', 'Recrutement ingénieurs Lyon']);

    await filter.selectOption({ label: 'Livre blanc IA responsable' });
    await expect.poll(() => page.getByTestId('dash-period').textContent()).toContain('Livre blanc IA responsable');
    const campaignId = await filter.inputValue();
    const shown = await exportQuery(page, 'content');
    expect(shown.get('campaignId')).toBe(campaignId);
    expect(shown.get('groupBy')).toBe('content');
    expect(await page.locator('.dash-export a[data-group="campaign"]').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('campaign')).toBe(campaignId);
    // The tile shows what the API answers for that campaign over the same period.
    const api = await signedInClient(baseUrl, DEMO_ADMIN);
    const res = await api.api.v1.kpis.$get({ query: { from: shown.get('from') ?? '', to: shown.get('to') ?? '', campaignId } });
    expect(res.status).toBe(200);
    const { totals } = await res.json();
    expect(totals.clicks).toBeGreaterThan(0);
    expect(totals.clicks).toBeLessThan(allClicks);
    expect(await tileNumber(page, 'clicks')).toBe(totals.clicks);
    // One campaign: its "by campaign" table would have a single row.
    expect(await page.locator('table[data-group="dash-by-campaign"]').count()).toBe(0);
    await shot(page, 'dashboard-campaign');
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    await hydrated(page);
    await expect.poll(() => page.getByTestId('dash-period').textContent()).toContain('Livre blanc IA responsable');
    expect(await filter.inputValue()).toBe(campaignId);
    expect(await tileNumber(page, 'clicks')).toBe(totals.clicks);

    await filter.selectOption({ label: 'Toutes les campagnes' });
    await expect.poll(() => tileNumber(page, 'clicks')).toBe(allClicks);
    expect(new URL(page.url()).searchParams.has('campaign')).toBe(false);
    const all = await exportQuery(page, 'campaign');
    expect([all.has('campaignId'), all.get('groupBy')]).toEqual([false, 'campaign']);
    await context.close();
  });

  it('tells an organisation without a campaign to create one', async () => {
    const owner = await createOrganisation(baseUrl, 'Atelier Vide');
    const { context, page } = await openHome(browser, owner);
    await page.getByRole('heading', { name: 'Pas encore de campagne' }).waitFor();
    expect(await page.getByRole('link', { name: 'Créer une campagne' }).last().getAttribute('href')).toBe('/admin/campaigns/edit/');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('carries the click id through r.js only with consent, and attributes the conversion', async () => {
    const shop = inject('shop');
    const context = await browser.newContext({ locale: 'en-GB', userAgent: DESKTOP_CHROME });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();

    await page.goto(`${baseUrl}/${shop.link.slug}`);
    await page.waitForURL((url) => url.pathname === '/shop/job');
    const clickId = new URL(page.url()).searchParams.get('rl_cid');
    expect(clickId).toMatch(/^[A-Za-z0-9_-]{20,128}$/);
    await page.waitForFunction('typeof window.Relais === "object"');
    expect(await page.evaluate('document.cookie')).not.toContain('rl_cid');
    expect(await page.evaluate('Relais.clickId()')).toBeNull();

    await page.getByRole('button', { name: 'Accept' }).click();
    expect(await page.evaluate('document.cookie')).toContain('rl_cid=');
    await page.getByRole('link', { name: 'Apply' }).click();
    await page.waitForURL((url) => url.pathname === '/shop/apply');
    expect(new URL(page.url()).searchParams.has('rl_cid')).toBe(false);
    await page.waitForFunction('typeof window.Relais === "object"');
    expect(await page.evaluate('Relais.clickId()')).toBe(clickId);

    const res = await fetch(`${baseUrl}/api/v1/conversions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${shop.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clickId, type: 'application', externalId: `e2e-${crypto.randomUUID()}` }),
    });
    const body: unknown = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body).toMatchObject({ attributed: true, campaignId: 'cmp_e2e' });

    await page.getByRole('button', { name: 'Refuse' }).click();
    expect(await page.evaluate('document.cookie')).not.toContain('rl_cid');
    expect(await page.evaluate('Relais.clickId()')).toBeNull();
    await page.reload();
    await page.waitForFunction('typeof window.Relais === "object"');
    expect(await page.evaluate('Relais.clickId()')).toBeNull();
    await context.close();
  });
});
