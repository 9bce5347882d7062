/**
 * Preview cards and the organisation's identity (issue 11, item 7): the admin sets the logo and saves a content
 * whose page has Open Graph tags, sees the card Relais read; the ambassador, on a phone, sees the card and the
 * organisation's name and logo, every image loaded from our origin. The pages live on the fake web
 * (tests/fake-web.ts), Miniflare's outbound service: nothing reaches the internet.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ambassadorContext, ARTIFACTS, axeViolations, createOrganisation, cumulativeShift, hydrated, layoutShifts, open, PHONE, signedInClient, signedInContext } from './admin-helpers';
import { sharedBrowser } from './shared-browser';

const serious = (violations: Awaited<ReturnType<typeof axeViolations>>) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** Whether the `<img>` finished loading real pixels. */
const loaded = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((img) => {
    const { complete, naturalWidth } = img as unknown as { complete: boolean; naturalWidth: number };
    return complete && naturalWidth > 0;
  });

describe('preview cards and the organisation’s logo', () => {
  const baseUrl = inject('baseUrl');
  const browserOf = sharedBrowser();

  it('reads the card when the admin saves the content, and shows it to the ambassador with the organisation’s logo, all from our origin', async () => {
    const browser = browserOf();
    const owner = await createOrganisation(baseUrl, 'Atelier Lumière');
    const api = await signedInClient(baseUrl, owner);
    const campaign = await (await api.api.v1.campaigns.$post({ json: { name: 'Recrutement', objective: 'recruitment', status: 'active' } })).json();

    // The admin gives the organisation its logo in the settings.
    const { context: adminContext, page: admin } = await signedInContext(browser, owner);
    await open(admin, '/admin/settings/');
    await admin.getByLabel('URL du logo').fill('https://cdn.example.com/logo.png');
    await admin.getByRole('button', { name: 'Enregistrer', exact: true }).first().click();
    await admin.getByText('Enregistré.').first().waitFor();
    expect(serious(await axeViolations(admin))).toEqual([]);

    // Then saves a content whose page announces its card, and sees that card at once.
    await open(admin, `/admin/contents/edit/?campaignId=${campaign.id}`);
    await admin.getByLabel('Titre').fill('Trois postes à Lyon');
    await admin.getByLabel('URL du contenu').fill('https://news.example.com/article');
    await admin.getByRole('button', { name: 'Créer le contenu' }).click();
    const panel = admin.getByRole('region', { name: 'Aperçu de la page' });
    await panel.getByText('Nous recrutons & formons').waitFor();
    await panel.getByText('Trois postes ouverts à Lyon, en CDI.').waitFor();
    await expect.poll(() => loaded(admin, '.link-preview img')).toBe(true);
    expect(new URL(await panel.locator('img').getAttribute('src') ?? '', baseUrl).origin).toBe(baseUrl);
    await panel.getByRole('button', { name: 'Relire l’aperçu' }).click();
    await panel.getByText('Aperçu relu.').waitFor();
    expect(serious(await axeViolations(admin))).toEqual([]);
    await adminContext.close();

    // The ambassador, on a phone: the card with its image, the organisation's name and logo, nothing from elsewhere.
    const { context } = await ambassadorContext(browser, api, 'Noé Martin', PHONE);
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${baseUrl}/me/`);
    await hydrated(page);
    const card = page.getByRole('article', { name: 'Trois postes à Lyon' });
    await card.getByText('Nous recrutons & formons').waitFor();
    await card.getByText('Trois postes ouverts à Lyon, en CDI.').waitFor();
    const image = card.locator('.link-preview img');
    expect(await image.getAttribute('alt')).toBe('');
    expect(await image.getAttribute('loading')).toBe('lazy');
    const src = new URL((await image.getAttribute('src')) ?? '', baseUrl);
    expect(src.origin).toBe(baseUrl);
    expect(src.pathname).toMatch(/^\/api\/v1\/contents\/[^/]+\/image$/);
    await expect.poll(() => loaded(page, '.me-card .link-preview img')).toBe(true);

    const header = page.locator('.me-topbar');
    await header.getByText('Atelier Lumière').waitFor();
    await expect.poll(() => loaded(page, '.me-org img')).toBe(true);
    expect(new URL((await header.locator('.me-org img').getAttribute('src')) ?? '', baseUrl).pathname).toBe('/api/v1/organisation/logo');

    // The header's name and logo, and the card's image box, arrive without pushing the page down.
    const shifts = await layoutShifts(page);
    expect(cumulativeShift(shifts), JSON.stringify(shifts)).toBeLessThanOrEqual(0.1);
    expect(serious(await axeViolations(page))).toEqual([]);
    await page.screenshot({ path: new URL('preview-cards-feed.png', ARTIFACTS).pathname, fullPage: true });
    expect(requested.filter((url) => !url.startsWith(`${baseUrl}/`) && !url.startsWith('data:'))).toEqual([]);
    expect(requested).toContain(src.href);
    await context.close();
  });
});
