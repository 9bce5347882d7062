/**
 * A feed worth opening (issue 11): newest first, talking points rendered from their Markdown, and a job offer
 * the admin closes through the content form leaves the ambassadors' feed on its end date.
 */
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ambassadorContext, ARTIFACTS, axeViolations, createOrganisation, hydrated, open, PHONE, signedInClient, signedInSession } from './admin-helpers';

describe('the ambassador’s feed', () => {
  const baseUrl = inject('baseUrl');
  const landingUrl = inject('landingUrl');
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.connect(inject('wsEndpoint'));
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the newest content first with its ideas rendered, and loses a job offer once the admin closes it', async () => {
    const owner = await createOrganisation(baseUrl, 'Fil Garonne');
    const api = await signedInClient(baseUrl, owner);
    const campaign = await (await api.api.v1.campaigns.$post({ json: { name: 'Recrutement', objective: 'recruitment', status: 'active' } })).json();
    const older = await (await api.api.v1.contents.$post({ json: { campaignId: campaign.id, kind: 'job', title: 'Soudeur·se — Blagnac', url: `${landingUrl}/offres/1`, talkingPoints: '- Ce que vous **aimez** dans l’atelier' } })).json();
    await (await api.api.v1.contents.$post({ json: { campaignId: campaign.id, kind: 'article', title: 'Notre atelier ouvre ses portes', url: `${landingUrl}/blog/portes` } })).json();

    const { context } = await ambassadorContext(browser, api, 'Inès Garcia', PHONE);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/me/`);
    await hydrated(page);
    const titles = page.locator('.me-card h2');
    await expect.poll(() => titles.allTextContents()).toEqual(['Notre atelier ouvre ses portes', 'Soudeur·se — Blagnac']);
    const card = page.getByRole('article', { name: 'Soudeur·se — Blagnac' });
    expect(await card.locator('strong').textContent()).toBe('aimez');
    expect((await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    // The admin closes the offer from its form: from that day it leaves the feed.
    const admin = await signedInSession(browser, owner);
    const form = await admin.newPage();
    await open(form, `/admin/contents/edit/?id=${older.id}`);
    const today = new Date().toISOString().slice(0, 10);
    await form.getByLabel('Retiré du fil le (facultatif)').fill(today);
    await form.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await form.getByText('Enregistré.').waitFor();
    expect((await (await api.api.v1.contents[':id'].$get({ param: { id: older.id } })).json()).endsAt).toBe(`${today}T00:00:00.000Z`);

    await page.reload();
    await hydrated(page);
    await expect.poll(() => titles.allTextContents()).toEqual(['Notre atelier ouvre ses portes']);
    await admin.close();
    await context.close();
  });
});
