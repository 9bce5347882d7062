/**
 * Issue 12, item 1, walked by an audience member on a phone: from a dead link's 404 page to `/privacy`, the objection
 * set with one button, then a short link that lands without a click id; the objection withdrawn, and the click id is
 * back. The page passes axe-core in both languages.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, collectErrors, PHONE } from './admin-helpers';

/** Follows the seeded short link and answers where the browser landed. */
async function land(page: Page): Promise<URL> {
  await page.goto(`${inject('baseUrl')}/${inject('link').slug}`);
  await page.waitForURL((url) => url.pathname.startsWith('/offres/'));
  return new URL(page.url());
}

describe('the audience’s objection (issue 12, item 1)', () => {
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await chromium.connect(inject('wsEndpoint'));
    context = await browser.newContext(PHONE);
    context.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('objects from /privacy in one click, after which a short link carries no click id, and withdraws it', async () => {
    const page = await context.newPage();
    const baseUrl = inject('baseUrl');

    // Before: the link lands with its click id, and no cookie was set.
    expect((await land(page)).searchParams.get('rl_cid')).toBeTruthy();
    expect(await context.cookies(baseUrl)).toEqual([]);

    // A dead link's page says where to read about one's data.
    await page.goto(`${baseUrl}/lien-inconnu-404`);
    // From here on, nothing fails (the 404 above is the page's own answer).
    const errors = collectErrors(page);
    await page.getByRole('link', { name: 'Vos données et la mesure des clics' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vos données quand vous cliquez sur un lien Relais' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Je m’oppose à la mesure' }).click();
    await page.getByRole('status').filter({ hasText: 'Vous vous êtes opposé·e à la mesure sur ce navigateur' }).waitFor();
    const [cookie] = await context.cookies(baseUrl);
    expect(cookie).toMatchObject({ name: 'relais_optout', value: '1', path: '/', httpOnly: true, sameSite: 'Lax' });
    // 13 months, ≈ 395 days from now.
    expect(Math.round(((cookie?.expires ?? 0) * 1000 - Date.now()) / 86_400_000)).toBe(395);

    const objected = await land(page);
    expect(objected.searchParams.has('rl_cid')).toBe(false);
    expect(objected.searchParams.get('utm_source')).toBeTruthy();

    // In English, and back: the objection withdrawn, the click id returns.
    await page.goto(`${baseUrl}/privacy?lang=en`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'I withdraw my objection' }).click();
    await page.getByRole('status').filter({ hasText: 'The measurement described above applies' }).waitFor();
    expect(await context.cookies(baseUrl)).toEqual([]);
    expect((await land(page)).searchParams.get('rl_cid')).toBeTruthy();
    expect(errors).toEqual([]);
  });
});
