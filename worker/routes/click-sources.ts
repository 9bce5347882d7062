import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { errorResponses, jsonResponse } from '../lib/openapi';
import { params, query } from '../lib/validate';
import { allow, callerOf } from '../middleware/allow';
import { ClickSourcesQuerySchema, ContentStatsSchema, LinkStatsSchema } from '../schemas/click-sources';
import { IdParamSchema } from '../schemas/common';
import { getContentStats, getLinkStats } from '../services/click-sources';
import type { AppEnv } from '../env';

const PERIOD = '`from`/`to` are days (UTC), default the last 30 days (to today); at most 731 days, as for `/kpis`. Totals and the daily series come from the daily rollups; the breakdowns of human clicks by referrer host, country and device class from raw clicks, which are kept for the organisation’s `retentionMonths` (`breakdowns.from` says where they start).';

/** `GET /api/v1/contents/{id}/stats`: where a content's clicks come from. */
export const contentStatsRoutes = new Hono<AppEnv>().get(
  '/:id/stats',
  describeRoute({
    tags: ['KPIs'],
    summary: 'Where a content’s clicks come from',
    description: `Scope \`kpis:read\` (or an admin session). ${PERIOD} Its links appear one by one only for ambassadors shown by name (as \`/kpis?groupBy=ambassador\`), the others as one \`others\` row; when 1 to 4 of its ambassadors are not shown, no link appears (\`linksWithheld\`).`,
    responses: { ...jsonResponse(200, 'The content’s stats', ContentStatsSchema), ...errorResponses('validation_failed', 'unauthenticated', 'forbidden', 'not_found') },
  }),
  allow('kpis:read'),
  params(IdParamSchema),
  query(ClickSourcesQuerySchema),
  async (c) => c.json(await getContentStats(c.var.db, callerOf(c).organisationId, c.req.valid('param').id, c.req.valid('query')), 200),
);

/** `GET /api/v1/links/{id}/stats`: where one ambassador's link's clicks come from, when that ambassador is shown by name. */
export const linksRoutes = new Hono<AppEnv>().get(
  '/:id/stats',
  describeRoute({
    tags: ['KPIs'],
    summary: 'Where a link’s clicks come from',
    description: `Scope \`kpis:read\` (or an admin session). ${PERIOD} A link is one person’s: a link whose ambassador is not shown by name, who left, or whose content has 1 to 4 ambassadors not shown answers 404, as an unknown link does.`,
    responses: { ...jsonResponse(200, 'The link’s stats', LinkStatsSchema), ...errorResponses('validation_failed', 'unauthenticated', 'forbidden', 'not_found') },
  }),
  allow('kpis:read'),
  params(IdParamSchema),
  query(ClickSourcesQuerySchema),
  async (c) => c.json(await getLinkStats(c.var.db, callerOf(c).organisationId, c.req.valid('param').id, c.req.valid('query')), 200),
);
