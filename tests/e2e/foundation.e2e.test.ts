import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { bridgedDb } from './d1-bridge';
import { listClicks } from './fixtures';

const ARTIFACTS = new URL('./artifacts/', import.meta.url);
// A desktop Chrome user agent: headless Chromium announces itself as "HeadlessChrome",
// which the click pipeline rightly files as automated rather than as a person's click.
const DESKTOP_CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Safari/537.36';

describe('foundation', () => {
  const baseUrl = inject('baseUrl');
  const link = inject('link');
  let browser: Browser;
  let context: BrowserContext;
  const db = bridgedDb(inject('d1Url'));

  beforeAll(async () => {
    browser = await chromium.connect(inject('wsEndpoint'));
    context = await browser.newContext({ locale: 'fr-FR', userAgent: DESKTOP_CHROME });
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('shows the admin in French, switches to English, and reports the worker healthy', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin/`);

    await page.getByRole('heading', { level: 1, name: 'Relais' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await expect.poll(() => page.getByRole('status').textContent()).toBe('État du service\u00a0: ok');
    await page.screenshot({ path: new URL('admin-fr.png', ARTIFACTS).pathname, fullPage: true });

    await page.getByRole('button', { name: 'English' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('status').textContent()).toBe('Service status: ok');
    expect(await page.title()).toBe('Relais — admin');
    await page.close();
  });

  it('follows a short link to the content with its tracking parameters and records one human click', async () => {
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}/${link.slug}`);

    expect(response?.status()).toBe(200);
    const landed = new URL(page.url());
    const target = new URL(link.targetUrl);
    expect(landed.origin + landed.pathname).toBe(target.origin + target.pathname);
    expect(Object.fromEntries(landed.searchParams)).toEqual({
      ref: 'careers',
      utm_source: link.network,
      utm_medium: 'employee_advocacy',
      utm_campaign: link.campaignSlug,
      utm_content: link.contentSlug,
      rl_cid: expect.any(String),
    });
    await page.getByRole('heading', { name: 'Landing page' }).waitFor();
    await page.close();

    const clicks = await vi.waitUntil(
      async () => {
        const rows = await listClicks(db, link.linkId, 'human');
        return rows.length > 0 ? rows : false;
      },
      { timeout: 15_000, interval: 500 },
    );
    expect(clicks).toEqual([expect.objectContaining({ id: landed.searchParams.get('rl_cid'), class: 'human' })]);
  });
});
