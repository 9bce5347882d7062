import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { errorResponses, jsonResponse, noContent } from '../lib/openapi';
import { jsonBody, params, query } from '../lib/validate';
import { allow, callerOf } from '../middleware/allow';
import { CampaignSchema, CreateCampaignBodySchema, ListCampaignsQuerySchema, UpdateCampaignBodySchema } from '../schemas/campaigns';
import { IdParamSchema, pageOf } from '../schemas/common';
import { createCampaign, deleteCampaign, getCampaign, listCampaigns, updateCampaign } from '../services/campaigns';
import type { AppEnv } from '../env';

const tags = ['Campaigns'];

/** `GET, POST /api/v1/campaigns`, `GET, PATCH, DELETE /api/v1/campaigns/{id}`: the organisation's campaigns. */
export const campaignsRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({
      tags,
      summary: 'List campaigns, newest first',
      responses: { ...jsonResponse(200, 'A page of campaigns', pageOf(CampaignSchema)), ...errorResponses('validation_failed', 'unauthenticated', 'forbidden') },
    }),
    allow('read'),
    query(ListCampaignsQuerySchema),
    async (c) => c.json(await listCampaigns(c.var.db, callerOf(c).organisationId, c.req.valid('query')), 200),
  )
  .post(
    '/',
    describeRoute({
      tags,
      summary: 'Create a campaign',
      description: 'Without `slug`, one is derived from the name (lower-case ASCII, dashes), made unique with `-2`, `-3`…; a `slug` that is already taken answers 409. `status` defaults to `draft`.',
      responses: { ...jsonResponse(201, 'Created', CampaignSchema), ...errorResponses('invalid_json', 'validation_failed', 'unauthenticated', 'forbidden', 'conflict') },
    }),
    allow('write'),
    jsonBody(CreateCampaignBodySchema),
    async (c) => c.json(await createCampaign(c.var.db, callerOf(c).organisationId, c.req.valid('json')), 201),
  )
  .get(
    '/:id',
    describeRoute({ tags, summary: 'Read a campaign', responses: { ...jsonResponse(200, 'The campaign', CampaignSchema), ...errorResponses('unauthenticated', 'forbidden', 'not_found') } }),
    allow('read'),
    params(IdParamSchema),
    async (c) => c.json(await getCampaign(c.var.db, callerOf(c).organisationId, c.req.valid('param').id), 200),
  )
  .patch(
    '/:id',
    describeRoute({
      tags,
      summary: 'Change a campaign',
      description: 'Only the fields sent change; `null` clears `startsAt` or `endsAt`. Changing the slug changes `utm_campaign` of later clicks.',
      responses: { ...jsonResponse(200, 'The updated campaign', CampaignSchema), ...errorResponses('invalid_json', 'validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict') },
    }),
    allow('write'),
    params(IdParamSchema),
    jsonBody(UpdateCampaignBodySchema),
    async (c) => c.json(await updateCampaign(c.var.db, callerOf(c).organisationId, c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .delete(
    '/:id',
    describeRoute({
      tags,
      summary: 'Delete a campaign (archived instead when it has content)',
      description: 'A campaign with content is archived, its contents too, so links already posted keep redirecting; a campaign without content is deleted. Repeating the call answers 204 again.',
      responses: { ...noContent, ...errorResponses('unauthenticated', 'forbidden', 'not_found') },
    }),
    allow('write'),
    params(IdParamSchema),
    async (c) => {
      await deleteCampaign(c.var.db, callerOf(c).organisationId, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
