import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { errorResponses, jsonResponse } from '../lib/openapi';
import { jsonBody, params, query } from '../lib/validate';
import { allow, callerOf } from '../middleware/allow';
import { CharterAcceptanceSchema, CharterSchema, PublishCharterBodySchema, VersionParamSchema } from '../schemas/charters';
import { PageQuerySchema, pageOf } from '../schemas/common';
import { listCharterAcceptances, listCharters, publishCharter } from '../services/charters';
import type { AppEnv } from '../env';

const tags = ['Charters'];

/** `GET, POST /api/v1/charters`, `GET /api/v1/charters/{version}/acceptances`: the social-media charter and who accepted it. */
export const chartersRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({ tags, summary: 'List charter versions', responses: { ...jsonResponse(200, 'A page of versions, newest first', pageOf(CharterSchema)), ...errorResponses('validation_failed', 'unauthenticated', 'forbidden') } }),
    allow('read'),
    query(PageQuerySchema),
    async (c) => c.json(await listCharters(c.var.db, callerOf(c).organisationId, c.req.valid('query')), 200),
  )
  .post(
    '/',
    describeRoute({
      tags,
      summary: 'Publish the next charter version',
      description: '`body` is Markdown (at most 50 000 characters). The new version becomes the current one: every ambassador must accept it before their next link.',
      responses: { ...jsonResponse(201, 'Published', CharterSchema), ...errorResponses('invalid_json', 'validation_failed', 'unauthenticated', 'forbidden') },
    }),
    allow('write'),
    jsonBody(PublishCharterBodySchema),
    async (c) => c.json(await publishCharter(c.var.db, callerOf(c), callerOf(c).organisationId, c.req.valid('json')), 201),
  )
  .get(
    '/:version/acceptances',
    describeRoute({
      tags,
      summary: 'Who accepted a charter version',
      responses: { ...jsonResponse(200, 'A page of acceptances by active ambassadors, most recent first', pageOf(CharterAcceptanceSchema)), ...errorResponses('validation_failed', 'unauthenticated', 'forbidden', 'not_found') },
    }),
    allow('read'),
    params(VersionParamSchema),
    query(PageQuerySchema),
    async (c) => c.json(await listCharterAcceptances(c.var.db, callerOf(c).organisationId, c.req.valid('param').version, c.req.valid('query')), 200),
  );
