/**
 * `/privacy` on the short-link host (API.md, "Privacy and trust"): what a click records, who runs the programmes,
 * and the audience's objection — the only cookie Relais ever sets on an audience, and only on these two form posts.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { HSTS, PAGE_HEADERS, WORKER_PAGE_POLICY } from '../lib/content-security-policy';
import { hasOptedOut, OPT_OUT_COOKIE, OPT_OUT_MAX_AGE_S, optOutCookieOptions } from '../lib/cookies';
import { getDb } from '../lib/db';
import { pageLocale } from '../lib/locale';
import { crossSiteRefused, fromSiteOrigin } from '../middleware/same-origin';
import { privacyPage } from '../privacy/privacy-page';
import { privacyNotice } from '../services/privacy-notice';
import type { AppEnv } from '../env';

const langOf = (c: Context<AppEnv>) => pageLocale(c.req.query('lang'), c.req.header('accept-language'));

/** Sets (`maxAge` > 0) or clears the objection, then `303` back to the page in the same language. */
function choose(maxAge: number) {
  return (c: Context<AppEnv>) => {
    // A form post from the page itself: another site cannot set or clear a visitor's objection.
    if (!fromSiteOrigin(c)) throw crossSiteRefused();
    const secure = new URL(c.req.url).protocol === 'https:';
    setCookie(c, OPT_OUT_COOKIE, maxAge > 0 ? '1' : '', optOutCookieOptions(secure, maxAge));
    return c.body(null, 303, { Location: `/privacy?lang=${langOf(c)}#object`, 'Cache-Control': 'no-store' });
  };
}

export const privacy = new Hono<AppEnv>()
  .on(['GET', 'HEAD'], '/', async (c) => {
    const lang = langOf(c);
    const html = privacyPage({
      lang,
      notice: await privacyNotice(getDb(c.env.DB)),
      optedOut: hasOptedOut(c.req.header('cookie') ?? null),
      signalled: c.req.header('sec-gpc') === '1' || c.req.header('dnt') === '1',
    });
    const headers: Record<string, string> = {
      ...PAGE_HEADERS,
      'Content-Type': 'text/html; charset=UTF-8',
      'Content-Security-Policy': WORKER_PAGE_POLICY,
      // The page shows this browser's own choice: no shared cache may keep it.
      'Cache-Control': 'private, no-cache',
      Vary: 'Cookie, Accept-Language, Sec-GPC, DNT',
      'Content-Language': lang,
    };
    if (c.req.url.startsWith('https:')) headers['Strict-Transport-Security'] = HSTS;
    return c.body(html, 200, headers);
  })
  .post('/opt-out', choose(OPT_OUT_MAX_AGE_S))
  .post('/opt-in', choose(0));
