/** Organisations: the operator creates them with their first owner; owners and editors change settings. */
import { eq } from 'drizzle-orm';
import { admins, NETWORKS, organisations } from '../../db/schema';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { newId } from '../lib/ids';
import { hashPassword } from '../lib/passwords';
import { iso } from '../lib/time';
import type { CreateOrganisationBody, Organisation, UpdateOrganisationBody } from '../schemas/organisations';
import { toAdminDto } from './admins';
import { CONVERSION_TYPES, DEFAULT_CONVERSION_VALUES, DEFAULT_RATES } from './defaults';
import { clearLinkCache } from './link-targets';
import { auditInsert, changedFields, type AuditActor } from './audit-log';
import { forgetPrivacyNotice } from './privacy-notice';
import { loadImage, type ProxiedImage } from './proxied-images';

type OrganisationRow = typeof organisations.$inferSelect;

/** The API shape, with every network's rates and every conversion type's value filled in from the defaults. */
export function toOrganisationDto(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    attributionWindowDays: row.attributionWindowDays,
    fallbackUrl: row.fallbackUrl,
    utmMedium: row.utmMedium,
    currency: row.currency,
    rates: Object.fromEntries(NETWORKS.map((n) => [n, { ...DEFAULT_RATES[n], ...row.rates[n] }])) as Organisation['rates'],
    conversionValues: Object.fromEntries(CONVERSION_TYPES.map((t) => [t, row.conversionValues[t] ?? DEFAULT_CONVERSION_VALUES[t]])) as Organisation['conversionValues'],
    ambassadorVisibility: row.ambassadorVisibility,
    retentionMonths: row.retentionMonths,
    sharingGuide: row.sharingGuide,
    logoUrl: row.logoUrl,
    privacyContact: row.privacyContact,
    cseInformedOn: row.cseInformedOn,
    auditRetentionMonths: row.auditRetentionMonths,
    disclosure: row.disclosure,
    trustSettingsAt: iso(row.trustSettingsAt ?? row.createdAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** The caller's organisation (it always exists while a caller does). */
export async function getOrganisationOrThrow(db: Db, organisationId: string): Promise<OrganisationRow> {
  const row = await db.select().from(organisations).where(eq(organisations.id, organisationId)).get();
  if (!row) throw new ApiError('not_found', 'No such organisation.');
  return row;
}

/** The organisation's logo, fetched and cached by the Worker; 404 when it has none or it cannot be served. */
export async function getOrganisationLogo(db: Db, organisationId: string): Promise<ProxiedImage> {
  const row = await db.select({ logoUrl: organisations.logoUrl }).from(organisations).where(eq(organisations.id, organisationId)).get();
  const image = row?.logoUrl ? await loadImage(row.logoUrl) : null;
  if (!image) throw new ApiError('not_found', 'This organisation has no logo to show.');
  return image;
}

/** Creates an organisation and its first owner (operator only). */
export async function createOrganisation(db: Db, input: CreateOrganisationBody, now = Date.now()) {
  if (await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, input.slug)).get()) {
    throw new ApiError('conflict', `An organisation with slug "${input.slug}" already exists.`, 'slug');
  }
  const organisation = { id: newId('org'), name: input.name, slug: input.slug, createdAt: now, updatedAt: now };
  const admin = {
    id: newId('adm'),
    organisationId: organisation.id,
    email: input.adminEmail,
    name: input.adminName ?? input.adminEmail.split('@')[0] ?? input.adminEmail,
    role: 'owner' as const,
    passwordHash: await hashPassword(input.adminPassword),
    status: 'active' as const,
    createdAt: now,
    updatedAt: now,
  };
  const [[orgRow], [adminRow]] = await db.batch([db.insert(organisations).values(organisation).returning(), db.insert(admins).values(admin).returning()]);
  if (!orgRow || !adminRow) throw new Error('organisation insert returned nothing');
  forgetPrivacyNotice();
  return { organisation: toOrganisationDto(orgRow), admin: toAdminDto(adminRow) };
}

/**
 * The settings the generated documents (CSE note, DPIA) and the audit log reflect: who sees what, how long data
 * stay, who to write to, what the programme is called. A change to one of them is logged and dates the documents.
 */
const TRUST_SETTINGS = ['name', 'ambassadorVisibility', 'cseInformedOn', 'retentionMonths', 'auditRetentionMonths', 'privacyContact', 'attributionWindowDays', 'disclosure', 'fallbackUrl'] as const;

/**
 * Applies a PATCH: absent fields stay, `rates` and `conversionValues` merge per key (RFC 7396 style). Naming every
 * ambassador (`ambassadorVisibility` = `all`) needs the day the works council was informed (`cseInformedOn`).
 */
export async function updateOrganisation(db: Db, actor: AuditActor, organisationId: string, patch: UpdateOrganisationBody, now = Date.now()): Promise<Organisation> {
  const current = await getOrganisationOrThrow(db, organisationId);
  const { rates, conversionValues, ...plain } = patch;
  const next = { ...current, ...plain };
  if (next.ambassadorVisibility === 'all' && !next.cseInformedOn) {
    throw new ApiError('validation_failed', 'Naming every ambassador needs the day the works council (CSE) was informed: send cseInformedOn.', 'cseInformedOn');
  }
  const mergedRates = rates
    ? Object.fromEntries(NETWORKS.map((n) => [n, { ...current.rates[n], ...rates[n] }]).filter(([, r]) => Object.keys(r as object).length > 0))
    : current.rates;
  const trust = changedFields(current, next, TRUST_SETTINGS);
  const update = db
    .update(organisations)
    .set({ ...plain, rates: mergedRates, conversionValues: { ...current.conversionValues, ...conversionValues }, updatedAt: now, ...(trust ? { trustSettingsAt: now } : {}) })
    .where(eq(organisations.id, organisationId))
    .returning();
  const [[row]] = trust
    ? await db.batch([update, auditInsert(db, organisationId, actor, { action: 'organisation.updated', target: { type: 'organisation', id: organisationId }, ...trust }, now)])
    : [await update];
  if (!row) throw new ApiError('not_found', 'No such organisation.');
  // utmMedium and fallbackUrl are part of every cached redirect target.
  if (plain.utmMedium !== undefined || plain.fallbackUrl !== undefined) clearLinkCache();
  forgetPrivacyNotice();
  return toOrganisationDto(row);
}
