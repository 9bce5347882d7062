/** Text in both languages of Relais, French first (the reference). */
import type { Locale } from '../lib/locale';

/** A sentence in each language. */
export type Words = Readonly<Record<Locale, string>>;

/** Builds `Words` from the French and the English text. */
export const w = (fr: string, en: string): Words => ({ fr, en });

/** The settings the data inventory and the generated documents reflect (API.md, "Privacy and trust"). */
export interface TrustSettings {
  name: string;
  ambassadorVisibility: 'opt-in' | 'all';
  cseInformedOn: string | null;
  retentionMonths: number;
  auditRetentionMonths: number;
  attributionWindowDays: number;
  privacyContact: string | null;
}
