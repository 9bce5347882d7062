import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { errorResponses, jsonResponse, noContent } from '../lib/openapi';
import { jsonBody, params, query } from '../lib/validate';
import { allow, callerOf } from '../middleware/allow';
import { AmbassadorSchema, InviteAmbassadorBodySchema, InviteAmbassadorResponseSchema, ListAmbassadorsQuerySchema } from '../schemas/ambassadors';
import { IdParamSchema, pageOf } from '../schemas/common';
import { getAmbassadorOrThrow, inviteAmbassador, listAmbassadors, reinviteAmbassador, toAmbassadorDto } from '../services/ambassadors';
import { eraseAmbassador } from '../services/erase-ambassador';
import type { AppEnv } from '../env';

const tags = ['Ambassadors'];
const invited = 'Answers the ambassador, the one-time token and `inviteUrl` (`<origin>/me/join#<token>`, the token in the fragment so it never reaches a server log or a referrer). The link works once and expires after 14 days.';

/** `GET, POST /api/v1/ambassadors`, `GET, DELETE /api/v1/ambassadors/{id}`, `POST /api/v1/ambassadors/{id}/invitation`. */
export const ambassadorsRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({
      tags,
      summary: 'List ambassadors (optionally by status)',
      description: 'Owners, editors and `admin` keys; analysts only read dashboards and exports (403).',
      responses: { ...jsonResponse(200, 'A page of ambassadors, newest first', pageOf(AmbassadorSchema)), ...errorResponses('validation_failed', 'unauthenticated', 'forbidden') },
    }),
    allow('people'),
    query(ListAmbassadorsQuerySchema),
    async (c) => c.json(await listAmbassadors(c.var.db, callerOf(c).organisationId, c.req.valid('query')), 200),
  )
  .post(
    '/',
    describeRoute({
      tags,
      summary: 'Invite an ambassador',
      description: `${invited} An e-mail already invited or active in the organisation answers 409.`,
      responses: { ...jsonResponse(201, 'Invited', InviteAmbassadorResponseSchema), ...errorResponses('invalid_json', 'validation_failed', 'unauthenticated', 'forbidden', 'conflict') },
    }),
    allow('write'),
    jsonBody(InviteAmbassadorBodySchema),
    async (c) => c.json(await inviteAmbassador(c.var.db, callerOf(c), callerOf(c).organisationId, c.req.valid('json'), new URL(c.req.url).origin), 201),
  )
  .get(
    '/:id',
    describeRoute({
      tags,
      summary: 'One ambassador',
      description: 'Owners, editors and `admin` keys; analysts only read dashboards and exports (403).',
      responses: { ...jsonResponse(200, 'The ambassador', AmbassadorSchema), ...errorResponses('unauthenticated', 'forbidden', 'not_found') },
    }),
    allow('people'),
    params(IdParamSchema),
    async (c) => c.json(toAmbassadorDto(await getAmbassadorOrThrow(c.var.db, callerOf(c).organisationId, c.req.valid('param').id)), 200),
  )
  .post(
    '/:id/invitation',
    describeRoute({
      tags,
      summary: 'Send a fresh invitation link',
      description: `For an ambassador who has not joined yet; their earlier unused links stop working. ${invited} An active or departed ambassador answers 409.`,
      responses: { ...jsonResponse(201, 'Invited again', InviteAmbassadorResponseSchema), ...errorResponses('unauthenticated', 'forbidden', 'not_found', 'conflict') },
    }),
    allow('write'),
    params(IdParamSchema),
    async (c) => c.json(await reinviteAmbassador(c.var.db, callerOf(c), callerOf(c).organisationId, c.req.valid('param').id, new URL(c.req.url).origin), 201),
  )
  .delete(
    '/:id',
    describeRoute({
      tags,
      summary: 'Erase an ambassador',
      description: 'Erases their personal data and ends their sessions; their links keep redirecting, unattributed, and the organisation’s totals keep the anonymous counts. Erasing again answers 204.',
      responses: { ...noContent, ...errorResponses('unauthenticated', 'forbidden', 'not_found') },
    }),
    allow('write'),
    params(IdParamSchema),
    async (c) => {
      await eraseAmbassador(c.var.db, callerOf(c), callerOf(c).organisationId, c.req.valid('param').id, Date.now());
      return c.body(null, 204);
    },
  );
