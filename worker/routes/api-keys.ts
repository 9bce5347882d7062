import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { errorResponses, jsonResponse, noContent } from '../lib/openapi';
import { jsonBody, params, query } from '../lib/validate';
import { allow, callerOf } from '../middleware/allow';
import { ApiKeySchema, CreateApiKeyBodySchema, CreatedApiKeySchema } from '../schemas/api-keys';
import { IdParamSchema, PageQuerySchema, pageOf } from '../schemas/common';
import { createApiKey, listApiKeys, revokeApiKey } from '../services/api-keys';
import type { AppEnv } from '../env';

const tags = ['API keys'];

/** `GET, POST /api/v1/api-keys`, `DELETE /api/v1/api-keys/{id}`: owners in a browser session manage keys; no key reads or mints keys. */
export const apiKeysRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({ tags, summary: 'List API keys (owners in a browser session; never an API key)', responses: { ...jsonResponse(200, 'A page of keys, revoked ones included, newest first', pageOf(ApiKeySchema)), ...errorResponses('validation_failed', 'unauthenticated', 'forbidden') } }),
    allow('owner'),
    query(PageQuerySchema),
    async (c) => c.json(await listApiKeys(c.var.db, callerOf(c).organisationId, c.req.valid('query')), 200),
  )
  .post(
    '/',
    describeRoute({
      tags,
      summary: 'Create an API key (owners in a browser session; never an API key)',
      description: 'Scopes: `conversions:write`, `kpis:read`, `admin`. The answer carries `secret` (`rl_` + 40 characters) this once; only its hash is stored. Send it as `Authorization: Bearer <secret>`.',
      responses: { ...jsonResponse(201, 'Created', CreatedApiKeySchema), ...errorResponses('invalid_json', 'validation_failed', 'unauthenticated', 'forbidden') },
    }),
    allow('owner'),
    jsonBody(CreateApiKeyBodySchema),
    async (c) => c.json(await createApiKey(c.var.db, callerOf(c), callerOf(c).organisationId, c.req.valid('json')), 201),
  )
  .delete(
    '/:id',
    describeRoute({ tags, summary: 'Revoke an API key (owners in a browser session; never an API key)', description: 'The key stops working at once; revoking again answers 204.', responses: { ...noContent, ...errorResponses('unauthenticated', 'forbidden', 'not_found') } }),
    allow('owner'),
    params(IdParamSchema),
    async (c) => {
      await revokeApiKey(c.var.db, callerOf(c), callerOf(c).organisationId, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
