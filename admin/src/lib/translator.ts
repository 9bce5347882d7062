/**
 * Languages and the dictionary lookup, with no dictionary of its own: each space bundles only the words
 * it shows (i18n.ts: the admin and the build; i18n-me.ts: the ambassador's pages; i18n-common.ts: the
 * components both use), so an ambassador's phone never downloads the admin's vocabulary.
 */
import { createSignal } from 'solid-js';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

/** Each locale's name, written in that locale (shown with its own `lang`). */
export const LOCALE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };

/** Values for `{name}` placeholders in a message. */
export type MessageParams = Record<string, string | number>;

/** Looks words up in one set of dictionaries (French, the reference, and English with the same keys). */
export interface Translator<K extends string> {
  /**
   * The text for `key` in `locale`, with `{name}` placeholders filled from `params`.
   * @example t('fr', 'error.retryIn', { seconds: 30 }) // "Trop de tentatives. Réessayez dans 30 s."
   */
  t(locale: Locale, key: K, params?: MessageParams): string;
  /** Narrows any string to a key of these dictionaries (for `data-i18n` attributes read from the DOM). */
  has(key: string): key is K;
}

/** `text` with its `{name}` placeholders filled from `params`. */
function fill(text: string, params?: MessageParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

export function translator<K extends string>(messages: Record<Locale, Record<K, string>>): Translator<K> {
  return {
    t: (locale, key, params) => fill(messages[locale][key], params),
    has: (key): key is K => Object.hasOwn(messages.fr, key),
  };
}

/**
 * French at once, English fetched the first time it is asked for: until it arrives the words stay French, then
 * everything that asked re-renders (the dictionary is a signal). For the ambassador's phone, which then loads
 * one language's words first.
 */
export function lazyTranslator<K extends string>(fr: Record<K, string>, loadEnglish: () => Promise<Record<K, string>>): Translator<K> {
  const [english, setEnglish] = createSignal<Record<K, string>>();
  let loading: Promise<unknown> | undefined;
  return {
    t(locale, key, params) {
      const en = locale === 'en' ? english() : undefined;
      if (locale === 'en' && !en) {
        loading ??= loadEnglish().then(
          (words) => setEnglish(() => words),
          () => (loading = undefined),
        );
      }
      return fill((en ?? fr)[key], params);
    },
    has: (key): key is K => Object.hasOwn(fr, key),
  };
}

/** The document title of a page whose heading is `heading`: "Campagnes · Relais"; the admin's home keeps its own. */
export function titleOf(heading: string, isHome: boolean): string {
  return isHome ? heading : `${heading} · Relais`;
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
