import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { errorResponses, idempotencyKeyHeader, jsonResponse } from '../lib/openapi';
import { jsonBody } from '../lib/validate';
import { allow, callerOf } from '../middleware/allow';
import { ConversionSchema, CreateConversionBodySchema } from '../schemas/conversions';
import { reportConversion } from '../services/conversions';
import { consume, perKeyLimit } from '../services/rate-limits';
import type { AppEnv } from '../env';

/** `POST /api/v1/conversions`: companies' systems report a conversion with the click id they received. */
export const conversionsRoutes = new Hono<AppEnv>().post(
  '/',
  describeRoute({
    tags: ['Conversions'],
    summary: 'Report a conversion',
    description:
      'Scope `conversions:write`. `clickId` is the `rl_cid` the visitor arrived with; it is verified by its signature, so the conversion is attributed at once. ' +
      'A click older than the attribution window gives `attributed: false`. A repeat with the same `Idempotency-Key` (kept 24 h) or the same `externalId` + `type` answers 200 with the first result. ' +
      'The same key with another body answers 422 `idempotency_key_reused`; while the first request is processed, 409. ' +
      'At most 1 200 requests per API key per minute, valid or not: past that, 429 with `Retry-After`.',
    responses: {
      ...jsonResponse(201, 'Recorded', ConversionSchema),
      ...jsonResponse(200, 'Already recorded: the first result', ConversionSchema),
      ...errorResponses('invalid_json', 'validation_failed', 'unknown_click', 'idempotency_key_reused', 'unauthenticated', 'forbidden', 'conflict', 'rate_limited'),
    },
  }),
  allow('conversions:write'),
  // Counted before validation: a key that floods the endpoint with bad bodies is limited too.
  async (c, next) => {
    const caller = callerOf(c);
    if (caller.kind === 'key') await consume(c.var.db, [perKeyLimit('conversions', caller.keyId)]);
    await next();
  },
  idempotencyKeyHeader(),
  jsonBody(CreateConversionBodySchema),
  async (c) => {
    const answer = await reportConversion(c.var.db, c.env.CLICK_SIGNING_KEY, callerOf(c).organisationId, c.req.valid('json'), c.req.valid('header')['idempotency-key']);
    return c.json(answer.body, answer.status as ContentfulStatusCode);
  },
);
