/** Locale-aware display of the API's values. The API's times are ISO 8601 UTC; days are UTC. */
import type { Locale } from './i18n';

const TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** "25 nov. 2026" / "25 Nov 2026"; an empty string for null. */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(TAGS[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
}

/** Date and time in the browser's time zone. */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(TAGS[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A decimal number in the locale's style. */
export function formatNumber(value: number, locale: Locale, digits = 2): string {
  return new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: digits }).format(value);
}

/** `YYYY-MM-DD` for an `<input type="date">` from an API time (its UTC day). */
export function toDateInput(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}

/** The API time of a `YYYY-MM-DD` day (00:00 UTC), or null when empty. */
export function fromDateInput(day: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T00:00:00.000Z` : null;
}

/** Reads a query parameter of the current page (islands call this once mounted). */
export function queryParam(name: string): string | null {
  return new URLSearchParams(location.search).get(name);
}
