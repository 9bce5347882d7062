/**
 * The KPI table as CSV (RFC 4180, through Papa Parse): one row per group, then the total. Text cells that a
 * spreadsheet would run as a formula are prefixed with a single quote (OWASP's CSV-injection rule, API.md).
 */
import Papa from 'papaparse';
import type { KpiReport, KpiTotals } from '../schemas/kpis';

/** One flat row of a group's KPIs; `filtered.*` become their own columns. */
function flatten({ filtered, ...rest }: KpiTotals) {
  return {
    ...rest,
    'filtered.preview': filtered.preview,
    'filtered.scanner': filtered.scanner,
    'filtered.automated': filtered.automated,
    'filtered.self': filtered.self,
    'filtered.optout': filtered.optout,
  };
}

const COLUMNS = [
  'shares', 'reach', 'reachEstimated', 'impressions', 'engagements', 'engagementRate', 'clicks', 'uniqueVisitors',
  'filtered.preview', 'filtered.scanner', 'filtered.automated', 'filtered.self', 'filtered.optout',
  'conversions', 'conversionRate', 'conversionValue', 'emv', 'ambassadors', 'activeAmbassadors', 'participationRate',
] as const satisfies ReadonlyArray<keyof ReturnType<typeof flatten>>;

/**
 * OWASP's formula starters. Papa Parse's own `escapeFormulae: true` uses `/^[=+\-@\t\r].*$/`, which misses a
 * cell whose text continues past a line break; only the first character matters. Numbers are never prefixed.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** Serialises a report: header `from,to,key,label,<every KPI>`. */
export function kpisToCsv(report: KpiReport): string {
  const rows = [...report.groups, { key: 'total', label: 'Total', totals: report.totals }].map((g) => {
    const flat = flatten(g.totals);
    return [report.from, report.to, g.key, g.label, ...COLUMNS.map((c) => flat[c])];
  });
  return Papa.unparse({ fields: ['from', 'to', 'key', 'label', ...COLUMNS], data: rows }, { newline: '\r\n', escapeFormulae: FORMULA_START });
}
