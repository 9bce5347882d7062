/**
 * The settings form's editable copy of the organisation: every input is a string, converted back to
 * the API's numbers on save. Organic reach is edited as a percentage (8 %) but stored as a share (0.08).
 */
import type { ConversionType, Network, Organisation, OrganisationPatch } from './api-types';
import { CONVERSION_TYPES, NETWORKS } from './enums';

export interface RateDraft {
  cpc: string;
  cpm: string;
  organicReach: string;
}

export interface SettingsDraft {
  name: string;
  attributionWindowDays: string;
  fallbackUrl: string;
  logoUrl: string;
  utmMedium: string;
  currency: string;
  retentionMonths: string;
  auditRetentionMonths: string;
  privacyContact: string;
  disclosure: string;
  rates: Record<Network, RateDraft>;
  conversionValues: Record<ConversionType, string>;
}

const percent = (share: number) => String(Math.round(share * 10_000) / 100);
/** An empty input is sent as NaN (JSON null) so the API names the field that needs a number. */
const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.replace(',', '.')));

/** An optional text: trimmed, and null when left empty. */
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The organisation's settings as the form's strings. */
export function toDraft(org: Organisation): SettingsDraft {
  const rates = {} as Record<Network, RateDraft>;
  for (const n of NETWORKS) rates[n] = { cpc: String(org.rates[n].cpc), cpm: String(org.rates[n].cpm), organicReach: percent(org.rates[n].organicReach) };
  const conversionValues = {} as Record<ConversionType, string>;
  for (const type of CONVERSION_TYPES) conversionValues[type] = String(org.conversionValues[type]);
  return {
    name: org.name,
    attributionWindowDays: String(org.attributionWindowDays),
    fallbackUrl: org.fallbackUrl ?? '',
    logoUrl: org.logoUrl ?? '',
    utmMedium: org.utmMedium,
    currency: org.currency,
    retentionMonths: String(org.retentionMonths),
    auditRetentionMonths: String(org.auditRetentionMonths),
    privacyContact: org.privacyContact ?? '',
    disclosure: org.disclosure ?? '',
    rates,
    conversionValues,
  };
}

/** The form's strings as the API's PATCH body. */
export function toPatch(draft: SettingsDraft): OrganisationPatch {
  const rates: NonNullable<OrganisationPatch['rates']> = {};
  for (const n of NETWORKS) {
    const rate = draft.rates[n];
    rates[n] = { cpc: num(rate.cpc), cpm: num(rate.cpm), organicReach: num(rate.organicReach) / 100 };
  }
  const conversionValues: NonNullable<OrganisationPatch['conversionValues']> = {};
  for (const type of CONVERSION_TYPES) conversionValues[type] = num(draft.conversionValues[type]);
  return {
    name: draft.name,
    attributionWindowDays: num(draft.attributionWindowDays),
    fallbackUrl: orNull(draft.fallbackUrl),
    logoUrl: orNull(draft.logoUrl),
    utmMedium: draft.utmMedium,
    currency: draft.currency.trim().toUpperCase(),
    retentionMonths: num(draft.retentionMonths),
    auditRetentionMonths: num(draft.auditRetentionMonths),
    privacyContact: orNull(draft.privacyContact),
    disclosure: orNull(draft.disclosure),
    rates,
    conversionValues,
  };
}
