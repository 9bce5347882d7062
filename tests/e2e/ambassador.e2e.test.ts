/**
 * The ambassador's space on a phone: join through the invitation link, accept the charter, share a
 * content in one's own words (and say it was posted, so it counts), watch the click arrive in one's results, report the post's numbers
 * (the post and the totals take them), then leave the programme (the short link keeps redirecting).
 * axe-core runs on every /me page. Each run creates its own organisation.
 */
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, axeScanner, hydrated, type signedInClient } from './admin-helpers';
import { PHONE, prepareProgramme } from './me-helpers';

/** The audience's browser: headless Chromium's own user agent is classified as automated. */
const DESKTOP_CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Safari/537.36';

const shot = (page: Page, name: string) => page.screenshot({ path: new URL(`me-${name}.png`, ARTIFACTS).pathname, fullPage: true });

describe('ambassador space', () => {
  const baseUrl = inject('baseUrl');
  const landingUrl = inject('landingUrl');
  let browser: Browser;
  let phone: BrowserContext;
  let inviteUrl = '';
  let api: Awaited<ReturnType<typeof signedInClient>>;
  const contentTitle = 'Nos ateliers ouverts à Lyon';
  /** Runs axe on the page as it is and keeps any violation under its name. */
  const { violations, scan } = axeScanner('me');

  beforeAll(async () => {
    browser = await chromium.connect(inject('wsEndpoint'));
    await mkdir(ARTIFACTS, { recursive: true });
    ({ api, inviteUrl } = await prepareProgramme(baseUrl, {
      organisation: 'Atelier Relais',
      charter: '# Notre charte\n\n- Je partage avec **mes mots**\n- Jamais d’information confidentielle',
      campaign: 'Portes ouvertes',
      content: { title: contentTitle, url: `${landingUrl}/ateliers`, talkingPoints: '- Ce que vous y avez appris\n- Une rencontre marquante' },
      ambassador: { name: 'Camille Martin', emailPrefix: 'camille', team: 'R&D' },
    }));
    phone = await browser.newContext(PHONE);
    phone.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await phone?.close();
    await browser?.close();
  });

  it('joins, accepts the charter, shares in own words, sees the click, reports the numbers, then leaves', async () => {
    const page = await phone.newPage();

    // Before joining: no session, the space says to use the invitation link.
    await page.goto(`${baseUrl}/me/`);
    await page.waitForURL(`${baseUrl}/me/join/`);
    await hydrated(page);
    await page.getByRole('alert').filter({ hasText: 'Utilisez le lien d’invitation' }).waitFor();

    // Join: the token leaves the address bar; participation is voluntary.
    await page.goto(inviteUrl);
    await hydrated(page);
    await page.getByRole('heading', { level: 1, name: 'Rejoindre le programme d’ambassadeurs' }).waitFor();
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    await page.getByText('La participation est volontaire', { exact: false }).waitFor();
    await scan(page, 'join');
    await page.getByRole('button', { name: 'Je rejoins' }).click();

    // The charter, then the feed.
    await page.waitForURL(`${baseUrl}/me/charter/`);
    await hydrated(page);
    await page.getByRole('heading', { name: 'Notre charte' }).waitFor();
    expect(await page.locator('article strong').textContent()).toBe('mes mots');
    await scan(page, 'charter');
    await page.getByRole('button', { name: 'J’ai lu la charte et je l’accepte' }).click();
    await page.waitForURL(`${baseUrl}/me/`);
    await hydrated(page);
    const card = page.getByRole('article', { name: contentTitle });
    await card.waitFor();
    expect(await card.getByRole('listitem').allTextContents()).toEqual(['Ce que vous y avez appris', 'Une rencontre marquante']);
    await scan(page, 'feed');

    // Share on LinkedIn in one's own words.
    await card.getByRole('link', { name: `Partager « ${contentTitle} »` }).click();
    await page.waitForURL(/\/me\/share\/\?contentId=cnt_/);
    await hydrated(page);
    await page.getByRole('radio', { name: 'LinkedIn' }).check();
    const text = page.getByLabel('Votre message');
    // Too long for X: said next to the field before anything is sent.
    await page.getByRole('radio', { name: 'X (Twitter)' }).check();
    await text.fill('Très long. '.repeat(26));
    await page.getByText('286 / 280 caractères').waitFor();
    await page.getByRole('button', { name: 'Créer mon lien' }).click();
    await expect.poll(() => text.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#f-text-error').textContent()).toBe('Trop long pour X (Twitter)\u00a0: 280 caractères au plus.');
    await page.getByRole('radio', { name: 'LinkedIn' }).check();
    expect(await text.getAttribute('aria-invalid')).toBeNull();
    await text.fill('Samedi, j’ai animé un atelier de soudure avec des lycéens : venez voir nos machines et poser vos questions !');
    await page.getByText(/^\d+ \/ 3000 caractères$/).waitFor();
    await scan(page, 'share');
    await page.getByRole('button', { name: 'Créer mon lien' }).click();
    await page.getByRole('heading', { name: 'Votre lien est prêt' }).waitFor();
    const shortUrl = await page.getByRole('textbox', { name: 'Votre lien personnel' }).inputValue();
    expect(shortUrl).toMatch(new RegExp(`^${baseUrl}/[A-Za-z0-9_-]+$`));
    await page.getByText('ce message est bien le vôtre', { exact: false }).waitFor();
    const open = page.getByRole('link', { name: /Ouvrir dans LinkedIn/ });
    expect(await open.getAttribute('target')).toBe('_blank');
    expect(await open.getAttribute('href')).toMatch(/^https:\/\/www\.linkedin\.com\//);
    const qr = page.getByRole('img', { name: 'QR code de votre lien personnel' });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(await qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    await scan(page, 'share-done');
    // Created is not counted: the post counts once the person says they published it.
    await page.getByRole('status').filter({ hasText: 'Votre publication n’est pas encore comptée' }).waitFor();
    await page.getByRole('button', { name: 'Je l’ai publié' }).click();
    await page.getByRole('status').filter({ hasText: 'C’est compté, merci' }).waitFor();

    // Facebook cannot be prefilled with text: the text is offered to copy.
    await page.getByRole('button', { name: 'Modifier mon message' }).click();
    await page.getByRole('radio', { name: 'Facebook' }).check();
    await page.getByRole('button', { name: 'Créer mon lien' }).click();
    await page.getByRole('heading', { name: 'Votre lien est prêt' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Votre texte' }).inputValue()).toContain('atelier de soudure');
    expect(await page.getByRole('link', { name: /Ouvrir dans Facebook/ }).getAttribute('href')).toMatch(/^https:\/\/www\.facebook\.com\/sharer/);
    await scan(page, 'share-facebook');

    // A copy of the talking points is said plainly to be one.
    await page.getByRole('button', { name: 'Modifier mon message' }).click();
    await page.getByRole('radio', { name: 'X (Twitter)' }).check();
    await text.fill('Ce que vous y avez appris. Une rencontre marquante.');
    await page.getByRole('button', { name: 'Créer mon lien' }).click();
    await page.getByText('Ce message ressemble beaucoup à un texte existant\u00a0: réécrivez-le avec vos mots.').waitFor();
    expect(await page.getByRole('link', { name: /Ouvrir dans X/ }).getAttribute('href')).toMatch(/^https:\/\/x\.com\/intent\/post\?/);
    await shot(page, 'share-near-copy');

    // A person clicks the link, in their own (desktop) browser.
    const audience = await browser.newContext({ locale: 'fr-FR', userAgent: DESKTOP_CHROME });
    const visitor = await audience.newPage();
    await visitor.goto(shortUrl);
    expect(visitor.url().startsWith(`${landingUrl}/ateliers`)).toBe(true);

    // The click reaches the results (queue → rollup): reload until it shows, at most ~20 s.
    await page.goto(`${baseUrl}/me/results/`);
    const clicks = page.locator('.me-totals div').filter({ hasText: 'Clics' }).locator('dd');
    const deadline = Date.now() + 20_000;
    for (;;) {
      await hydrated(page);
      await clicks.waitFor();
      if ((await clicks.textContent()) === '1' || Date.now() > deadline) break;
      await page.waitForTimeout(1000);
      await page.reload();
    }
    expect(await clicks.textContent()).toBe('1');

    // Report the LinkedIn post's numbers, read off the post: the card and the page's totals take them.
    const post = page.getByRole('article', { name: /LinkedIn/ });
    const postStats = post.locator('.me-post-stats > div');
    const stat = (pairs: Locator, label: string) => pairs.filter({ hasText: label }).locator('dd');
    expect(await stat(postStats, 'Clics').textContent()).toBe('1');
    await post.getByText('Vous n’avez pas encore indiqué les chiffres de cette publication.').waitFor();
    const report = post.getByRole('button', { name: /^Indiquer les chiffres de ma publication/ });
    expect(await report.getAttribute('aria-expanded')).toBe('false');
    await report.click();
    expect(await report.getAttribute('aria-expanded')).toBe('true');
    const impressions = post.getByRole('spinbutton', { name: 'Impressions' });
    const save = post.getByRole('button', { name: 'Enregistrer mes chiffres' });
    // Nothing filled in: said before anything is sent.
    await save.click();
    await post.getByRole('alert').filter({ hasText: 'Indiquez au moins un chiffre.' }).waitFor();
    // A negative number: said next to its box, which takes the focus.
    await impressions.fill('-3');
    await save.click();
    await expect.poll(() => impressions.getAttribute('aria-invalid')).toBe('true');
    const impressionsError = post.locator(`#${await impressions.getAttribute('id')}-error`);
    expect(await impressionsError.textContent()).toBe('Saisissez un nombre entier, 0 ou plus.');
    expect(await impressions.getAttribute('aria-describedby')).toContain(`${await impressions.getAttribute('id')}-error`);
    expect(await impressions.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await scan(page, 'results-report-error');
    // The API's own check, next to the box its `field` names.
    // Past the plausibility bound (10 000 000 impressions a post): refused by the API, not by the form.
    await impressions.fill('20000000');
    await save.click();
    await expect.poll(() => impressionsError.textContent()).toMatch(/10000000/);
    await impressions.fill('1200');
    await post.getByRole('spinbutton', { name: 'Réactions' }).fill('40');
    await save.click();
    await post.getByRole('status').filter({ hasText: 'Chiffres enregistrés' }).waitFor();
    expect(await impressions.getAttribute('aria-invalid')).toBeNull();
    await expect.poll(() => stat(postStats, 'Portée').textContent()).toBe('1\u202f200');
    expect(await stat(postStats, 'Interactions').textContent()).toBe('40');
    await post.getByText(/^Chiffres indiqués le .+\u00a0: Impressions\u00a0: 1\u202f200 · Réactions\u00a0: 40$/).waitFor();
    const totals = page.locator('.me-totals > div');
    await expect.poll(() => stat(totals, 'Portée').textContent()).toBe('1\u202f200');
    expect(await stat(totals, 'Interactions').textContent()).toBe('40');
    // Reported numbers come back prefilled; the disclosure opens from the keyboard.
    await page.reload();
    await hydrated(page);
    await report.focus();
    await page.keyboard.press('Enter');
    expect(await impressions.inputValue()).toBe('1200');
    expect(await post.getByRole('spinbutton', { name: 'Réactions' }).inputValue()).toBe('40');
    expect(await post.getByRole('spinbutton', { name: 'Commentaires' }).inputValue()).toBe('');

    await page.getByRole('heading', { name: 'Mes badges' }).waitFor();
    await page.getByRole('checkbox', { name: 'Apparaître dans le classement' }).check();
    await page.getByRole('list').filter({ hasText: '(vous)' }).waitFor();
    await scan(page, 'results');

    // In English: the page re-renders, badges included.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My results' }).waitFor();
    await page.getByText('Charter signed').waitFor();
    expect(await page.getByRole('article', { name: /LinkedIn/ }).getByRole('spinbutton', { name: 'Reactions' }).inputValue()).toBe('40');
    await page.getByText(/^Numbers reported on .+: Impressions: 1,200 · Reactions: 40$/).waitFor();
    await page.getByRole('link', { name: 'My data' }).waitFor();
    await shot(page, 'results-en');
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes résultats' }).waitFor();

    // A new charter version: the feed sends to the charter first.
    expect((await api.api.v1.charters.$post({ json: { body: '# Notre charte, version 2\n\n- Je partage avec mes mots' } })).status).toBe(201);
    await page.getByRole('link', { name: 'À partager' }).click();
    await page.waitForURL(`${baseUrl}/me/charter/`);
    await hydrated(page);
    await page.getByText('Version 2, publiée le', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'J’ai lu la charte et je l’accepte' }).click();
    await page.waitForURL(`${baseUrl}/me/`);
    await hydrated(page);
    await page.getByRole('article', { name: contentTitle }).getByText('Déjà partagé sur\u00a0: LinkedIn').waitFor();

    // Privacy: leave the programme; the link keeps redirecting.
    await page.getByRole('link', { name: 'Mes données' }).click();
    await page.waitForURL(`${baseUrl}/me/privacy/`);
    await hydrated(page);
    await scan(page, 'privacy');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger mes données (JSON)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^relais-export-\d{4}-\d{2}-\d{2}\.json$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    const exported = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ambassador: { name: string }; shares: unknown[] };
    expect(exported.ambassador.name).toBe('Camille Martin');
    expect(exported.shares).toHaveLength(3);
    await page.getByText('Le fichier a été téléchargé.').waitFor();
    await page.getByRole('button', { name: 'Quitter le programme…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Quitter le programme\u00a0?' });
    await dialog.waitFor();
    await scan(page, 'privacy-dialog');
    await dialog.getByRole('button', { name: 'Effacer mes données et quitter' }).click();
    await page.getByRole('status').filter({ hasText: 'Vous avez quitté le programme' }).waitFor();
    await shot(page, 'goodbye');

    await visitor.goto(shortUrl);
    expect(visitor.url().startsWith(`${landingUrl}/ateliers`)).toBe(true);
    await audience.close();

    // The session is gone: the space says to use an invitation link.
    await page.goto(`${baseUrl}/me/results/`);
    await page.waitForURL(`${baseUrl}/me/join/`);
    await hydrated(page);
    await page.getByRole('alert').filter({ hasText: 'Utilisez le lien d’invitation' }).waitFor();

    expect(violations).toEqual({});
  });
});
