import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { errorResponses, jsonResponse, noContent } from '../lib/openapi';
import { jsonBody, params, query } from '../lib/validate';
import { allow, callerOf } from '../middleware/allow';
import { AdminSchema, InviteAdminBodySchema, InviteAdminResponseSchema } from '../schemas/admins';
import { IdParamSchema, PageQuerySchema, pageOf } from '../schemas/common';
import { deleteAdmin, inviteAdmin, listAdmins } from '../services/admins';
import type { AppEnv } from '../env';

const tags = ['Admins'];

/** `GET, POST /api/v1/admins`, `DELETE /api/v1/admins/{id}`: owners, in a browser session, manage who runs the programme. */
export const adminsRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({
      tags,
      summary: 'List the organisation’s admins',
      description: 'Admins in a browser session only: an API key never reads admins.',
      responses: { ...jsonResponse(200, 'A page of admins', pageOf(AdminSchema)), ...errorResponses('validation_failed', 'unauthenticated', 'forbidden') },
    }),
    allow('team'),
    query(PageQuerySchema),
    async (c) => c.json(await listAdmins(c.var.db, callerOf(c).organisationId, c.req.valid('query')), 200),
  )
  .post(
    '/',
    describeRoute({
      tags,
      summary: 'Invite an admin (owners in a browser session; never an API key)',
      description: 'Answers the invited admin, the one-time token and `inviteUrl` (`<origin>/admin/join#<token>`), where the person sets a password of at least 12 characters. The invitation expires after 14 days. One person may be an admin of several organisations: an e-mail known elsewhere changes nothing here; 409 only for an admin of this organisation.',
      responses: { ...jsonResponse(201, 'Invited', InviteAdminResponseSchema), ...errorResponses('invalid_json', 'validation_failed', 'unauthenticated', 'forbidden', 'conflict') },
    }),
    allow('owner'),
    jsonBody(InviteAdminBodySchema),
    async (c) => c.json(await inviteAdmin(c.var.db, callerOf(c), callerOf(c).organisationId, c.req.valid('json'), new URL(c.req.url).origin), 201),
  )
  .delete(
    '/:id',
    describeRoute({ tags, summary: 'Remove an admin (owners in a browser session; never the last owner)', responses: { ...noContent, ...errorResponses('unauthenticated', 'forbidden', 'not_found', 'conflict') } }),
    allow('owner'),
    params(IdParamSchema),
    async (c) => {
      await deleteAdmin(c.var.db, callerOf(c), callerOf(c).organisationId, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
