import * as v from 'valibot';
import { isBoundedPeriod, isOrderedPeriod, PeriodEntries, UNBOUNDED_PERIOD, UNORDERED_PERIOD, withPeriodDefaults } from './period';

export const KPI_GROUPS = ['day', 'campaign', 'content', 'ambassador', 'network', 'team'] as const;

const KpiQueryObjectSchema = v.object({
  ...PeriodEntries,
  campaignId: v.optional(v.pipe(v.string(), v.maxLength(64, 'campaignId is not a campaign id'), v.description('only this campaign (404 when it is not one of the organisation’s)'))),
  groupBy: v.optional(
    v.pipe(
      v.picklist(KPI_GROUPS, `groupBy must be one of ${KPI_GROUPS.join(', ')}`),
      v.description('one group per day, campaign, content, ambassador (opted-in names only), network or team (teams under 5 merged into "others")'),
    ),
  ),
});

/** `GET /api/v1/kpis`: the period policy (schemas/period.ts), a campaign, a grouping. */
export const KpiQuerySchema = v.pipe(
  KpiQueryObjectSchema,
  v.transform((query) => withPeriodDefaults(query)),
  v.forward(v.check((p) => isOrderedPeriod(p), UNORDERED_PERIOD), ['to']),
  v.forward(v.check((p) => isBoundedPeriod(p), UNBOUNDED_PERIOD), ['to']),
);
export type KpiQuery = v.InferOutput<typeof KpiQuerySchema>;

/** The CSV dialects of the export: RFC 4180 (the default), or what Excel opens as is in a French locale. */
export const CSV_DIALECTS = ['rfc4180', 'excel-fr'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

/** `GET /api/v1/exports/kpis.csv`: the parameters of `/kpis` under the same period policy, plus the CSV dialect. */
export const KpiExportQuerySchema = v.pipe(
  v.object({
    ...KpiQueryObjectSchema.entries,
    dialect: v.optional(
      v.pipe(
        v.picklist(CSV_DIALECTS, `dialect must be one of ${CSV_DIALECTS.join(', ')}`),
        v.description('`rfc4180` (default): comma-separated, decimal point, no BOM. `excel-fr`: what Excel opens as is in a French locale: semicolon-separated, decimal comma, UTF-8 byte order mark. Both end lines with CRLF.'),
      ),
      'rfc4180',
    ),
  }),
  v.transform((query) => withPeriodDefaults(query)),
  v.forward(v.check((p) => isOrderedPeriod(p), UNORDERED_PERIOD), ['to']),
  v.forward(v.check((p) => isBoundedPeriod(p), UNBOUNDED_PERIOD), ['to']),
);

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Rate = v.pipe(v.number(), v.minValue(0), v.description('0 when the denominator is 0, never NaN or null'));

/** Every KPI of API.md, for the whole period or one group. */
export const KpiTotalsSchema = v.pipe(
  v.object({
    shares: Count,
    reach: v.pipe(v.number(), v.description('impressions reported, plus reachEstimated')),
    reachEstimated: v.pipe(v.number(), v.description('for shares without a report: declared audience × the network’s organic reach rate')),
    impressions: Count,
    engagements: Count,
    engagementRate: Rate,
    clicks: v.pipe(Count, v.description('human clicks only')),
    uniqueVisitors: Count,
    filtered: v.object({ preview: Count, scanner: Count, automated: Count, self: Count, optout: Count }),
    conversions: Count,
    conversionRate: Rate,
    conversionValue: v.number(),
    emv: v.pipe(v.number(), v.description('Σ per network (clicks × CPC + impressions / 1000 × CPM)')),
    ambassadors: Count,
    activeAmbassadors: Count,
    participationRate: Rate,
  }),
  v.title('KpiTotals'),
);
export type KpiTotals = v.InferOutput<typeof KpiTotalsSchema>;

export const KpiReportSchema = v.pipe(
  v.object({
    from: v.string(),
    to: v.string(),
    currency: v.string(),
    totals: KpiTotalsSchema,
    groups: v.array(v.object({ key: v.string(), label: v.string(), totals: KpiTotalsSchema })),
  }),
  v.title('KpiReport'),
);
export type KpiReport = v.InferOutput<typeof KpiReportSchema>;
