/**
 * Issue 11, item 4, walked as the people did: the admin on a 1366 × 768 laptop and on a 390 px phone (the seeded
 * demo's dashboard and every admin page), the signed-out front door, and an ambassador's results on a phone in
 * French. Every page visited has its console errors and failed requests collected; the admin home's cumulative
 * layout shift is read from the browser's own `layout-shift` entries, signed out and signed in.
 */
import { mkdir } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as schema from '../../db/schema';
import {
  ARTIFACTS,
  collectErrors,
  createOrganisation,
  cumulativeShift,
  drawnTexts,
  forgetDrawnTexts,
  hydrated,
  layoutShifts,
  open,
  PHONE,
  RECORD_CANVAS_TEXT,
  shot,
  sidewaysScroll,
  signedInClient,
  signIn,
  type LayoutShift,
} from './admin-helpers';
import { bridgedDb } from './d1-bridge';
import { joinThroughInvitation } from './me-helpers';

const DEMO_ADMIN = { email: 'admin@demo.relais.test', password: 'relais-demo' };
const LAPTOP = { viewport: { width: 1366, height: 768 }, locale: 'fr-FR' } as const;
/** A date axis in US order ("12/7", "12/07/2026"): what the chart drew in French before. */
const US_DATE = /^\d{1,2}\/\d{1,2}(\/\d{2,4})?$/;

/** A UTC day `YYYY-MM-DD`, `days` before today. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
/** A day as the page's language writes it on an axis ("7 déc." / "7 Dec"). */
const dayLabel = (day: string, locale: 'fr-FR' | 'en-GB') =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** Waits for the chart's axis titles `words`, then reads its dates: as `locale` writes `days`, never in US order. */
async function expectAxes(page: Page, words: string[], locale: 'fr-FR' | 'en-GB', days: readonly string[]): Promise<void> {
  await expect.poll(() => drawnTexts(page)).toEqual(expect.arrayContaining(words));
  const drawn = await drawnTexts(page);
  expect(drawn.filter((text) => US_DATE.test(text))).toEqual([]);
  expect(drawn.filter((text) => days.some((day) => dayLabel(day, locale) === text)).length).toBeGreaterThan(1);
}

/** The shifts, described, when their sum is over Lighthouse's "good" threshold (a readable failure). */
const describeShifts = (shifts: readonly LayoutShift[]) => shifts.map((s) => `${s.value.toFixed(3)}: ${s.sources.join(' | ')}`).join('\n');

describe('layout (issue 11, item 4)', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  /** A browser context with `options`, closed after the file; canvas texts recorded. */
  async function context(options: Parameters<Browser['newContext']>[0]): Promise<BrowserContext> {
    const created = await browser.newContext(options);
    created.setDefaultTimeout(10_000);
    await created.addInitScript({ content: RECORD_CANVAS_TEXT });
    contexts.push(created);
    return created;
  }

  /** The demo admin signed in through the form in a new context of `options`; its page collects errors. */
  async function demoAdmin(options: Parameters<Browser['newContext']>[0]): Promise<{ page: Page; errors: string[] }> {
    const page = await (await context(options)).newPage();
    const errors = collectErrors(page);
    await open(page, '/admin/login/');
    await signIn(page, DEMO_ADMIN);
    return { page, errors };
  }

  /** The admin home with its dashboard drawn: tiles, chart and every breakdown. */
  async function openDashboard(page: Page): Promise<void> {
    await open(page, '/admin/');
    await page.locator('.dash-chart__plot canvas').first().waitFor();
    await page.locator('table[data-group="dash-by-ambassador"]').waitFor();
  }

  /**
   * Opens the admin home signed in, as over a slow network: the session's answer is held until the islands have
   * hydrated and the browser has painted what they show meanwhile (the state a person sees during a slow load);
   * then the dashboard is drawn and the page's layout shifts are read.
   */
  async function homeShiftsOnASlowNetwork(page: Page): Promise<LayoutShift[]> {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/auth/me', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${baseUrl}/admin/`);
    await hydrated(page);
    // Two animation frames: the second starts only after the first one's paint.
    await page.evaluate('new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)))');
    release();
    await page.locator('.dash-chart__plot canvas').first().waitFor();
    await page.locator('table[data-group="dash-by-ambassador"]').waitFor();
    await page.unroute('**/api/v1/auth/me');
    return layoutShifts(page);
  }

  beforeAll(async () => {
    browser = await chromium.connect(inject('wsEndpoint'));
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    for (const created of contexts) await created.close();
    await browser?.close();
  });

  it('uses a laptop’s width: every breakdown shows its EMV column, networks by name, dates in the page’s language', async () => {
    const { page, errors } = await demoAdmin(LAPTOP);
    await openDashboard(page);
    await shot(page, 'layout-dashboard-1366');

    // Each breakdown fits the page: nothing hidden behind a scrollbar while the screen has room beside it.
    const wraps = page.locator('.dash-breakdown .table-wrap');
    expect(await wraps.count()).toBe(5);
    for (const wrap of await wraps.all()) {
      const fit = await wrap.evaluate((el) => {
        const box = el as unknown as { scrollWidth: number; clientWidth: number };
        return { scroll: box.scrollWidth, client: box.clientWidth };
      });
      expect(fit.scroll, await wrap.getAttribute('aria-label') ?? '').toBeLessThanOrEqual(fit.client);
      const box = await wrap.boundingBox();
      const emv = await wrap.getByRole('button', { name: 'Valeur média équivalente (EMV)' }).boundingBox();
      expect(emv && box && emv.x + emv.width <= box.x + box.width).toBe(true);
    }

    // Networks by their names, not the API's keys.
    const networks = await page.locator('table[data-group="dash-by-network"] tbody th').allTextContents();
    expect(networks).toEqual(expect.arrayContaining(['LinkedIn', 'X (Twitter)']));
    expect(networks.filter((name) => ['x', 'linkedin', 'facebook', 'instagram', 'email', 'other'].includes(name))).toEqual([]);

    // The chart's axes are labelled, its dates French; the accessible table says the same days.
    const days = Array.from({ length: 30 }, (_, i) => daysAgo(29 - i));
    await expectAxes(page, ['Jour', 'Nombre par jour'], 'fr-FR', days);
    expect(await page.locator('.dash-chart table.visually-hidden tbody th').allTextContents()).toEqual(days.map((day) => dayLabel(day, 'fr-FR')));

    // In English, the same chart speaks English.
    await forgetDrawnTexts(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expectAxes(page, ['Day', 'Count per day'], 'en-GB', days);
    expect(await page.locator('table[data-group="dash-by-network"] tbody th').allTextContents()).toEqual(expect.arrayContaining(['LinkedIn', 'X (Twitter)']));
    await page.getByRole('button', { name: 'Français' }).click();

    // A fresh visit of the home, signed in: the dashboard loads without pushing what is on screen.
    const shifts = await homeShiftsOnASlowNetwork(page);
    expect(cumulativeShift(shifts), describeShifts(shifts)).toBeLessThanOrEqual(0.1);
    expect(errors).toEqual([]);
  });

  it('never scrolls an admin page sideways on a phone; a wide table scrolls in its own labelled, focusable box', async () => {
    const api = await signedInClient(baseUrl, DEMO_ADMIN);
    const campaigns = await (await api.api.v1.campaigns.$get({ query: {} })).json();
    const campaignId = campaigns.items[0]?.id ?? '';
    const contents = await (await api.api.v1.contents.$get({ query: { campaignId } })).json();
    const contentId = contents.items[0]?.id ?? '';
    const { page, errors } = await demoAdmin(PHONE);

    const pages: Array<[name: string, path: string, ready: string]> = [
      ['home', '/admin/', 'Par ambassadeur'],
      ['campaigns', '/admin/campaigns/', campaigns.items[0]?.name ?? ''],
      ['campaign-edit', `/admin/campaigns/edit/?id=${campaignId}`, contents.items[0]?.title ?? ''],
      ['campaign-new', '/admin/campaigns/edit/', 'Nouvelle campagne'],
      ['content-edit', `/admin/contents/edit/?id=${contentId}`, 'Aperçu des liens'],
      ['content-new', `/admin/contents/edit/?campaignId=${campaignId}`, 'Aperçu des liens'],
      ['charter', '/admin/charter/', 'Version en vigueur'],
      ['ambassadors', '/admin/ambassadors/', 'Camille Martin'],
      ['api-keys', '/admin/api-keys/', 'Aucune clé pour l’instant'],
      ['team', '/admin/team/', 'Admin Demo'],
      ['settings', '/admin/settings/', 'Visibilité des ambassadeurs'],
    ];
    const overflowing: Record<string, unknown> = {};
    for (const [name, path, ready] of pages) {
      await open(page, path);
      // Visible only: the dashboard's closed export menu holds a hidden "Par ambassadeur" link too.
      await page.getByText(ready, { exact: false }).filter({ visible: true }).first().waitFor();
      if (name === 'home') await page.locator('.dash-chart__plot canvas').first().waitFor();
      await shot(page, `layout-${name}-390`);
      const scroll = await sidewaysScroll(page);
      const unreachable = scroll.scrollers.filter((s) => s.tabindex !== '0' || !s.label);
      if (scroll.page > 0 || unreachable.length > 0) overflowing[name] = { page: scroll.page, tooWide: scroll.tooWide, unreachable };
    }
    expect(overflowing).toEqual({});

    // The dashboard's tables do not fit 390 px: each scrolls inside its own named group, which a keyboard reaches.
    await open(page, '/admin/');
    await page.locator('table[data-group="dash-by-content"]').waitFor();
    const wrap = page.getByRole('group', { name: 'Par contenu' });
    expect(await wrap.getAttribute('tabindex')).toBe('0');
    const shifts = await homeShiftsOnASlowNetwork(page);
    expect(cumulativeShift(shifts), describeShifts(shifts)).toBeLessThanOrEqual(0.1);
    expect(errors).toEqual([]);
  });

  it('shows a signed-out visitor the way in from the first paint: no 401 probe, no layout shift, no console error', async () => {
    for (const options of [LAPTOP, PHONE]) {
      const page = await (await context(options)).newPage();
      const errors = collectErrors(page);
      const probes: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/v1/auth/me')) probes.push(request.url());
      });
      await open(page, '/admin/');
      await page.getByRole('heading', { name: 'Bienvenue' }).waitFor();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('État du service\u00a0: ok');
      const shifts = await layoutShifts(page);
      expect(cumulativeShift(shifts), describeShifts(shifts)).toBeLessThanOrEqual(0.1);
      expect((await sidewaysScroll(page)).page).toBe(0);
      await open(page, '/admin/login/');
      await page.getByRole('button', { name: 'Se connecter' }).waitFor();
      await open(page, '/admin/join/#jeton-exemple');
      await page.getByText('Créer mon accès').first().waitFor();
      expect((await sidewaysScroll(page)).page).toBe(0);
      expect(probes).toEqual([]);
      expect(errors).toEqual([]);
    }

    // Before any script runs, the page the Worker served already shows the right state.
    const signedOut = await (await context({ ...LAPTOP, javaScriptEnabled: false })).newPage();
    await signedOut.goto(`${baseUrl}/admin/`);
    expect(await signedOut.getByRole('heading', { name: 'Bienvenue' }).isVisible()).toBe(true);
    expect(await signedOut.getByRole('link', { name: 'Se connecter' }).first().isVisible()).toBe(true);
    expect(await signedOut.locator('.home-pending').isVisible()).toBe(false);

    const { page } = await demoAdmin(LAPTOP);
    const signedIn = await (await context({ ...LAPTOP, javaScriptEnabled: false, storageState: await page.context().storageState() })).newPage();
    await signedIn.goto(`${baseUrl}/admin/`);
    expect(await signedIn.getByRole('heading', { name: 'Bienvenue' }).isVisible()).toBe(false);
    expect(await signedIn.getByRole('link', { name: 'Se connecter' }).isVisible()).toBe(false);
    expect(await signedIn.locator('.home-pending').isVisible()).toBe(true);
  });

  it('draws an ambassador’s clicks per day on a phone, with French axes and the same numbers as a table', async () => {
    const owner = await createOrganisation(baseUrl, 'Atelier Mise en page');
    const api = await signedInClient(baseUrl, owner);
    await api.api.v1.charters.$post({ json: { body: '# Charte\n\n- Je partage avec mes mots' } });
    const campaign = await (await api.api.v1.campaigns.$post({ json: { name: 'Portes ouvertes', objective: 'awareness', status: 'active' } })).json();
    const content = await (
      await api.api.v1.contents.$post({ json: { campaignId: campaign.id, kind: 'event', title: 'Nos ateliers ouverts', url: 'https://example.com/ateliers', talkingPoints: '- Une rencontre' } })
    ).json();
    const invited = await (await api.api.v1.ambassadors.$post({ json: { name: 'Camille Martin', email: `camille-${crypto.randomUUID().slice(0, 6)}@e2e.relais.test`, team: 'R&D' } })).json();
    const invitation = new URL(invited.inviteUrl);

    const page = await (await context(PHONE)).newPage();
    const errors = collectErrors(page);
    await joinThroughInvitation(page, `${baseUrl}${invitation.pathname}${invitation.hash}`);
    await page.getByRole('article', { name: 'Nos ateliers ouverts' }).waitFor();

    // Their post's link, then clicks on three days of the last week (the rollup the click pipeline keeps).
    const slug = await page.evaluate(async (contentId) => {
      const res = await fetch('/api/v1/me/shares', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ contentId, network: 'linkedin', text: 'Samedi, nos ateliers ouvrent leurs portes : venez nous voir !' }),
      });
      return ((await res.json()) as { link: { slug: string } }).link.slug;
    }, content.id);
    const db = bridgedDb(inject('d1Url'));
    const link = await db.select().from(schema.links).where(eq(schema.links.slug, slug)).get();
    if (!link) throw new Error(`no link ${slug}`);
    const clicks: Array<[day: string, clicks: number]> = [[daysAgo(6), 3], [daysAgo(2), 5], [daysAgo(0), 1]];
    const recent = Array.from({ length: 40 }, (_, i) => daysAgo(i));
    await db.insert(schema.dailyLinkStats).values(
      clicks.map(([day, count]) => ({
        organisationId: link.organisationId, day, linkId: link.id, ambassadorId: link.ambassadorId, contentId: link.contentId,
        campaignId: campaign.id, network: link.network, clicks: count, uniqueVisitors: count,
      })),
    );

    await page.getByRole('link', { name: 'Mes résultats' }).click();
    await page.waitForURL(`${baseUrl}/me/results/`);
    await hydrated(page);
    await page.locator('.me-chart__plot canvas').waitFor();
    await expectAxes(page, ['Jour', 'Clics'], 'fr-FR', recent);
    await shot(page, 'layout-me-results-390');

    // The accessible alternative: a row per day of the period, the clicks of each.
    const rows = page.locator('.me-chart table.visually-hidden tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(28);
    for (const [day, count] of clicks) {
      const row = rows.filter({ has: page.locator('th', { hasText: new RegExp(`^${dayLabel(day, 'fr-FR')}$`) }) });
      expect(await row.locator('td').allTextContents()).toEqual([String(count)]);
    }
    expect(await page.locator('.me-chart table.visually-hidden caption').textContent()).toBe('Clics par jour');
    expect((await sidewaysScroll(page)).page).toBe(0);

    await forgetDrawnTexts(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expectAxes(page, ['Day', 'Clicks'], 'en-GB', recent);
    expect(errors).toEqual([]);
  });
});
