import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { describeRoute } from 'hono-openapi';
import { SESSION_COOKIE, sessionCookieOptions } from '../lib/cookies';
import { errorResponses, jsonResponse } from '../lib/openapi';
import { jsonBody, params, query } from '../lib/validate';
import { sameOrigin } from '../middleware/same-origin';
import { AcceptInvitationBodySchema, AcceptInvitationResponseSchema, TokenParamSchema } from '../schemas/invitations';
import { TransparencyQuerySchema, TransparencySchema } from '../schemas/transparency';
import { invitationTransparency } from '../services/transparency';
import { acceptInvitation } from '../services/accept-invitation';
import type { AppEnv } from '../env';

/**
 * `POST /api/v1/invitations/{token}/accept`: one use, within 14 days; opens the invited person's session.
 * `GET /api/v1/invitations/{token}/transparency`: before joining, what the programme would store and who would see it.
 */
export const invitationsRoutes = new Hono<AppEnv>()
  .get(
    '/:token/transparency',
    describeRoute({
      tags: ['Invitations'],
      summary: 'Before joining: what would be stored, who would see it, for how long',
      security: [],
      description:
        'For a pending ambassador invitation: the organisation’s name and privacy contact, and the data inventory’s lines about ambassadors under its current settings, in `lang`. Consumes nothing. ' +
        'A used, expired, unknown or admin token answers 404, counted like a failed acceptance (20 per client every 15 minutes).',
      responses: { ...jsonResponse(200, 'The transparency summary', TransparencySchema), ...errorResponses('validation_failed', 'not_found', 'rate_limited') },
    }),
    params(TokenParamSchema),
    query(TransparencyQuerySchema),
    async (c) => c.json(await invitationTransparency(c.var.db, c.req.valid('param').token, c.req.header('cf-connecting-ip'), c.req.valid('query').lang), 200),
  )
  .post(
    '/:token/accept',
    describeRoute({
      tags: ['Invitations'],
      summary: 'Accept an invitation',
      security: [],
      description:
        'An invited admin sends `{password}` (at least 12 characters); an invited ambassador sends nothing, choosing to join. Answers who joined and sets the session cookie. ' +
        'A used, expired or unknown token answers 404. Requires the site’s own `Origin` (403 otherwise); limited to 20 failed attempts per client every 15 minutes.',
      responses: { ...jsonResponse(200, 'Joined', AcceptInvitationResponseSchema), ...errorResponses('invalid_json', 'validation_failed', 'forbidden', 'not_found', 'rate_limited') },
    }),
    sameOrigin(),
    params(TokenParamSchema),
    jsonBody(AcceptInvitationBodySchema),
    async (c) => {
      const { result, session } = await acceptInvitation(c.var.db, c.req.valid('param').token, c.req.valid('json'), c.req.header('cf-connecting-ip'));
      setCookie(c, SESSION_COOKIE, session.token, sessionCookieOptions(session.expiresAt));
      return c.json(result, 200);
    },
);
