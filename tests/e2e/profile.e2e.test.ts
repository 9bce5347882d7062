/**
 * An ambassador on a phone (issue 11) fills in their profile — the name colleagues see on the leaderboard
 * (never their full name), the audience that estimates a post's reach, the language of their space, which
 * follows them to another device — and reads the "Sharing well" guide, which the organisation can replace.
 */
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ambassadorContext, ARTIFACTS, axeViolations, createOrganisation, hydrated, PHONE, signedInClient } from './admin-helpers';

describe('an ambassador’s profile', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let api: Awaited<ReturnType<typeof signedInClient>>;

  beforeAll(async () => {
    browser = await chromium.connect(inject('wsEndpoint'));
    await mkdir(ARTIFACTS, { recursive: true });
    api = await signedInClient(baseUrl, await createOrganisation(baseUrl, 'Coopérative Profil'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sets a display name, an audience and a language from a phone; the leaderboard never shows the full name', async () => {
    const { context, ambassadorId } = await ambassadorContext(browser, api, 'Camille Martin-Durand', PHONE);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/me/`);
    await hydrated(page);
    await page.getByRole('navigation', { name: 'Mon espace' }).getByRole('link', { name: 'Mon profil' }).click();
    await page.waitForURL(`${baseUrl}/me/profile/`);
    await hydrated(page);

    // Opted in with no display name: colleagues see a first name and an initial.
    const optIn = await page.evaluate(async () => (await fetch('/api/v1/me', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ leaderboardOptIn: true }) })).status);
    expect(optIn).toBe(200);
    const board = async () => (await (await api.api.v1.leaderboard.$get({ query: {} })).json()).items.find((i) => i.ambassadorId === ambassadorId)?.displayName;
    expect(await board()).toBe('Camille M.');

    await page.getByLabel('Nom affiché').fill('Cam des Ateliers');
    const audience = page.getByRole('group', { name: 'Votre audience' });
    await audience.getByLabel('LinkedIn').fill('1200');
    await audience.getByLabel('X (Twitter)').fill('-3');
    await page.getByLabel('Langue de mon espace').selectOption({ label: 'English' });
    await page.getByRole('button', { name: 'Enregistrer mon profil' }).click();
    // A negative audience is refused next to its box, focused; nothing else changed.
    const x = audience.getByLabel('X (Twitter)');
    await expect.poll(() => x.getAttribute('aria-invalid')).toBe('true');
    expect(await x.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await board()).toBe('Camille M.');

    await x.fill('');
    await page.getByRole('button', { name: 'Enregistrer mon profil' }).click();
    // Saved: the space now speaks English.
    await page.getByText('Profile saved.').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('heading', { level: 1, name: 'My profile' }).waitFor();
    expect(await board()).toBe('Cam des Ateliers');
    expect(JSON.stringify(await (await api.api.v1.leaderboard.$get({ query: {} })).json())).not.toContain('Martin');
    expect((await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.screenshot({ path: new URL('me-profile.png', ARTIFACTS).pathname, fullPage: true });

    // Another device, French by default: the feed switches to the profile's language.
    const cookies = await context.cookies();
    const other = await browser.newContext(PHONE);
    await other.addCookies(cookies);
    const elsewhere = await other.newPage();
    await elsewhere.goto(`${baseUrl}/me/`);
    await hydrated(elsewhere);
    await expect.poll(() => elsewhere.locator('html').getAttribute('lang')).toBe('en');
    await elsewhere.getByRole('link', { name: 'My profile' }).click();
    await hydrated(elsewhere);
    expect(await elsewhere.getByRole('group', { name: 'Your audience' }).getByLabel('LinkedIn').inputValue()).toBe('1200');
    expect(await elsewhere.getByLabel('Display name').inputValue()).toBe('Cam des Ateliers');

    // Switching back to French on that device is saved to the profile too.
    await elsewhere.getByRole('button', { name: 'Français' }).click();
    await expect.poll(async () => (await elsewhere.evaluate(async () => (await (await fetch('/api/v1/me')).json()) as { language: string })).language).toBe('fr');
    await other.close();
    await context.close();
  });

  it('reads the “Sharing well” guide from the feed, in French then English, then the organisation’s own', async () => {
    const { context } = await ambassadorContext(browser, api, 'Noé Lambert', PHONE);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/me/`);
    await hydrated(page);
    await page.getByRole('link', { name: 'Conseils pour écrire avec vos mots' }).click();
    await page.waitForURL(`${baseUrl}/me/guide/`);
    await page.getByRole('heading', { level: 1, name: 'Bien partager' }).waitFor();
    await page.getByRole('heading', { name: '2. Écrire avec vos mots' }).waitFor();
    expect(await page.getByText('Avant', { exact: true }).count()).toBeGreaterThanOrEqual(2);
    expect((await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: '2. Write in your own words' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Sharing well' }).waitFor();

    // The organisation writes its own guide in the settings: it replaces Relais's, whatever the language.
    expect((await api.api.v1.organisation.$patch({ json: { sharingGuide: '## Chez nous\n\nUne idée, *vos* mots.' } })).status).toBe(200);
    await page.reload();
    await hydrated(page);
    await page.getByRole('heading', { name: 'Chez nous' }).waitFor();
    expect(await page.getByRole('heading', { name: '2. Write in your own words' }).count()).toBe(0);
    await context.close();
  });
});
