/**
 * Issue 11, item 10: a careers-site developer opens the API reference. Every request the page makes stays on
 * this deployment (Scalar's bundle, the document, fonts: nothing from a third party), no SaaS button ("Ask AI",
 * "Generate MCP", "Deploy") shows, and the r.js integration guide is a page of the reference.
 */
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, newContext } from './admin-helpers';
import { sharedBrowser } from './shared-browser';

describe('the API reference', () => {
  const baseUrl = inject('baseUrl');
  const browser = sharedBrowser();

  it('fetches nothing from a third party, shows no SaaS button, and carries the r.js guide', async () => {
    const context = await newContext(browser(), 'en-GB');
    const requests: string[] = [];
    const refused: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    context.on('console', (message) => {
      if (/Content Security Policy violation|net::ERR/i.test(message.text())) refused.push(message.text());
    });
    const page = await context.newPage();
    // A request the policy blocks never reaches the network: the violation event tells of it all the same. (Scalar's
    // bundled zod probes `new Function` once, which the policy refuses as `eval`: not a request, so not counted.)
    await page.addInitScript({
      content: "document.addEventListener('securitypolicyviolation', (e) => { if (/^https?:/.test(e.blockedURI)) console.error('Content Security Policy violation: ' + e.blockedURI); })",
    });
    await page.goto(`${baseUrl}/api/docs`);
    await page.getByRole('heading', { name: 'Relais API', level: 1 }).waitFor({ timeout: 30_000 });
    const guide = page.getByRole('heading', { name: 'Reporting conversions from your site (r.js)' });
    await guide.waitFor();
    await page.waitForLoadState('networkidle');

    const origin = new URL(baseUrl).origin;
    const foreign = requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin);
    expect(foreign).toEqual([]);
    expect(requests.some((url) => url.endsWith('/assets/scalar/standalone.js'))).toBe(true);
    expect(refused).toEqual([]);

    // Scalar shows these by default on localhost, where this test runs: configuration hides them.
    for (const button of ['Ask AI', 'Generate MCP', 'Deploy', 'Developer Tools']) {
      expect(await page.getByText(button, { exact: true }).count(), button).toBe(0);
      expect(await page.getByRole('button', { name: button }).count(), button).toBe(0);
    }
    // The fonts are the system's: no web font was loaded.
    expect(await page.evaluate("[...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family)")).toEqual([]);

    // The guide: a heading of the reference, with its steps and snippets.
    await guide.scrollIntoViewIfNeeded();
    expect(await guide.isVisible()).toBe(true);
    expect(await page.getByText('Relais.consent(true)').first().isVisible()).toBe(true);
    await page.screenshot({ path: new URL('api-docs.png', ARTIFACTS).pathname });
    await context.close();
  });
});
