/**
 * The Compliance page (issue 12, item 2): an owner reads the CSE note and the DPIA written from the organisation's
 * real settings, switches the document's language, prints it alone (print media: no navigation, no controls) and
 * downloads it as Markdown. axe-core on the page.
 */
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, axeScanner, createOrganisation, hydrated, signedInClient, signedInContext } from './admin-helpers';

describe('compliance page', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  const { violations, scan } = axeScanner('compliance');

  beforeAll(async () => {
    browser = await chromium.connect(inject('wsEndpoint'));
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows both documents with the real settings, prints the document alone and downloads Markdown', async () => {
    const owner = await createOrganisation(baseUrl, 'Brasserie Tabarly');
    const api = await signedInClient(baseUrl, owner);
    expect((await api.api.v1.organisation.$patch({ json: { privacyContact: 'dpo@tabarly.example', retentionMonths: 13 } })).status).toBe(200);
    const { context, page } = await signedInContext(browser, owner);
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Conformité' }).click();
    await page.waitForURL(`${baseUrl}/admin/compliance/`);
    await hydrated(page);
    const document = page.locator('article.compliance-document');
    await document.getByRole('heading', { level: 1, name: 'Note d’information du CSE — Brasserie Tabarly' }).waitFor();
    await document.getByText('dpo@tabarly.example').first().waitFor();
    await document.getByText('13 mois', { exact: false }).first().waitFor();
    await scan(page, 'cse-note');

    await page.getByLabel('AIPD (projet)').check();
    await page.getByLabel('English').check();
    await document.getByRole('heading', { level: 2, name: '3. Risks' }).waitFor();
    await document.getByText('13 months', { exact: false }).first().waitFor();
    await scan(page, 'dpia-en');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Télécharger en Markdown' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('dpia-en.md');
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toMatch(/^# Data protection impact assessment \(DPIA\) — draft — Brasserie Tabarly/);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.topbar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(false);
    expect(await page.locator('main > h1').isVisible()).toBe(false);
    expect(await document.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(true);

    await context.close();
    expect(violations).toEqual({});
  });
});
