/**
 * The admin's words, French first. Pages render French at build time (`t('fr', key)`); the
 * LanguageSwitch island swaps every `[data-i18n]` element's text (and `[data-i18n-label]`'s
 * `aria-label`) on the client, and islands re-render from the `locale` signal.
 * The dictionaries live in messages-fr.ts (the source of the keys) and messages-en.ts.
 */
import { dashboardEn } from './messages-dashboard-en';
import { dashboardFr, type DashboardMessageKey } from './messages-dashboard-fr';
import { en } from './messages-en';
import { fr, type MessageKey as CoreMessageKey } from './messages-fr';
import { meEn } from './messages-me-en';
import { meFr, type MeMessageKey } from './messages-me-fr';

export type MessageKey = CoreMessageKey | DashboardMessageKey | MeMessageKey;

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

const messages: Record<Locale, Record<MessageKey, string>> = { fr: { ...fr, ...dashboardFr, ...meFr }, en: { ...en, ...dashboardEn, ...meEn } };

/** Each locale's name, written in that locale (shown with its own `lang`). */
export const LOCALE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };

/** Values for `{name}` placeholders in a message. */
export type MessageParams = Record<string, string | number>;

/**
 * Returns the text for `key` in `locale`, with `{name}` placeholders filled from `params`.
 * @example t('fr', 'login.retryIn', { seconds: 30 }) // "Trop de tentatives. Réessayez dans 30 s."
 */
export function t(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = messages[locale][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** The document title of a page whose heading is `key`: "Campagnes · Relais"; the home page keeps its own. */
export function documentTitle(locale: Locale, key: MessageKey): string {
  return key === 'page.title' ? t(locale, key) : `${t(locale, key)} · Relais`;
}

/** Narrows any string to a known message key (for `data-i18n` attributes read from the DOM). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages.fr, key);
}

/** Narrows any string to a supported locale. */
export function isLocale(value: string | null | undefined): value is Locale {
  return LOCALES.some((locale) => locale === value);
}

/**
 * Picks the first supported locale from a list of BCP 47 tags, as in `navigator.languages`.
 * @param preferred most preferred first, e.g. `['en-GB', 'fr']`
 */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}
