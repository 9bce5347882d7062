/**
 * The audience's page (API.md, "Privacy and trust"): `/privacy` says what a click records and for how long, who runs
 * the programmes, and offers the objection — the only cookie Relais ever sets on an audience, and only there.
 */
import { describe, expect, it } from 'vitest';
import { organisations } from '../../db/schema';
import { pageLocale } from '../../worker/lib/locale';
import { forgetPrivacyNotice } from '../../worker/services/privacy-notice';
import { db, makeLink, makeOrganisation } from './builders';
import { call, ORIGIN } from './http';

const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await call(path, { headers });
  return { res, html: await res.text() };
};

describe('GET /privacy', () => {
  it('speaks French by default, English on ?lang=en or an English browser, and ?lang wins over the browser', async () => {
    expect((await page('/privacy')).html).toContain('<html lang="fr"');
    expect((await page('/privacy?lang=en')).html).toContain('<html lang="en"');
    expect((await page('/privacy', { 'Accept-Language': 'de-DE, en-GB;q=0.8, fr;q=0.5' })).html).toContain('<html lang="en"');
    expect((await page('/privacy?lang=fr', { 'Accept-Language': 'en' })).html).toContain('<html lang="fr"');
    expect((await page('/privacy?lang=xx', { 'Accept-Language': 'ja' })).html).toContain('<html lang="fr"');
  });

  it('names every organisation with its contact (escaped), the longest retention, and sets no cookie', async () => {
    await makeOrganisation({ name: 'Acme <script>alert(1)</script>', privacyContact: 'dpo@acme.example', retentionMonths: 13 });
    await makeOrganisation({ name: 'Zeta Longue Mémoire', privacyContact: 'https://zeta.example/privacy', retentionMonths: 37 });
    forgetPrivacyNotice();
    const longest = (await db().select({ months: organisations.retentionMonths }).from(organisations)).reduce((m, o) => Math.max(m, o.months), 0);
    const { res, html } = await page('/privacy?lang=fr');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(html).toContain('Acme &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<a href="mailto:dpo@acme.example">dpo@acme.example</a>');
    expect(html).toContain('<a href="https://zeta.example/privacy">');
    expect(html).toContain(`après ${longest} mois au plus`);
    expect(html).toContain('action="/privacy/opt-out?lang=fr"');
  });

  it('carries the page headers every HTML page has: a policy without scripts, no framing, nosniff, HSTS over HTTPS', async () => {
    const { res } = await page('/privacy');
    const policy = res.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('tells the visitor their current choice: the cookie, or a GPC / DNT signal already sent', async () => {
    expect((await page('/privacy?lang=en')).html).toContain('action="/privacy/opt-out?lang=en"');
    const objected = (await page('/privacy?lang=en', { Cookie: 'relais_optout=1' })).html;
    expect(objected).toContain('You objected to the measurement in this browser');
    expect(objected).toContain('action="/privacy/opt-in?lang=en"');
    expect((await page('/privacy?lang=en', { 'Sec-GPC': '1' })).html).toContain('Your browser already sends an objection');
  });
});

describe('POST /privacy/opt-out and /opt-in', () => {
  it('sets relais_optout=1 for 13 months (HttpOnly, SameSite=Lax, Secure over HTTPS), then 303 back to the page', async () => {
    const res = await call('/privacy/opt-out?lang=en', { method: 'POST' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/privacy?lang=en#object');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie.split(/;\s*/).sort()).toEqual(['HttpOnly', 'Max-Age=34128000', 'Path=/', 'SameSite=Lax', 'Secure', 'relais_optout=1'].sort());
  });

  it('clears it on opt-in', async () => {
    const res = await call('/privacy/opt-in', { method: 'POST' });
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toMatch(/^relais_optout=; Max-Age=0; Path=\/;/);
  });

  it('refuses a post from another site, or without Origin: nobody can set or clear a visitor’s objection for them', async () => {
    for (const origin of ['https://evil.example', null]) {
      for (const path of ['/privacy/opt-out', '/privacy/opt-in']) {
        const res = await call(path, { method: 'POST', origin });
        expect(res.status).toBe(403);
        expect(res.headers.get('set-cookie')).toBeNull();
      }
    }
  });

  it('the cookie it sets makes the redirect drop the click id', async () => {
    const { link } = await makeLink();
    const cookie = (await call('/privacy/opt-out', { method: 'POST' })).headers.get('set-cookie')?.split(';')[0] ?? '';
    const res = await call(`/${link.slug}`, { headers: { Cookie: `theme=dark; ${cookie}` } });
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location') ?? '').searchParams.has('rl_cid')).toBe(false);
  });
});

describe('no other audience-facing answer sets a cookie', () => {
  it('neither a click (human, bot, HEAD, objected), an unknown slug, /privacy, nor /health', async () => {
    const { link } = await makeLink();
    const human = { 'User-Agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0 Safari/537.36', 'CF-Connecting-IP': '203.0.113.9' };
    const answers = [
      await call(`/${link.slug}`, { headers: human }),
      await call(`/${link.slug}`, { headers: { 'User-Agent': 'LinkedInBot/1.0' } }),
      await call(`/${link.slug}`, { method: 'HEAD' }),
      await call(`/${link.slug}`, { headers: { 'Sec-GPC': '1' } }),
      await call('/nope-unknown-slug', { headers: human }),
      await call('/privacy'),
      await call('/health'),
    ];
    expect(answers.map((res) => [res.url || ORIGIN, res.status, res.headers.get('set-cookie')])).toEqual(answers.map((res) => [res.url || ORIGIN, res.status, null]));
  });

  it('the 404 page links to /privacy', async () => {
    const res = await call('/nope-unknown-slug');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('href="/privacy"');
  });
});

describe('pageLocale', () => {
  it.each([
    [undefined, undefined, 'fr'],
    ['en', 'fr', 'en'],
    [undefined, 'en-US,en;q=0.9', 'en'],
    [undefined, 'fr-CA;q=0.4, en;q=0.6', 'en'],
    [undefined, 'en;q=0, fr;q=0.1', 'fr'],
    [undefined, 'de, it', 'fr'],
    [undefined, ',,;;q=abc, en', 'en'],
  ])('lang=%s, Accept-Language=%s → %s', (lang, header, expected) => {
    expect(pageLocale(lang, header)).toBe(expected);
  });
});
