/**
 * Issue 11, item 12, walked on a slow network: every admin page and every page of the ambassador's space, opened
 * while the API has not answered yet. Each island shows that it is loading (never an empty column), and once the
 * answers arrive the page settles without pushing what was on screen (cumulative layout shift ≤ 0.1, Lighthouse's
 * "good"), with no console error.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectErrors, cumulativeShift, hydrated, layoutShifts, open, PHONE, signedInClient, signIn, type LayoutShift } from './admin-helpers';
import { joinThroughInvitation } from './me-helpers';

const DEMO_ADMIN = { email: 'admin@demo.relais.test', password: 'relais-demo' };
const LAPTOP = { viewport: { width: 1366, height: 768 }, locale: 'fr-FR' } as const;

/** What each island shows once it has its data: a path, and a text that appears only then. */
type Visit = [path: string, ready: string | RegExp];

/** Every island's own text inside `<main>` that a person can see (the page's static heading and lead excluded). */
const VISIBLE_ISLAND_TEXT = `(() => [...document.querySelectorAll('main astro-island')]
  .filter((island) => !island.parentElement?.closest('astro-island'))
  .map((island) => (island instanceof HTMLElement ? island.innerText.trim() : '')))()`;

const describeShifts = (shifts: readonly LayoutShift[]) => shifts.map((s) => `${s.value.toFixed(3)}: ${s.sources.join(' | ')}`).join('\n');

/**
 * Opens `path` with every API answer held until the islands have hydrated and the browser has painted what they
 * show meanwhile; returns that text per island, then the layout shifts once `ready` shows.
 */
async function visitOnASlowNetwork(page: Page, [path, ready]: Visit): Promise<{ meanwhile: string[]; shifts: LayoutShift[] }> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/v1/**', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${inject('baseUrl')}${path}`);
  await hydrated(page);
  // Two animation frames: the second starts only after the first one's paint.
  await page.evaluate('new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)))');
  const meanwhile = await page.evaluate<string[]>(VISIBLE_ISLAND_TEXT);
  release();
  await page.getByText(ready, { exact: false }).filter({ visible: true }).first().waitFor();
  await page.unroute('**/api/v1/**');
  return { meanwhile, shifts: await layoutShifts(page) };
}

describe('pages on a slow network (issue 11, item 12)', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function context(options: Parameters<Browser['newContext']>[0]): Promise<BrowserContext> {
    const created = await browser.newContext(options);
    created.setDefaultTimeout(10_000);
    contexts.push(created);
    return created;
  }

  /** Walks `visits` in `page`: reports each page that showed an empty island, or shifted over 0.1. */
  async function walk(page: Page, visits: Visit[]): Promise<Record<string, unknown>> {
    const found: Record<string, unknown> = {};
    for (const visit of visits) {
      const { meanwhile, shifts } = await visitOnASlowNetwork(page, visit);
      const blank = meanwhile.filter((text) => text === '').length;
      const shift = cumulativeShift(shifts);
      if (blank > 0 || shift > 0.1) found[visit[0]] = { blankIslands: blank, meanwhile, shift: Number(shift.toFixed(3)), shifts: describeShifts(shifts) };
    }
    return found;
  }

  beforeAll(async () => {
    browser = await chromium.connect(inject('wsEndpoint'));
  });

  afterAll(async () => {
    for (const created of contexts) await created.close();
    await browser?.close();
  });

  it('never leaves an admin page blank while it loads, and the page does not jump when the data arrives', async () => {
    const baseUrl = inject('baseUrl');
    const api = await signedInClient(baseUrl, DEMO_ADMIN);
    const campaigns = await (await api.api.v1.campaigns.$get({ query: {} })).json();
    const campaign = campaigns.items[0];
    const contents = await (await api.api.v1.contents.$get({ query: { campaignId: campaign?.id ?? '' } })).json();
    const content = contents.items[0];
    const visits: Visit[] = [
      ['/admin/campaigns/', campaign?.name ?? ''],
      [`/admin/campaigns/edit/?id=${campaign?.id}`, content?.title ?? ''],
      ['/admin/campaigns/edit/', 'Nouvelle campagne'],
      [`/admin/contents/edit/?id=${content?.id}`, 'Aperçu des liens'],
      [`/admin/contents/stats/?id=${content?.id}`, 'Sites d’origine'],
      ['/admin/charter/', 'Version en vigueur'],
      ['/admin/ambassadors/', 'Camille Martin'],
      ['/admin/api-keys/', 'Aucune clé pour l’instant'],
      ['/admin/team/', 'Admin Demo'],
      ['/admin/settings/', 'Visibilité des ambassadeurs'],
      ['/admin/compliance/', 'Finalités'],
      ['/admin/audit-log/', /Aucun changement enregistré|Changements, du plus récent/],
    ];
    for (const options of [LAPTOP, PHONE]) {
      const page = await (await context(options)).newPage();
      const errors = collectErrors(page);
      await open(page, '/admin/login/');
      await signIn(page, DEMO_ADMIN);
      expect(await walk(page, visits)).toEqual({});
      expect(errors).toEqual([]);
    }
  });

  it('never leaves a page of the ambassador’s space blank on a phone while it loads', async () => {
    const baseUrl = inject('baseUrl');
    const api = await signedInClient(baseUrl, DEMO_ADMIN);
    const invited = await (await api.api.v1.ambassadors.$post({ json: { name: 'Lou Lenteur', email: `lou-${crypto.randomUUID().slice(0, 8)}@e2e.relais.test` } })).json();
    const invitation = new URL(invited.inviteUrl);
    const page = await (await context(PHONE)).newPage();
    const errors = collectErrors(page);
    await joinThroughInvitation(page, `${baseUrl}${invitation.pathname}${invitation.hash}`);
    const feed = await page.evaluate(async () => (await (await fetch('/api/v1/me/feed')).json()) as { items: Array<{ id: string; title: string }> });
    const item = feed.items[0];
    const visits: Visit[] = [
      ['/me/', item?.title ?? ''],
      [`/me/share/?contentId=${item?.id}`, item?.title ?? ''],
      ['/me/results/', 'Mes badges'],
      ['/me/profile/', 'Nom affiché'],
      ['/me/charter/', 'Vous avez accepté cette version.'],
      ['/me/guide/', 'Bien partager'],
      ['/me/privacy/', 'Télécharger mes données (JSON)'],
    ];
    expect(await walk(page, visits)).toEqual({});
    expect(errors).toEqual([]);
  });
});
