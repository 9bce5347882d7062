import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { errorResponses, jsonResponse } from '../lib/openapi';
import { query } from '../lib/validate';
import { allow, callerOf } from '../middleware/allow';
import { LeaderboardSchema, PeriodQuerySchema } from '../schemas/me';
import { getLeaderboard } from '../services/leaderboard';
import type { AppEnv } from '../env';

/** `GET /api/v1/leaderboard`: opted-in ambassadors ranked by results, never by share count. */
export const leaderboardRoutes = new Hono<AppEnv>().get(
  '/',
  describeRoute({
    tags: ['Leaderboard'],
    summary: 'The leaderboard',
    description:
      'Only ambassadors who opted in (`leaderboardOptIn`), by display name, ranked by conversions, then unique visitors, then engagements — never by how many posts they made. `from`/`to` (YYYY-MM-DD, inclusive) default to the last 30 days; at most 731 days. Readable by the organisation’s admins (any role, or an `admin` key) and by ambassadors who opted in themselves; any other ambassador gets 403.',
    responses: { ...jsonResponse(200, 'The ranking', LeaderboardSchema), ...errorResponses('validation_failed', 'unauthenticated', 'forbidden') },
  }),
  allow('read', 'ambassador'),
  query(PeriodQuerySchema),
  async (c) => c.json(await getLeaderboard(c.var.db, callerOf(c), c.req.valid('query')), 200),
);
