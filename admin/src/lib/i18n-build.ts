/**
 * Every word of the site, for the pages rendered at build time (`.astro` files run at build, never in a
 * browser, so nothing here ships; each space's islands load their own: i18n.ts, i18n-me.ts).
 */
import { adminWords, type MessageKey } from './i18n';
import { meWords, type MeKey } from './i18n-me';
import { titleOf, type Locale, type MessageParams } from './translator';

export { DEFAULT_LOCALE, type Locale } from './translator';

export type PageKey = MessageKey | MeKey;

/** The text of any key of the site. */
export function t(locale: Locale, key: PageKey, params?: MessageParams): string {
  return adminWords.has(key) ? adminWords.t(locale, key, params) : meWords.t(locale, key as MeKey, params);
}

/** The document title of a page whose heading is `key`: "Campagnes · Relais"; the admin's home keeps its own. */
export function documentTitle(locale: Locale, key: PageKey): string {
  return titleOf(t(locale, key), key === 'page.title');
}
