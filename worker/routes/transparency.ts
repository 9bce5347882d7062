import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { errorResponses, jsonResponse } from '../lib/openapi';
import { query } from '../lib/validate';
import { allow, callerOf } from '../middleware/allow';
import { TransparencyQuerySchema, TransparencySchema } from '../schemas/transparency';
import { ambassadorTransparency } from '../services/transparency';
import type { AppEnv } from '../env';

/** `GET /api/v1/me/transparency`: what is stored about the ambassador, who sees it, for how long. */
export const meTransparencyRoutes = new Hono<AppEnv>().get(
  '/',
  describeRoute({
    tags: ['Privacy and trust'],
    summary: 'What is stored about me, who sees it and for how long',
    description: 'Written from the same data inventory as the CSE note and the DPIA, under the organisation’s current settings (visibility, retention), in `lang`.',
    responses: { ...jsonResponse(200, 'The transparency summary', TransparencySchema), ...errorResponses('validation_failed', 'unauthenticated', 'forbidden') },
  }),
  allow('ambassador'),
  query(TransparencyQuerySchema),
  async (c) => c.json(await ambassadorTransparency(c.var.db, callerOf(c).organisationId, c.req.valid('query').lang), 200),
);
