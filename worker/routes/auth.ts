import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import { SESSION_COOKIE, sessionCookieOptions } from '../lib/cookies';
import { ApiError } from '../lib/errors';
import { errorResponses, jsonResponse, noContent } from '../lib/openapi';
import { jsonBody } from '../lib/validate';
import { allow, callerOf } from '../middleware/allow';
import { sameOrigin } from '../middleware/same-origin';
import { AdminSchema, LoginBodySchema } from '../schemas/admins';
import { OrganisationSchema } from '../schemas/organisations';
import { getAdminOrThrow, toAdminDto } from '../services/admins';
import { login } from '../services/auth';
import { getOrganisationOrThrow, toOrganisationDto } from '../services/organisations';
import { revokeSession } from '../services/sessions';
import type { AppEnv } from '../env';

const tags = ['Auth'];

export const auth = new Hono<AppEnv>()
  .post(
    '/login',
    describeRoute({
      tags,
      summary: 'Sign in as an admin',
      security: [],
      description:
        'Answers the admin and sets the HttpOnly session cookie. A person who runs several organisations names one with `organisation` (its slug); without it, they sign in to the one they joined first. ' +
        'Requires the site’s own `Origin` (403 otherwise). Limited to 10 failures per account and 30 per client (an IPv6 /64 is one client) every 15 minutes.',
      responses: { ...jsonResponse(200, 'Signed in', v.object({ admin: AdminSchema })), ...errorResponses('invalid_json', 'validation_failed', 'unauthenticated', 'forbidden', 'rate_limited') },
    }),
    sameOrigin(),
    jsonBody(LoginBodySchema),
    async (c) => {
      const { admin, session } = await login(c.var.db, c.req.valid('json'), c.req.header('cf-connecting-ip'));
      setCookie(c, SESSION_COOKIE, session.token, sessionCookieOptions(session.expiresAt));
      return c.json({ admin }, 200);
    },
  )
  .post(
    '/logout',
    describeRoute({ tags, summary: 'Sign out (ends the session)', security: [{ session: [] }], responses: { ...noContent, ...errorResponses('unauthenticated', 'forbidden') } }),
    async (c) => {
      const caller = c.var.caller;
      if (caller && caller.kind !== 'key') await revokeSession(c.var.db, caller.sessionId);
      deleteCookie(c, SESSION_COOKIE, sessionCookieOptions());
      return c.body(null, 204);
    },
  )
  .get(
    '/me',
    describeRoute({
      tags,
      summary: 'The signed-in admin and their organisation',
      responses: { ...jsonResponse(200, 'The admin', v.object({ admin: AdminSchema, organisation: OrganisationSchema })), ...errorResponses('unauthenticated', 'forbidden') },
    }),
    allow('team'),
    async (c) => {
      const caller = callerOf(c);
      if (caller.kind !== 'admin') throw new ApiError('forbidden', 'Only an admin session has a profile here; API keys have none.');
      const [admin, organisation] = await Promise.all([getAdminOrThrow(c.var.db, caller.organisationId, caller.adminId), getOrganisationOrThrow(c.var.db, caller.organisationId)]);
      return c.json({ admin: toAdminDto(admin), organisation: toOrganisationDto(organisation) }, 200);
    },
  );
