/**
 * The admin's words, French first. Pages render French at build time (`t('fr', key)`);
 * the LanguageSwitch island swaps every `[data-i18n]` element's text on the client.
 */
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

const fr = {
  'page.title': 'Relais — administration',
  'skip.main': 'Aller au contenu',
  'app.tagline':
    'Relais aide vos collaborateurs à partager les contenus de l’entreprise avec des liens courts suivis, et mesure ce que ces partages rapportent.',
  'language.label': 'Langue',
  'health.label': 'État du service\u00a0:',
  'health.loading': 'vérification…',
  'health.ok': 'ok',
  'health.error': 'indisponible',
} as const;

export type MessageKey = keyof typeof fr;

const en: Record<MessageKey, string> = {
  'page.title': 'Relais — admin',
  'skip.main': 'Skip to content',
  'app.tagline':
    'Relais helps your employees share company content through tracked short links, and measures what those shares bring in.',
  'language.label': 'Language',
  'health.label': 'Service status:',
  'health.loading': 'checking…',
  'health.ok': 'ok',
  'health.error': 'unavailable',
};

const messages: Record<Locale, Record<MessageKey, string>> = { fr, en };

/** Each locale's name, written in that locale (shown with its own `lang`). */
export const LOCALE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };

/** Returns the text for `key` in `locale`. */
export function t(locale: Locale, key: MessageKey): string {
  return messages[locale][key];
}

/** Narrows any string to a known message key (for `data-i18n` attributes read from the DOM). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(fr, key);
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
