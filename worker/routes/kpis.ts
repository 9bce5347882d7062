import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { errorResponses, jsonResponse } from '../lib/openapi';
import { query } from '../lib/validate';
import { allow, callerOf } from '../middleware/allow';
import { KpiQuerySchema, KpiReportSchema } from '../schemas/kpis';
import { computeKpis } from '../services/kpis';
import type { AppEnv } from '../env';

/** `GET /api/v1/kpis`: the programme's KPIs for a period, overall and grouped. */
export const kpisRoutes = new Hono<AppEnv>().get(
  '/',
  describeRoute({
    tags: ['KPIs'],
    summary: 'KPIs for a period',
    description:
      'Scope `kpis:read` (or an admin session). Computed from daily rollups. `from`/`to` are days (UTC), default the last 30 days (to today); at most 731 days. ' +
      '`groupBy=ambassador` names only ambassadors who chose to be visible; `groupBy=team` merges teams under 5 ambassadors into "others". Definitions in the README.',
    responses: { ...jsonResponse(200, 'The KPI report', KpiReportSchema), ...errorResponses('validation_failed', 'unauthenticated', 'forbidden', 'not_found') },
  }),
  allow('kpis:read'),
  query(KpiQuerySchema),
  async (c) => c.json(await computeKpis(c.var.db, callerOf(c).organisationId, c.req.valid('query')), 200),
);
