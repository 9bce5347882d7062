/**
 * The KPI table as CSV (through Papa Parse): one row per group, then the total, in one of two dialects. Text
 * cells that a spreadsheet would run as a formula are prefixed with a single quote (OWASP's CSV-injection rule,
 * API.md), whatever the dialect.
 */
import Papa from 'papaparse';
import type { CsvDialect, KpiReport, KpiTotals } from '../schemas/kpis';

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
 * cell whose text continues past a line break; only the first character matters.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as a spreadsheet must read it: prefixed with a single quote when it would start a formula. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text cells of a row (`from`, `to`, `key`, `label`); every other cell is a number and never prefixed. */
const TEXT_CELLS = 4;
const NEUTRALISED = /^'[=+\-@\t\r]/;

/** How each dialect writes a file. */
const DIALECTS: Record<CsvDialect, { delimiter: string; byteOrderMark: string; number: (value: number) => number | string }> = {
  rfc4180: { delimiter: ',', byteOrderMark: '', number: (value) => value },
  // Excel in a French locale splits on `;`, reads `0,25` as a number, and reads UTF-8 only after a BOM.
  'excel-fr': { delimiter: ';', byteOrderMark: '\uFEFF', number: (value) => String(value).replace('.', ',') },
};

/** Serialises a report: header `from,to,key,label,<every KPI>` (`;` between cells in `excel-fr`), CRLF lines. */
export function kpisToCsv(report: KpiReport, dialect: CsvDialect = 'rfc4180'): string {
  const { delimiter, byteOrderMark, number } = DIALECTS[dialect];
  const rows = [...report.groups, { key: 'total', label: 'Total', totals: report.totals }].map((g) => {
    const flat = flatten(g.totals);
    return [...[report.from, report.to, g.key, g.label].map(neutralise), ...COLUMNS.map((c) => number(flat[c]))];
  });
  const csv = Papa.unparse(
    { fields: ['from', 'to', 'key', 'label', ...COLUMNS], data: rows },
    // A neutralised cell is quoted too, as Papa Parse quotes the cells it escapes itself.
    { delimiter, newline: '\r\n', quotes: (value: unknown, column: number) => column < TEXT_CELLS && typeof value === 'string' && NEUTRALISED.test(value) },
  );
  return byteOrderMark + csv;
}
