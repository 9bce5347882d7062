/**
 * What a new communications manager tripped on in their first hour (issue 11), walked as they did: the
 * edit forms show the saved values, a charter version is previewed and confirmed before it makes everyone
 * accept again, and the settings name every mistake at once. Each run has its own organisation.
 */
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, axeViolations, createOrganisation, open, shot, signedInClient, signedInSession } from './admin-helpers';

/** The label of the option a select shows. */
const shownOption = (select: Locator) => select.locator('option:checked').textContent();

describe('an admin’s first hour', () => {
  const baseUrl = inject('baseUrl');
  const landingUrl = inject('landingUrl');
  let browser: Browser;
  let session: BrowserContext;
  let api: Awaited<ReturnType<typeof signedInClient>>;

  beforeAll(async () => {
    browser = await chromium.connect(inject('wsEndpoint'));
    await mkdir(ARTIFACTS, { recursive: true });
    const owner = await createOrganisation(baseUrl, 'Atelier Garonne');
    api = await signedInClient(baseUrl, owner);
    session = await signedInSession(browser, owner);
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
  });

  it('sees an active recruitment campaign and its job offer as they are saved, and saving one change keeps the rest', async () => {
    // A draft awareness campaign first: a form that falls back to the first option would show its values.
    await api.api.v1.campaigns.$post({ json: { name: 'Notoriété de la marque', objective: 'awareness', status: 'draft' } });
    const campaign = await (await api.api.v1.campaigns.$post({ json: { name: 'Recrutement Toulouse', objective: 'recruitment', status: 'active' } })).json();
    const content = await (await api.api.v1.contents.$post({ json: { campaignId: campaign.id, kind: 'job', title: 'Développeuse backend — Toulouse', url: `${landingUrl}/offres/7` } })).json();

    const page = await session.newPage();
    await open(page, `/admin/campaigns/edit/?id=${campaign.id}`);
    expect(await shownOption(page.getByLabel('Objectif'))).toBe('Recrutement');
    expect(await shownOption(page.getByLabel('Statut'))).toBe('Active');
    await page.getByLabel('Nom', { exact: true }).fill('Recrutement Toulouse 2027');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Enregistré.').waitFor();
    const savedCampaign = await (await api.api.v1.campaigns[':id'].$get({ param: { id: campaign.id } })).json();
    expect(savedCampaign).toMatchObject({ name: 'Recrutement Toulouse 2027', objective: 'recruitment', status: 'active' });

    await open(page, `/admin/contents/edit/?id=${content.id}`);
    expect(await shownOption(page.getByLabel('Type'))).toBe('Offre d’emploi');
    expect(await shownOption(page.getByLabel('Campagne'))).toBe('Recrutement Toulouse 2027');
    await page.getByLabel('Titre').fill('Développeuse backend confirmée — Toulouse');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Enregistré.').waitFor();
    const savedContent = await (await api.api.v1.contents[':id'].$get({ param: { id: content.id } })).json();
    expect(savedContent).toMatchObject({ title: 'Développeuse backend confirmée — Toulouse', kind: 'job', campaignId: campaign.id });
    await page.close();
  });

  it('previews a new charter version and is told who must accept it again before publishing', async () => {
    await api.api.v1.charters.$post({ json: { body: '# Charte\n\n- Je partage avec mes mots' } });
    const page = await session.newPage();
    await open(page, '/admin/charter/');
    await page.getByRole('region', { name: 'Version en vigueur : 1' }).waitFor();
    await page.getByLabel('Texte de la charte').fill('# Charte\n\n- Je partage avec mes mots\n- Je ne parle jamais des *clients* sans leur accord');
    await page.getByRole('button', { name: 'Prévisualiser et publier' }).click();
    const confirm = page.getByRole('dialog', { name: 'Publier la version 2 ?' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Les 0 ambassadeurs qui ont accepté la version 1 devront accepter celle-ci avant leur prochain lien.');
    expect(await confirm.locator('em').textContent()).toBe('clients');
    expect((await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await shot(page, 'charter-confirm');
    // Escape cancels, as in any dialog: still version 1.
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'hidden' });
    const versions = await (await api.api.v1.charters.$get({ query: {} })).json();
    expect(versions.items.map((c) => c.version)).toEqual([1]);

    await page.getByRole('button', { name: 'Prévisualiser et publier' }).click();
    await confirm.getByRole('button', { name: 'Publier la version 2' }).click();
    await page.getByText('Version 2 publiée.').waitFor();
    await page.getByRole('region', { name: 'Version en vigueur : 2' }).waitFor();
    await page.close();
  });

  it('names every mistake in the settings at once, next to each field, and focuses the first', async () => {
    const page = await session.newPage();
    await open(page, '/admin/settings/');
    const currency = page.getByLabel('Devise');
    const cpc = page.getByRole('group', { name: 'LinkedIn' }).getByLabel('Coût par clic');
    await currency.fill('euro');
    await cpc.fill('-1');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect.poll(() => currency.getAttribute('aria-invalid')).toBe('true');
    expect(await cpc.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#f-currency-error').textContent()).toBe('Must be an ISO 4217 code such as EUR');
    expect(await page.locator('#f-rates-linkedin-cpc-error').textContent()).toBe('Must be zero or more');
    expect(await currency.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await shot(page, 'settings-errors');

    await currency.fill('EUR');
    await cpc.fill('2.5');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Enregistré.').waitFor();
    expect(await currency.getAttribute('aria-invalid')).toBeNull();
    expect(await cpc.getAttribute('aria-invalid')).toBeNull();
    await page.close();
  });

  it('replaces the shipped “Sharing well” guide with the organisation’s own, then goes back to it', async () => {
    const page = await session.newPage();
    await open(page, '/admin/settings/');
    const guide = page.getByLabel('Votre guide');
    expect(await guide.inputValue()).toBe('');
    await guide.fill('## Chez Atelier Garonne\n\n- Parlez de **votre** atelier');
    await page.getByRole('button', { name: 'Enregistrer le guide' }).click();
    await page.getByRole('region', { name: 'Guide « Bien partager »' }).getByText('Enregistré.').waitFor();
    expect((await (await api.api.v1.organisation.$get()).json()).sharingGuide).toBe('## Chez Atelier Garonne\n\n- Parlez de **votre** atelier');
    await guide.fill('');
    await page.getByRole('button', { name: 'Enregistrer le guide' }).click();
    await page.getByText('les ambassadeurs lisent le guide de Relais', { exact: false }).last().waitFor();
    expect((await (await api.api.v1.organisation.$get()).json()).sharingGuide).toBeNull();
    await page.close();
  });
});
