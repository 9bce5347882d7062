/**
 * The admin site, one test per journey of an HR or communication lead: sign in and prepare a
 * campaign with its content, invite ambassadors, publish the charter, manage API keys, manage the
 * team and settings, and read it all in English. Each run creates its own organisation through the
 * operator endpoint. (axe-core runs over every page in admin-a11y.e2e.test.ts.)
 */
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, createOrganisation, hydrated, newContext, open, shot, signedInSession, signIn, type Owner } from './admin-helpers';

describe('admin', () => {
  const baseUrl = inject('baseUrl');
  const landingUrl = inject('landingUrl');
  let browser: Browser;
  let owner: Owner;
  /** Signed in as the owner once; journeys that are not about signing in reuse it. */
  let session: BrowserContext;

  beforeAll(async () => {
    browser = await chromium.connect(inject('wsEndpoint'));
    owner = await createOrganisation(baseUrl, 'Lumière Industries');
    await mkdir(ARTIFACTS, { recursive: true });
    session = await signedInSession(browser, owner);
  });

  afterAll(async () => {
    await session?.close();
    await browser?.close();
  });

  it('signs in, creates a campaign and its content with a live link preview, and lists them', async () => {
    const context = await newContext(browser, 'fr-FR');
    const page = await context.newPage();

    // Signed out: the campaigns page sends to the sign-in page and back.
    await page.goto(`${baseUrl}/admin/campaigns/`);
    await page.waitForURL(/\/admin\/login\/\?next=%2Fadmin%2Fcampaigns%2F$/);
    await hydrated(page);
    await page.getByLabel('Adresse e-mail').fill(owner.email);
    await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' }).waitFor();
    await signIn(page, owner);
    expect(new URL(page.url()).pathname).toBe('/admin/campaigns/');
    await hydrated(page);

    await page.getByRole('link', { name: 'Créer votre première campagne' }).click();
    await hydrated(page);
    await page.getByRole('button', { name: 'Créer la campagne' }).click();
    const name = page.getByLabel('Nom', { exact: true });
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await name.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await name.getAttribute('aria-describedby')).toBe('f-name-error');
    expect(await page.locator('#f-name-error').textContent()).not.toBe('');

    await name.fill('Recrutement ingénieurs Lyon');
    await page.getByLabel('Objectif').selectOption({ label: 'Recrutement' });
    await page.getByLabel('Début').fill('2026-03-02');
    await page.getByLabel('Statut').selectOption({ label: 'Active' });
    await page.getByRole('button', { name: 'Créer la campagne' }).click();
    await page.getByText('Enregistré.').waitFor();
    expect(new URL(page.url()).searchParams.get('id')).toMatch(/^cmp_/);
    expect(await page.getByLabel('Slug').inputValue()).toBe('recrutement-ingenieurs-lyon');
    await page.getByText('Aucun contenu dans cette campagne.', { exact: false }).waitFor();

    await page.getByRole('link', { name: 'Ajouter un contenu' }).click();
    await hydrated(page);
    await page.getByLabel('Type').selectOption({ label: 'Offre d’emploi' });
    await page.getByLabel('Titre').fill('Ingénieure logiciel embarqué — Lyon');
    await page.getByLabel('URL du contenu').fill(`${landingUrl}/offres/42?ref=careers#postuler`);
    await page.getByLabel('Idées de message').fill('- Ce que j’aime dans l’équipe\n- Le projet sur lequel je travaille');
    await page.getByLabel('X (Twitter)').uncheck();
    const preview = page.getByRole('region', { name: 'Aperçu des liens' });
    const linkedin = `${landingUrl}/offres/42?ref=careers&utm_source=linkedin&utm_medium=employee_advocacy&utm_campaign=recrutement-ingenieurs-lyon&utm_content=`;
    await expect.poll(() => preview.textContent()).toContain(`${linkedin}slug-du-contenu&rl_cid=id-du-clic#postuler`);
    expect(await preview.textContent()).not.toContain('utm_source=x&');
    await page.getByLabel('Slug').fill('ingenieur-embarque-lyon');
    await expect.poll(() => preview.textContent()).toContain(`${linkedin}ingenieur-embarque-lyon&rl_cid=id-du-clic#postuler`);
    await shot(page, 'content-editor');
    await page.getByRole('button', { name: 'Créer le contenu' }).click();
    await page.getByText('Enregistré.').waitFor();
    expect(new URL(page.url()).searchParams.get('id')).toMatch(/^cnt_/);

    await page.getByRole('link', { name: '← Retour à la campagne' }).click();
    await hydrated(page);
    await page.getByRole('link', { name: 'Ingénieure logiciel embarqué — Lyon', exact: true }).waitFor();

    await open(page, '/admin/campaigns/');
    const row = page.getByRole('row', { name: /Recrutement ingénieurs Lyon/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Active');
    await page.getByLabel('Statut').selectOption({ label: 'Brouillon' });
    await page.getByText('Aucune campagne avec ce statut.').waitFor();

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(`${baseUrl}/admin/login/`);
    await open(page, '/admin/settings/');
    await page.waitForURL(/\/admin\/login\/\?next=%2Fadmin%2Fsettings%2F$/);
    await context.close();
  });

  it('tells an admin locked out by too many failed sign-ins when to try again', async () => {
    // 10 failures per account every 15 minutes (services/auth.ts); this account does not exist.
    const email = `nobody-${crypto.randomUUID().slice(0, 6)}@e2e.relais.test`;
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: baseUrl }, body: JSON.stringify({ email, password: 'wrong' }) });
      expect(res.status).toBe(401);
    }
    const context = await newContext(browser, 'fr-FR');
    const page = await context.newPage();
    await open(page, '/admin/login/');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill('wrong');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const alert = page.getByRole('alert').filter({ hasText: /Réessayez dans \d+\u00a0s\./ });
    await alert.waitFor();
    await context.close();
  });

  it('invites an ambassador, copies the one-time link, sends a new one, then erases them', async () => {
    await session.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    const page = await session.newPage();
    await open(page, '/admin/ambassadors/');
    await page.getByText('Aucun ambassadeur pour l’instant.', { exact: false }).waitFor();

    await page.getByLabel('Nom', { exact: true }).fill('Camille Martin');
    await page.getByLabel('Adresse e-mail').fill(`camille-${crypto.randomUUID().slice(0, 6)}@e2e.relais.test`);
    await page.getByLabel('Équipe').fill('R&D Lyon');
    await page.getByLabel('Profil').selectOption({ label: 'Expert' });
    await page.getByRole('button', { name: 'Inviter', exact: true }).click();
    await page.getByRole('heading', { name: 'Lien d’invitation de Camille Martin' }).waitFor();
    const link = page.getByRole('textbox', { name: 'Lien d’invitation' });
    const first = await link.inputValue();
    expect(first).toMatch(new RegExp(`^${baseUrl}/me/join#[A-Za-z0-9_-]{20,}$`));
    expect(await page.getByText('ne fonctionne qu’une fois, pendant 14 jours').count()).toBe(1);
    await page.getByRole('button', { name: 'Copier' }).click();
    await page.getByText('Copié dans le presse-papiers.').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(first);

    const row = page.getByRole('row', { name: /Camille Martin/ });
    await expect.poll(() => row.textContent()).toContain('Invité');
    await row.getByRole('button', { name: 'Nouveau lien' }).click();
    await expect.poll(() => link.inputValue()).not.toBe(first);
    expect(await link.inputValue()).toMatch(/\/me\/join#/);
    await shot(page, 'ambassadors');

    await row.getByRole('button', { name: 'Retirer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Retirer Camille Martin du programme ?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('données personnelles');
    expect(await dialog.textContent()).toContain('continuent de fonctionner');
    await dialog.getByRole('button', { name: 'Effacer et retirer' }).click();
    await page.getByRole('row', { name: /Données effacées/ }).waitFor();
    expect(await page.getByRole('row', { name: /Camille Martin/ }).count()).toBe(0);
    await page.close();
  });

  it('previews the first charter version, publishes it once confirmed, and shows it with its body and acceptances', async () => {
    const page = await session.newPage();
    await open(page, '/admin/charter/');
    await page.getByText('Aucune charte publiée.', { exact: false }).waitFor();
    await page.getByLabel('Texte de la charte').fill('# Notre charte\n\n- Je partage avec **mes mots**\n- Jamais d’information confidentielle');
    expect(await page.getByText('doit être acceptée à nouveau').count()).toBe(1);

    // Publishing asks first, showing the text as ambassadors will read it; cancelling publishes nothing.
    await page.getByRole('button', { name: 'Prévisualiser et publier' }).click();
    const confirm = page.getByRole('dialog', { name: 'Publier la version 1 ?' });
    await confirm.waitFor();
    await confirm.getByRole('heading', { name: 'Notre charte' }).waitFor();
    expect(await confirm.locator('strong').textContent()).toBe('mes mots');
    expect(await confirm.textContent()).toContain('avant de recevoir leur premier lien');
    await confirm.getByRole('button', { name: 'Annuler' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await page.getByText('Aucune charte publiée.', { exact: false }).count()).toBe(1);

    await page.getByRole('button', { name: 'Prévisualiser et publier' }).click();
    await confirm.getByRole('button', { name: 'Publier la version 1' }).click();
    await page.getByText('Version 1 publiée.').waitFor();

    const current = page.getByRole('region', { name: 'Version en vigueur : 1' });
    await current.waitFor();
    await current.getByRole('heading', { name: 'Notre charte' }).waitFor();
    expect(await current.getByRole('listitem').allTextContents()).toEqual(['Je partage avec mes mots', 'Jamais d’information confidentielle']);
    expect(await current.locator('strong').textContent()).toBe('mes mots');

    expect(await current.textContent()).toContain('acceptée par 0');
    const row = page.getByRole('row', { name: /Version 1/ });
    await row.getByRole('button', { name: /Qui l’a acceptée/ }).click();
    await page.getByText('Personne n’a encore accepté cette version.').waitFor();
    await shot(page, 'charter');
    await page.close();
  });

  it('creates an API key, shows its secret once, revokes it and marks it revoked', async () => {
    const page = await session.newPage();
    await open(page, '/admin/api-keys/');
    await page.getByText('Aucune clé pour l’instant.').waitFor();
    await page.getByLabel('Nom', { exact: true }).fill('Site carrières');
    await page.getByLabel('Lire les indicateurs').check();
    await page.getByRole('button', { name: 'Créer la clé' }).click();
    await page.getByRole('heading', { name: 'Clé « Site carrières » créée' }).waitFor();
    const secret = await page.getByLabel('Clé secrète').inputValue();
    expect(secret).toMatch(/^rl_[A-Za-z0-9]{32,}$/);
    await page.getByText('elle ne sera plus jamais affichée', { exact: false }).waitFor();
    // The key is known (403: its scopes do not reach campaigns) until revoked (401: no such key).
    const useKey = () => fetch(`${baseUrl}/api/v1/campaigns`, { headers: { authorization: `Bearer ${secret}` } });
    expect((await useKey()).status).toBe(403);

    await page.getByRole('button', { name: 'J’ai copié la clé' }).click();
    expect(await page.getByLabel('Clé secrète').count()).toBe(0);
    await page.reload();
    await hydrated(page);
    const row = page.getByRole('row', { name: /Site carrières/ });
    await row.waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(await row.textContent()).toContain(secret.slice(0, 8));

    await row.getByRole('button', { name: 'Révoquer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Révoquer la clé « Site carrières » ?' });
    await dialog.getByRole('button', { name: 'Révoquer' }).click();
    await expect.poll(() => row.textContent()).toContain('Révoquée le');
    expect(await row.getByRole('button', { name: 'Révoquer' }).count()).toBe(0);
    expect((await useKey()).status).toBe(401);
    await shot(page, 'api-keys');
    await page.close();
  });

  it('invites an admin who joins with a password, and refuses to remove the last owner', async () => {
    const page = await session.newPage();
    await open(page, '/admin/team/');
    await page.getByRole('row', { name: /Claire Dubois/ }).waitFor();
    const email = `lea-${crypto.randomUUID().slice(0, 6)}@e2e.relais.test`;
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Nom', { exact: true }).fill('Léa Bernard');
    await page.getByLabel('Rôle').selectOption({ label: 'Analyste' });
    await page.getByRole('button', { name: 'Inviter', exact: true }).click();
    const inviteUrl = await page.getByRole('textbox', { name: 'Lien d’invitation' }).inputValue();
    expect(inviteUrl).toMatch(new RegExp(`^${baseUrl}/admin/join#`));

    const owners = page.getByRole('row', { name: /Claire Dubois/ });
    await owners.getByRole('button', { name: 'Retirer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Retirer Claire Dubois ?' });
    await dialog.getByRole('button', { name: 'Retirer' }).click();
    await dialog.getByRole('alert').filter({ hasText: /owner/i }).waitFor();
    await shot(page, 'team');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await page.close();

    const joiner = await newContext(browser, 'fr-FR');
    const joinPage = await joiner.newPage();
    await joinPage.goto(inviteUrl);
    await hydrated(joinPage);
    await expect.poll(() => new URL(joinPage.url()).hash).toBe('');
    await joinPage.getByLabel('Mot de passe', { exact: true }).fill('trop court');
    await joinPage.getByLabel('Confirmez le mot de passe').fill('trop court');
    await joinPage.getByRole('button', { name: 'Créer mon accès' }).click();
    await expect.poll(() => joinPage.getByLabel('Mot de passe', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await joinPage.getByText('Le mot de passe doit contenir au moins 12 caractères.').waitFor();
    await joinPage.getByLabel('Mot de passe', { exact: true }).fill('une phrase assez longue');
    await joinPage.getByLabel('Confirmez le mot de passe').fill('une phrase assez longue');
    await joinPage.getByRole('button', { name: 'Créer mon accès' }).click();
    await joinPage.waitForURL(`${baseUrl}/admin/`);
    await joinPage.getByRole('heading', { name: 'Lumière Industries' }).waitFor();
    expect(await joinPage.getByText(email).count()).toBe(1);
    // An analyst reads but does not write: no invite form, a read-only notice on settings.
    expect(await joinPage.getByRole('link', { name: 'Créer une campagne' }).count()).toBe(0);
    await open(joinPage, '/admin/settings/');
    await joinPage.getByText('permet de consulter, pas de modifier').waitFor();
    expect(await joinPage.getByRole('button', { name: 'Enregistrer', exact: true }).isDisabled()).toBe(true);
    await joiner.close();
  });

  it('saves the settings and switches ambassador visibility only once the day the CSE was informed is given', async () => {
    const page = await session.newPage();
    await open(page, '/admin/settings/');
    await page.getByLabel('Nom de l’organisation').fill('Lumière Industries France');
    const linkedin = page.getByRole('group', { name: 'LinkedIn' });
    await linkedin.getByLabel('Portée organique (%)').fill('12.5');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Enregistré.').waitFor();
    await page.reload();
    await hydrated(page);
    expect(await page.getByLabel('Nom de l’organisation').inputValue()).toBe('Lumière Industries France');
    expect(await page.getByRole('group', { name: 'LinkedIn' }).getByLabel('Portée organique (%)').inputValue()).toBe('12.5');

    await page.getByLabel('Fenêtre d’attribution (jours)').fill('400');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    const attribution = page.getByLabel('Fenêtre d’attribution (jours)');
    await expect.poll(() => attribution.getAttribute('aria-invalid')).toBe('true');
    expect(await attribution.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.getByLabel('Fenêtre d’attribution (jours)').fill('30');

    await page.getByText('seuls les volontaires apparaissent', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Afficher tous les ambassadeurs…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Afficher tous les ambassadeurs par leur nom ?' });
    const confirm = dialog.getByRole('button', { name: 'Afficher tout le monde' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Date à laquelle le CSE a été informé de ce changement').fill('2026-11-30');
    await shot(page, 'settings-cse');
    await confirm.click();
    await page.getByText('tous les ambassadeurs apparaissent par leur nom', { exact: false }).waitFor();
    await page.getByText('CSE informé le 30 nov. 2026.').waitFor();
    await page.getByRole('button', { name: 'Revenir aux seuls volontaires' }).click();
    await page.getByText('seuls les volontaires apparaissent', { exact: false }).waitFor();
    await page.close();
  });

  it('speaks English when asked, and remembers it', async () => {
    const page = await session.newPage();
    await open(page, '/admin/campaigns/');
    await page.getByRole('heading', { level: 1, name: 'Campagnes' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    expect(await page.title()).toBe('Campaigns · Relais');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).waitFor();
    await page.getByRole('columnheader', { name: 'Objective' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    await open(page, '/admin/settings/');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByLabel('Organisation name').waitFor();
    await page.getByRole('heading', { name: 'Ambassador visibility' }).waitFor();
    await shot(page, 'settings-en');
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByLabel('Nom de l’organisation').waitFor();
    await page.close();

    const english = await newContext(browser, 'en-GB');
    const login = await english.newPage();
    await open(login, '/admin/login/');
    await login.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await login.getByLabel('E-mail address').waitFor();
    await english.close();
  });
});
