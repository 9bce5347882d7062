/**
 * axe-core (WCAG 2.2 A/AA and best practices) on every admin page, filled with real data prepared
 * through the API, at desktop and phone widths, plus the modal dialog. Zero violations allowed.
 */
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, axeViolations, createOrganisation, newContext, open, shot, signedInClient, signedInSession } from './admin-helpers';

type Scan = readonly [name: string, path: string, ready: string];

describe('admin accessibility', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let session: BrowserContext;
  let campaignId = '';
  const found: Record<string, unknown> = {};

  /** Opens each page, waits for its data, screenshots it and keeps axe's violations. */
  async function scan(page: Page, pages: readonly Scan[], suffix = ''): Promise<void> {
    for (const [name, path, ready] of pages) {
      await open(page, path);
      await page.getByText(ready, { exact: false }).first().waitFor();
      await shot(page, `${name}${suffix}`);
      const violations = await axeViolations(page);
      if (violations.length > 0) found[`${name}${suffix}`] = violations;
    }
  }

  beforeAll(async () => {
    browser = await chromium.connect(inject('wsEndpoint'));
    await mkdir(ARTIFACTS, { recursive: true });
    const owner = await createOrganisation(baseUrl, 'Atelier Accessible');
    const api = await signedInClient(baseUrl, owner);
    const campaign = await (await api.api.v1.campaigns.$post({ json: { name: 'Recrutement ingénieurs Lyon', objective: 'recruitment', status: 'active' } })).json();
    campaignId = campaign.id;
    await api.api.v1.contents.$post({ json: { campaignId, kind: 'job', title: 'Ingénieure logiciel embarqué', url: 'https://careers.example/offres/42', talkingPoints: '- Notre équipe' } });
    await api.api.v1.charters.$post({ json: { body: '# Charte\n\n- Je partage avec mes mots' } });
    await api.api.v1.ambassadors.$post({ json: { name: 'Camille Martin', email: 'camille@a11y.relais.test', team: 'R&D', profile: 'expert' } });
    await api.api.v1['api-keys'].$post({ json: { name: 'Site carrières', scopes: ['conversions:write'] } });
    await api.api.v1.admins.$post({ json: { email: 'analyste@a11y.relais.test', name: 'Léa Bernard', role: 'analyst' } });
    session = await signedInSession(browser, owner);
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
  });

  it('finds no violation on any page, signed in or out, wide or narrow, dialogs included', async () => {
    const page = await session.newPage();
    const signedIn: Scan[] = [
      ['home', '/admin/', 'Tableau de bord'],
      ['campaigns', '/admin/campaigns/', 'Recrutement ingénieurs Lyon'],
      ['campaign-edit', `/admin/campaigns/edit/?id=${campaignId}`, 'Ingénieure logiciel embarqué'],
      ['campaign-new', '/admin/campaigns/edit/', 'Nouvelle campagne'],
      ['content-new', `/admin/contents/edit/?campaignId=${campaignId}`, 'Aperçu des liens'],
      ['charter', '/admin/charter/', 'Version en vigueur'],
      ['ambassadors', '/admin/ambassadors/', 'Camille Martin'],
      ['api-keys', '/admin/api-keys/', 'Site carrières'],
      ['team', '/admin/team/', 'Léa Bernard'],
      ['settings', '/admin/settings/', 'Visibilité des ambassadeurs'],
    ];
    await scan(page, signedIn);

    await page.getByRole('button', { name: 'Afficher tous les ambassadeurs…' }).click();
    await page.getByRole('dialog').waitFor();
    const dialog = await axeViolations(page);
    if (dialog.length > 0) found['settings-dialog'] = dialog;

    await page.setViewportSize({ width: 390, height: 844 });
    await scan(page, signedIn.filter(([name]) => ['campaigns', 'content-new', 'ambassadors', 'settings'].includes(name)), '-mobile');
    await page.close();

    const signedOut = await newContext(browser, 'fr-FR');
    await scan(await signedOut.newPage(), [
      ['login', '/admin/login/', 'Se connecter'],
      ['join', '/admin/join/#jeton-exemple', 'Créer mon accès'],
      ['home-signed-out', '/admin/', 'Bienvenue'],
    ]);
    await signedOut.close();
    expect(found).toEqual({});
  });
});
