/**
 * Issue 11, item 5, on a phone in French: the share page says a text is a near copy while it is typed,
 * before any link exists; rewritten in one's own words the verdict changes; the link is created but not
 * counted; "Copier mon message" puts the text and the link on the clipboard; LinkedIn is offered through
 * its text intent and its documented share-offsite; "Je l'ai publié" makes the post count (checked through
 * the API: 0 shares before, 1 after). axe-core on every state. Its own organisation.
 */
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, axeScanner, hydrated, type signedInClient } from './admin-helpers';
import { joinThroughInvitation, PHONE, prepareProgramme } from './me-helpers';

const TALKING_POINTS = '- Nos ateliers de Lyon ouvrent leurs portes aux lycéens chaque samedi matin\n- Venez découvrir nos machines et rencontrer les techniciens qui les conçoivent';
const NEAR_COPY = 'Nos ateliers de Lyon ouvrent leurs portes aux lycéens chaque samedi matin. Venez découvrir nos machines et rencontrer les techniciens qui les conçoivent !';
const OWN_WORDS = 'Samedi dernier, j’ai montré à une lycéenne comment on règle une fraiseuse : elle est repartie avec mille questions. Et vous, qu’auriez-vous voulu voir à son âge ?';

describe('sharing in one’s own words, counted once posted', () => {
  const baseUrl = inject('baseUrl');
  const landingUrl = inject('landingUrl');
  let browser: Browser;
  let phone: BrowserContext;
  let inviteUrl = '';
  let api: Awaited<ReturnType<typeof signedInClient>>;
  const contentTitle = 'Portes ouvertes des ateliers';
  const { violations, scan } = axeScanner('share-flow');

  /** The organisation's `shares` KPI today, as a company system reads it. */
  async function kpiShares(): Promise<number> {
    const res = await api.api.v1.kpis.$get({ query: {} });
    expect(res.status).toBe(200);
    return (await res.json()).totals.shares;
  }

  /** The ambassador's own count of posts, through the API with the phone's session. */
  async function ownShares(): Promise<number> {
    const res = await phone.request.get(`${baseUrl}/api/v1/me/stats`);
    expect(res.status()).toBe(200);
    const body: { totals: { shares: number } } = await res.json();
    return body.totals.shares;
  }

  beforeAll(async () => {
    browser = await chromium.connect(inject('wsEndpoint'));
    await mkdir(ARTIFACTS, { recursive: true });
    ({ api, inviteUrl } = await prepareProgramme(baseUrl, {
      organisation: 'Atelier Partage',
      charter: '# Notre charte\n\n- Je partage avec **mes mots**',
      campaign: 'Portes ouvertes',
      content: { title: contentTitle, url: `${landingUrl}/portes-ouvertes`, talkingPoints: TALKING_POINTS, networks: ['linkedin', 'x'] },
      ambassador: { name: 'Inès Garnier', emailPrefix: 'ines', team: 'Atelier' },
    }));
    phone = await browser.newContext(PHONE);
    phone.setDefaultTimeout(10_000);
    await phone.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  });

  afterAll(async () => {
    await phone?.close();
    await browser?.close();
  });

  it('says a near copy before any link, creates the link uncounted, copies the message, then counts the post once posted', async () => {
    const page = await phone.newPage();
    await joinThroughInvitation(page, inviteUrl);
    await page.getByRole('article', { name: contentTitle }).getByRole('link', { name: `Partager « ${contentTitle} »` }).click();
    await page.waitForURL(/\/me\/share\/\?contentId=cnt_/);
    await hydrated(page);
    await page.getByRole('radio', { name: 'LinkedIn' }).check();
    const text = page.getByLabel('Votre message');

    // A near copy of the talking points: said while typing, and no link exists yet.
    await text.fill(NEAR_COPY);
    const verdict = page.locator('#share-verdict');
    await verdict.getByText('reprend presque mot pour mot un texte existant', { exact: false }).waitFor();
    expect(await text.getAttribute('aria-describedby')).toContain('share-verdict');
    const mine: { items: unknown[] } = await (await phone.request.get(`${baseUrl}/api/v1/me/shares`)).json();
    expect(mine.items).toEqual([]);
    expect(await page.getByRole('textbox', { name: 'Votre lien personnel' }).count()).toBe(0);
    await scan(page, 'near-copy');

    // Rewritten in one's own words: the verdict changes, still before any link.
    await text.fill(OWN_WORDS);
    await verdict.getByText(/^Écrit avec vos mots\u00a0: \d+\u00a0% de ressemblance avec les idées proposées\.$/).waitFor();
    expect(await verdict.getByText('reprend presque mot pour mot', { exact: false }).count()).toBe(0);
    await scan(page, 'own-words');

    // The link is created: not counted yet.
    await page.getByRole('button', { name: 'Créer mon lien' }).click();
    await page.getByRole('heading', { name: 'Votre lien est prêt' }).waitFor();
    const shortUrl = await page.getByRole('textbox', { name: 'Votre lien personnel' }).inputValue();
    expect(shortUrl).toMatch(new RegExp(`^${baseUrl}/[A-Za-z0-9_-]+$`));
    await page.getByRole('status').filter({ hasText: 'Votre publication n’est pas encore comptée' }).waitFor();
    expect(await kpiShares()).toBe(0);
    expect(await ownShares()).toBe(0);

    // "Copier mon message": the text and the short link, as they are posted.
    const message = `${OWN_WORDS}\n\n${shortUrl}`;
    expect(await page.getByRole('textbox', { name: 'Votre texte' }).inputValue()).toBe(message);
    await page.getByRole('button', { name: 'Copier mon message' }).click();
    await page.getByText('Copié dans le presse-papiers.').waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(message);

    // LinkedIn: the text intent, and the documented share-offsite that always works on a phone.
    const open = page.getByRole('link', { name: /^Ouvrir dans LinkedIn/ });
    expect(await open.getAttribute('href')).toBe(`https://www.linkedin.com/feed/?shareActive=true&text=${encodeURIComponent(message)}`);
    const offsite = page.getByRole('link', { name: /^Partager le lien sur LinkedIn/ });
    expect(await offsite.getAttribute('href')).toBe(`https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(shortUrl)}`);
    for (const link of [open, offsite]) {
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toContain('noopener');
    }
    await scan(page, 'link-ready');

    // "Je l'ai publié": counted, through the API too.
    await page.getByRole('button', { name: 'Je l’ai publié' }).click();
    const counted = page.getByRole('status').filter({ hasText: 'C’est compté, merci' });
    await counted.waitFor();
    expect(await counted.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await page.getByRole('button', { name: 'Je l’ai publié' }).count()).toBe(0);
    expect(await kpiShares()).toBe(1);
    expect(await ownShares()).toBe(1);
    await scan(page, 'counted');

    expect(violations).toEqual({});
  });
});
