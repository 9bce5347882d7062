/**
 * The ambassador's transparency (issue 12, item 3) on a phone: the invitation page shows, before joining, what the
 * programme would keep, who would see it and for how long (the organisation's real settings); once joined,
 * /me/privacy/ shows the same under the current visibility, with the export and leaving. axe-core on each page.
 */
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, axeScanner, createOrganisation, hydrated, signedInClient } from './admin-helpers';
import { PHONE } from './me-helpers';

describe('ambassador transparency', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let phone: BrowserContext;
  const { violations, scan } = axeScanner('transparency');

  beforeAll(async () => {
    browser = await chromium.connect(inject('wsEndpoint'));
    await mkdir(ARTIFACTS, { recursive: true });
    phone = await browser.newContext(PHONE);
    phone.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await phone?.close();
    await browser?.close();
  });

  it('shows what is kept, who sees it and for how long before joining and after, with export and leave', async () => {
    const api = await signedInClient(baseUrl, await createOrganisation(baseUrl, 'Coopérative Lumière'));
    expect((await api.api.v1.organisation.$patch({ json: { privacyContact: 'dpo@lumiere.example', auditRetentionMonths: 18 } })).status).toBe(200);
    const invited = await api.api.v1.ambassadors.$post({ json: { name: 'Camille Martin', email: `camille-${crypto.randomUUID().slice(0, 8)}@e2e.relais.test` } });
    const { inviteUrl } = await invited.json();
    const page = await phone.newPage();

    // Before joining: the invitation page tells exactly what joining would store.
    await page.goto(inviteUrl);
    await hydrated(page);
    const before = page.getByRole('region', { name: 'Ce qui est conservé à votre sujet, qui le voit et combien de temps' });
    await before.waitFor();
    await before.getByText('Coopérative Lumière').waitFor();
    await before.getByText('dpo@lumiere.example').waitFor();
    await before.locator('.transparency-visibility').filter({ hasText: 'Réglage actuel « sur consentement »' }).waitFor();
    await before.getByText('Nom, e-mail, nom affiché, équipe, profil, langue').waitFor();
    await before.getByText('Jamais les analystes', { exact: false }).first().waitFor();
    await expect.poll(() => before.locator('dd').allTextContents()).toContainEqual(expect.stringContaining('Tant que l’ambassadeur participe'));
    await scan(page, 'join');
    await page.getByRole('button', { name: 'Je rejoins' }).click();
    await page.waitForURL((url) => url.pathname !== '/me/join/');

    // The organisation names everyone (works council informed): the page says so at once.
    expect((await api.api.v1.organisation.$patch({ json: { ambassadorVisibility: 'all', cseInformedOn: '2026-10-01' } })).status).toBe(200);
    await page.goto(`${baseUrl}/me/privacy/`);
    await hydrated(page);
    const after = page.getByRole('region', { name: 'Ce qui est conservé à votre sujet, qui le voit et combien de temps' });
    await after.locator('.transparency-visibility').filter({ hasText: 'Réglage actuel « tous » (CSE informé le 2026-10-01)' }).waitFor();
    await after.getByText('18 mois', { exact: false }).first().waitFor();
    await scan(page, 'privacy');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger mes données (JSON)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^relais-export-/);
    await page.getByRole('button', { name: 'Quitter le programme…' }).click();
    await page.getByRole('dialog', { name: 'Quitter le programme\u00a0?' }).getByRole('button', { name: 'Effacer mes données et quitter' }).click();
    await page.getByRole('status').filter({ hasText: 'Vous avez quitté le programme' }).waitFor();

    expect(violations).toEqual({});
  });
});
