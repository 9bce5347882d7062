/** Display of KPI values: counts, rates (0–1), money in the organisation's currency. */
import type { Locale } from './i18n';

const TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

export const formatCount = (value: number, locale: Locale): string =>
  new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: 0 }).format(value);

export const formatRate = (value: number, locale: Locale): string =>
  new Intl.NumberFormat(TAGS[locale], { style: 'percent', maximumFractionDigits: 1 }).format(value);

export function formatMoney(value: number, currency: string, locale: Locale): string {
  try {
    return new Intl.NumberFormat(TAGS[locale], { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
  } catch {
    return `${new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: 0 }).format(value)} ${currency}`;
  }
}

/** "+12 %" / "−3.5 pts" style change, signed. */
export function formatChange(value: number, isRate: boolean, locale: Locale): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  const abs = Math.abs(value);
  if (isRate) return `${sign}${new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: 1 }).format(abs * 100)}`;
  return `${sign}${new Intl.NumberFormat(TAGS[locale], { style: 'percent', maximumFractionDigits: 1 }).format(abs)}`;
}

/** A day `YYYY-MM-DD` as "25 nov." / "25 Nov". */
export const formatDay = (d: string, locale: Locale): string =>
  new Intl.DateTimeFormat(TAGS[locale], { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
