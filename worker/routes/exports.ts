import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { errorResponses } from '../lib/openapi';
import { query } from '../lib/validate';
import { allow, callerOf } from '../middleware/allow';
import { KpiExportQuerySchema } from '../schemas/kpis';
import { kpisToCsv } from '../services/kpi-csv';
import { auditInsert } from '../services/audit-log';
import { computeKpis } from '../services/kpis';
import type { AppEnv } from '../env';

/** `GET /api/v1/exports/kpis.csv`: the KPI table as CSV, same parameters as `/kpis`. */
export const exportsRoutes = new Hono<AppEnv>().get(
  '/kpis.csv',
  describeRoute({
    tags: ['KPIs'],
    summary: 'The KPI table as CSV',
    description:
      'Same parameters and access as `GET /api/v1/kpis`, plus `dialect`. A header row, one row per group, then a `total` row. ' +
      '`dialect=rfc4180` (default): RFC 4180. `dialect=excel-fr`: what Excel opens as is in a French locale (`;` between cells, decimal comma, UTF-8 byte order mark). ' +
      'In every dialect, a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with a single quote.',
    responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } }, ...errorResponses('validation_failed', 'unauthenticated', 'forbidden', 'not_found') },
  }),
  allow('kpis:read'),
  query(KpiExportQuerySchema),
  async (c) => {
    const { dialect, ...q } = c.req.valid('query');
    const report = await computeKpis(c.var.db, callerOf(c).organisationId, q);
    const exported = { export: 'kpis.csv', from: report.from, to: report.to, groupBy: q.groupBy ?? null, campaignId: q.campaignId ?? null };
    await auditInsert(c.var.db, callerOf(c).organisationId, callerOf(c), { action: 'export.downloaded', target: { type: 'export', id: null }, after: exported });
    return c.body(kpisToCsv(report, dialect), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="relais-kpis-${report.from}-${report.to}${q.groupBy ? `-by-${q.groupBy}` : ''}.csv"`,
    });
  },
);
