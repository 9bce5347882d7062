/** Names of the values a click breakdown holds, in the page's language. */
import type { Locale } from './i18n';

const TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** A country's name from its ISO 3166-1 alpha-2 code ("DE" → "Allemagne"); the code itself when the browser has no name for it. */
export function countryName(code: string, lang: Locale): string {
  try {
    return new Intl.DisplayNames([TAGS[lang]], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}
