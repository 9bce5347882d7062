/**
 * Every page of the site under its Content-Security-Policy in a real browser: the islands hydrate and the
 * browser reports no violation, signed in as an admin, as an ambassador, and signed out. Signed-out
 * visitors of a page that needs a session reach the sign-in or join page through an HTTP redirect, so the
 * page they asked for never starts loading only to be left (the cause of `net::ERR_ABORTED`).
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ambassadorContext, createOrganisation, hydrated, newContext, signedInClient, signedInContext } from './admin-helpers';

const ADMIN_PAGES = ['/admin/', '/admin/campaigns/', '/admin/campaigns/edit/', '/admin/contents/edit/', '/admin/charter/', '/admin/ambassadors/', '/admin/api-keys/', '/admin/team/', '/admin/settings/'];
const ME_PAGES = ['/me/', '/me/charter/', '/me/results/', '/me/profile/', '/me/guide/', '/me/privacy/', '/me/share/'];
const PUBLIC_PAGES = ['/admin/', '/admin/login/', '/admin/join/', '/me/join/'];

/** Collects, per page, what the browser refused under the policy (console reports and violation events). */
function watchPolicy(context: BrowserContext): string[] {
  const refused: string[] = [];
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  return refused;
}

describe('pages under their security policy', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.connect(inject('wsEndpoint'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens each path, waits for the islands, and returns what the policy refused. */
  async function visitAll(context: BrowserContext, paths: string[]): Promise<{ refused: string[]; pages: Record<string, string> }> {
    const refused = watchPolicy(context);
    const page: Page = await context.newPage();
    // Violation events too, in case a refusal is not reported on the console (init scripts run outside the policy).
    await page.addInitScript({
      content: "document.addEventListener('securitypolicyviolation', (e) => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI))",
    });
    const landed: Record<string, string> = {};
    for (const path of paths) {
      const response = await page.goto(`${baseUrl}${path}`);
      expect(response?.status(), path).toBe(200);
      expect(response?.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
      await hydrated(page);
      landed[path] = new URL(page.url()).pathname;
    }
    await page.close();
    return { refused, pages: landed };
  }

  it('runs every admin page without a violation, signed in', async () => {
    const owner = await createOrganisation(baseUrl, 'Politique de sécurité');
    const { context } = await signedInContext(browser, owner);
    const { refused, pages } = await visitAll(context, ADMIN_PAGES);
    expect(refused).toEqual([]);
    expect(Object.values(pages)).toEqual(ADMIN_PAGES);
    await context.close();
  });

  it('runs every page of the ambassador’s space without a violation, signed in', async () => {
    const owner = await createOrganisation(baseUrl, 'Espace sous politique');
    const api = await signedInClient(baseUrl, owner);
    const { context } = await ambassadorContext(browser, api, 'Lou Bernard');
    const { refused, pages } = await visitAll(context, ME_PAGES);
    expect(refused).toEqual([]);
    // No charter is published in this organisation, so every page is the page asked for.
    expect(Object.values(pages)).toEqual(ME_PAGES);
    await context.close();
  });

  it('redirects a signed-out visitor before the page loads, and runs the public pages without a violation', async () => {
    const context = await newContext(browser, 'fr-FR');
    const page = await context.newPage();
    for (const [path, target] of [
      ['/me/results/', '/me/join/'],
      ['/me/', '/me/join/'],
      ['/admin/settings/', '/admin/login/?next=%2Fadmin%2Fsettings%2F'],
    ] as const) {
      const response = await page.goto(`${baseUrl}${path}`);
      expect(response?.status(), path).toBe(200);
      expect(response?.request().redirectedFrom()?.url(), path).toBe(`${baseUrl}${path}`);
      expect(page.url(), path).toBe(`${baseUrl}${target}`);
    }
    await page.close();
    const { refused, pages } = await visitAll(context, PUBLIC_PAGES);
    expect(refused).toEqual([]);
    expect(Object.values(pages)).toEqual(PUBLIC_PAGES);
    await context.close();
  });

  it('renders the API reference without a violation', async () => {
    const context = await newContext(browser, 'en-GB');
    const refused = watchPolicy(context);
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}/api/docs`);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.getByRole('heading', { name: 'Relais API', level: 1 }).waitFor({ timeout: 30_000 });
    expect(refused).toEqual([]);
    await context.close();
  });
});
