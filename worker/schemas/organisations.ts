import { createSelectSchema } from 'drizzle-valibot';
import * as v from 'valibot';
import { NETWORKS, organisations } from '../../db/schema';
import { CONVERSION_TYPES } from '../services/defaults';
import { publicUrlIssue } from '../lib/public-url';
import { DaySchema } from './period';
import { contactHref } from '../lib/privacy-contact';
import { asNumber, asPicklist, asTimestamp, HttpUrlSchema, NameSchema, SlugSchema, TargetUrlSchema } from './common';

const MAX_GUIDE_LENGTH = 20_000;



const Money = v.pipe(v.number('must be a number'), v.minValue(0, 'must be zero or more'), v.maxValue(1_000_000, 'is too large'));

const NetworkRateSchema = v.object({
  cpc: v.pipe(Money, v.description('cost per click of a paid ad on this network')),
  cpm: v.pipe(Money, v.description('cost per thousand impressions of a paid ad')),
  organicReach: v.pipe(v.number('must be a number'), v.minValue(0, 'must be between 0 and 1'), v.maxValue(1, 'must be between 0 and 1'), v.description('share of followers who see an organic post, 0–1')),
});

const RatesSchema = v.object(Object.fromEntries(NETWORKS.map((n) => [n, NetworkRateSchema])) as Record<(typeof NETWORKS)[number], typeof NetworkRateSchema>);
const ConversionValuesSchema = v.object(Object.fromEntries(CONVERSION_TYPES.map((t) => [t, Money])) as Record<(typeof CONVERSION_TYPES)[number], typeof Money>);

/** The logo's address: https, on a public host, fetched by Relais and served to ambassadors from its own origin. */
const LogoUrlSchema = v.pipe(
  HttpUrlSchema,
  v.check((href) => href.startsWith('https:'), 'must be an https URL'),
  v.rawCheck(({ dataset, addIssue }) => {
    const issue = dataset.typed ? publicUrlIssue(dataset.value) : undefined;
    if (issue) addIssue({ message: issue });
  }),
);

const OrganisationRowSchema = createSelectSchema(organisations, {
  attributionWindowDays: asNumber,
  rates: () => RatesSchema,
  conversionValues: () => ConversionValuesSchema,
  ambassadorVisibility: asPicklist(organisations.ambassadorVisibility),
  retentionMonths: asNumber,
  sharingGuide: (schema) => v.pipe(schema, v.description('the “Sharing well” guide ambassadors read, Markdown; null: the one Relais ships')),
  logoUrl: (schema) => v.pipe(schema, v.description('the organisation’s logo (https, public host), shown in the ambassador’s space through GET /api/v1/organisation/logo; null: none')),
  privacyContact: (schema) => v.pipe(schema, v.description('who audiences and ambassadors write to about their data: an e-mail address or an https URL; shown on /privacy and in the documents')),
  cseInformedOn: (schema) => v.pipe(schema, v.description('the day (YYYY-MM-DD) the works council (CSE) was informed; required before `ambassadorVisibility` = `all`')),
  auditRetentionMonths: asNumber,
  disclosure: (schema) => v.pipe(schema, v.description('a disclosure line the ambassador’s composer proposes to add to a post, e.g. « Je travaille chez Acme »; null: none')),
  trustSettingsAt: asTimestamp,
  createdAt: asTimestamp,
  updatedAt: asTimestamp,
});

/** An organisation's settings as the API shows them (defaults filled in). */
export const OrganisationSchema = v.pipe(
  v.pick(OrganisationRowSchema, [
    'id',
    'name',
    'slug',
    'attributionWindowDays',
    'fallbackUrl',
    'utmMedium',
    'currency',
    'rates',
    'conversionValues',
    'ambassadorVisibility',
    'retentionMonths',
    'sharingGuide',
    'logoUrl',
    'privacyContact',
    'cseInformedOn',
    'auditRetentionMonths',
    'disclosure',
    'trustSettingsAt',
    'createdAt',
    'updatedAt',
  ]),
  v.title('Organisation'),
);
export type Organisation = v.InferOutput<typeof OrganisationSchema>;

/** `PATCH /api/v1/organisation`: every field optional; `rates` and `conversionValues` merge per key. */
export const UpdateOrganisationBodySchema = v.strictObject(
  {
    name: v.optional(v.pipe(NameSchema(), v.description('the organisation’s name'))),
    attributionWindowDays: v.optional(
      v.pipe(v.number('must be a number'), v.integer('must be a whole number of days'), v.minValue(1, 'must be 1 to 365 days'), v.maxValue(365, 'must be 1 to 365 days'), v.description('how long after a click a conversion is attributed, 1 to 365 days')),
    ),
    fallbackUrl: v.optional(v.pipe(v.nullable(TargetUrlSchema), v.description('where links to archived or ended content lead, or null'))),
    utmMedium: v.optional(
      v.pipe(v.string('must be a string'), v.trim(), v.regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1–64 letters, digits, dots, dashes or underscores'), v.description('sent as utm_medium (default employee_advocacy)')),
    ),
    currency: v.optional(v.pipe(v.string('must be a string'), v.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'), v.description('ISO 4217 code of every value and the EMV'))),
    rates: v.optional(
      v.pipe(
        v.partial(v.strictObject(Object.fromEntries(NETWORKS.map((n) => [n, v.partial(NetworkRateSchema)])) as Record<(typeof NETWORKS)[number], ReturnType<typeof v.partial<typeof NetworkRateSchema>>>)),
        v.description('per network: CPC and CPM (for the EMV) and the organic reach rate (for the estimated reach); merged per key'),
      ),
    ),
    conversionValues: v.optional(
      v.pipe(
        v.partial(v.strictObject(Object.fromEntries(CONVERSION_TYPES.map((t) => [t, Money])) as Record<(typeof CONVERSION_TYPES)[number], typeof Money>)),
        v.description('default value per conversion type, when a conversion reports none; merged per key'),
      ),
    ),
    ambassadorVisibility: v.optional(v.pipe(v.picklist(['opt-in', 'all'], 'must be opt-in or all'), v.description('who is named in KPIs and the leaderboard: `opt-in` (default) or `all`, only after informing the works council'))),
    retentionMonths: v.optional(
      v.pipe(v.number('must be a number'), v.integer('must be a whole number of months'), v.minValue(1, 'must be 1 to 120 months'), v.maxValue(120, 'must be 1 to 120 months'), v.description('how long raw clicks are kept, 1 to 120 months')),
    ),
    sharingGuide: v.optional(
      v.pipe(
        v.nullable(v.pipe(v.string('must be a string'), v.trim(), v.minLength(1, 'is empty: send null to use the guide Relais ships'), v.maxLength(MAX_GUIDE_LENGTH, `must be at most ${MAX_GUIDE_LENGTH} characters`))),
        v.description('the “Sharing well” guide ambassadors read, Markdown; null: the one Relais ships'),
      ),
    ),
    privacyContact: v.optional(
      v.pipe(
        v.nullable(
          v.pipe(
            v.string('must be a string'),
            v.trim(),
            v.maxLength(254, 'must be at most 254 characters'),
            v.check((value) => contactHref(value) !== null, 'must be an e-mail address or an https URL'),
          ),
        ),
        v.description('who audiences and ambassadors write to about their data: an e-mail address or an https URL, or null'),
      ),
    ),
    cseInformedOn: v.optional(v.pipe(v.nullable(DaySchema('cseInformedOn')), v.description('the day (YYYY-MM-DD) the works council (CSE) was informed of the programme; required while `ambassadorVisibility` is `all`'))),
    auditRetentionMonths: v.optional(
      v.pipe(v.number('must be a number'), v.integer('must be a whole number of months'), v.minValue(1, 'must be 1 to 120 months'), v.maxValue(120, 'must be 1 to 120 months'), v.description('how long the audit log is kept, 1 to 120 months (default 25)')),
    ),
    disclosure: v.optional(
      v.pipe(
        v.nullable(v.pipe(v.string('must be a string'), v.trim(), v.minLength(1, 'is empty: send null to propose none'), v.maxLength(200, 'must be at most 200 characters'))),
        v.description('a disclosure line the composer proposes (never adds silently), e.g. « Je travaille chez Acme »; null: none'),
      ),
    ),
    logoUrl: v.optional(v.pipe(v.nullable(LogoUrlSchema), v.description('the organisation’s logo: an https URL on a public host (PNG, JPEG, GIF or WebP, at most 2 MB), or null for none'))),
  },
  'has a field this resource does not have',
);
export type UpdateOrganisationBody = v.InferOutput<typeof UpdateOrganisationBodySchema>;

/** `POST /api/v1/organisations` (operator). */
export const CreateOrganisationBodySchema = v.object({
  name: v.pipe(NameSchema(), v.description('the organisation’s name')),
  slug: v.pipe(SlugSchema, v.description('its unique slug, which a person who runs several organisations names at sign-in')),
  adminEmail: v.pipe(v.string('must be an e-mail address'), v.trim(), v.toLowerCase(), v.email('must be an e-mail address'), v.maxLength(254, 'is too long'), v.description('the first owner’s e-mail address')),
  adminPassword: v.pipe(v.string('must be a string'), v.minLength(12, 'must be at least 12 characters'), v.maxLength(256, 'must be at most 256 characters'), v.description('the first owner’s password, at least 12 characters')),
  adminName: v.optional(v.pipe(NameSchema(), v.description('the first owner’s name'))),
});
export type CreateOrganisationBody = v.InferOutput<typeof CreateOrganisationBodySchema>;
