import { LOCALES } from '../../db/schema';

export type Locale = (typeof LOCALES)[number];

const isLocale = (value: string | undefined): value is Locale => (LOCALES as readonly string[]).includes(value ?? '');

/**
 * The language of a page the Worker writes itself: `?lang=` when it names one of ours, else the first of ours in
 * the browser's `Accept-Language` (by its q-values), else French (French companies first).
 */
export function pageLocale(lang: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(lang)) return lang;
  const ranked = (acceptLanguage ?? '')
    .split(',', 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { base: tag.split('-')[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.base).find(isLocale) ?? 'fr';
}
