/**
 * `GET /api/v1/contents/{id}/stats` and `GET /api/v1/links/{id}/stats`: where a content's (a link's) clicks come
 * from. The period follows the one policy of `/kpis` (schemas/period.ts).
 */
import * as v from 'valibot';
import { DEVICES, NETWORKS } from '../../db/schema';
import { PeriodQuerySchema } from './period';

/** `?from=&to=` of a stats page, resolved and checked exactly as `/kpis` does. */
export const ClickSourcesQuerySchema = PeriodQuerySchema;

/** How many values each breakdown names; the rest add up in `other`. */
export const BREAKDOWN_TOP = 10;

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** The content's (the link's) figures for the period, from the daily rollup, as `/kpis` computes them. */
export const ClickTotalsSchema = v.pipe(
  v.object({
    clicks: v.pipe(Count, v.description('human clicks only')),
    uniqueVisitors: v.pipe(Count, v.description('distinct daily visitors, added up over the days (as `/kpis?groupBy=content`)')),
    filtered: v.object({ preview: Count, scanner: Count, automated: Count, self: Count, optout: Count }),
    conversions: v.pipe(Count, v.description('attributed conversions, on the day of their click')),
  }),
  v.title('ClickTotals'),
);
export type ClickTotals = v.InferOutput<typeof ClickTotalsSchema>;

/** One day of the period; every day is present, in order. */
export const DailyClicksSchema = v.object({ day: v.string(), clicks: Count, uniqueVisitors: Count });
export type DailyClicks = v.InferOutput<typeof DailyClicksSchema>;

const BreakdownSchema = v.pipe(
  v.object({
    rows: v.array(v.object({ key: v.pipe(v.nullable(v.string()), v.description('null: not known (no referrer, no country)')), clicks: Count })),
    other: v.pipe(Count, v.description(`human clicks of every value beyond the first ${BREAKDOWN_TOP}`)),
  }),
  v.title('ClickBreakdown'),
);
export type Breakdown = v.InferOutput<typeof BreakdownSchema>;

/** Human clicks by referrer host, country and device class, read from raw clicks (kept `retentionMonths`). */
export const BreakdownsSchema = v.pipe(
  v.object({
    from: v.pipe(v.string(), v.description('the first day the breakdowns cover: raw clicks are kept for the organisation’s `retentionMonths` only, so an older period shows its totals but not its sources')),
    referrers: BreakdownSchema,
    countries: v.pipe(BreakdownSchema, v.description('ISO 3166-1 alpha-2 codes')),
    devices: v.pipe(BreakdownSchema, v.description(`device classes: ${DEVICES.join(', ')}`)),
  }),
  v.title('ClickBreakdowns'),
);
export type Breakdowns = v.InferOutput<typeof BreakdownsSchema>;

/** One row of a content's link list: a visible ambassador's link, or `others` (everyone else, and links of people who left). */
export const LinkFiguresSchema = v.pipe(
  v.object({
    key: v.pipe(v.string(), v.description('the link’s id, or `others`')),
    slug: v.nullable(v.string()),
    network: v.nullable(v.picklist(NETWORKS)),
    ambassadorName: v.pipe(v.nullable(v.string()), v.description('the public name, as the leaderboard shows it')),
    links: v.pipe(Count, v.description('links in the row')),
    clicks: Count,
    uniqueVisitors: Count,
    conversions: Count,
  }),
  v.title('LinkFigures'),
);
export type LinkFigures = v.InferOutput<typeof LinkFiguresSchema>;

const SourcesEntries = {
  from: v.string(),
  to: v.string(),
  totals: ClickTotalsSchema,
  days: v.array(DailyClicksSchema),
  breakdowns: BreakdownsSchema,
};

/** `GET /api/v1/contents/{id}/stats`. */
export const ContentStatsSchema = v.pipe(
  v.object({
    ...SourcesEntries,
    content: v.object({ id: v.string(), title: v.string(), campaignId: v.string() }),
    links: v.pipe(
      v.array(LinkFiguresSchema),
      v.description('one row per link of an ambassador shown by name (the KPI visibility rules), most clicked first, the rest in one `others` row'),
    ),
    linksWithheld: v.pipe(v.boolean(), v.description('true when 1 to 4 of the content’s ambassadors are not shown by name: no row per link then, as a remainder would single them out')),
  }),
  v.title('ContentStats'),
);
export type ContentStats = v.InferOutput<typeof ContentStatsSchema>;

/** `GET /api/v1/links/{id}/stats`. */
export const LinkStatsSchema = v.pipe(
  v.object({
    ...SourcesEntries,
    link: v.object({
      id: v.string(),
      slug: v.string(),
      network: v.picklist(NETWORKS),
      contentId: v.string(),
      contentTitle: v.string(),
      campaignId: v.string(),
      ambassadorName: v.pipe(v.string(), v.description('the public name, as the leaderboard shows it')),
    }),
  }),
  v.title('LinkStats'),
);
export type LinkStats = v.InferOutput<typeof LinkStatsSchema>;
