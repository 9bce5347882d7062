import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import { ApiError } from '../lib/errors';
import { errorResponses, imageResponse, jsonResponse } from '../lib/openapi';
import { timingSafeEqual } from '../lib/passwords';
import { jsonBody } from '../lib/validate';
import { allow, callerOf } from '../middleware/allow';
import { AdminSchema } from '../schemas/admins';
import { assertNotOwnHost } from '../schemas/common';
import { CreateOrganisationBodySchema, OrganisationSchema, UpdateOrganisationBodySchema } from '../schemas/organisations';
import { createOrganisation, getOrganisationLogo, getOrganisationOrThrow, toOrganisationDto, updateOrganisation } from '../services/organisations';
import { imageHeaders } from '../services/proxied-images';
import type { AppEnv } from '../env';

const encoder = new TextEncoder();

/** `POST /api/v1/organisations`: the operator (holder of `OPERATOR_TOKEN`) creates an organisation and its first owner. */
export const operatorOrganisations = new Hono<AppEnv>().post(
  '/',
  describeRoute({
    tags: ['Operator'],
    summary: 'Create an organisation and its first owner',
    description: 'Requires `Authorization: Bearer <OPERATOR_TOKEN>`; disabled (403) when the deployment has no OPERATOR_TOKEN secret.',
    security: [{ operatorToken: [] }],
    responses: {
      ...jsonResponse(201, 'Created', v.object({ organisation: OrganisationSchema, admin: AdminSchema })),
      ...errorResponses('invalid_json', 'validation_failed', 'unauthenticated', 'forbidden', 'conflict'),
    },
  }),
  async (c, next) => {
    const expected = c.env.OPERATOR_TOKEN;
    if (!expected) throw new ApiError('forbidden', 'The operator endpoint is disabled: this deployment has no OPERATOR_TOKEN.');
    const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    if (!timingSafeEqual(encoder.encode(given), encoder.encode(expected))) throw new ApiError('unauthenticated', 'Send the operator token as `Authorization: Bearer <OPERATOR_TOKEN>`.');
    await next();
  },
  jsonBody(CreateOrganisationBodySchema),
  async (c) => c.json(await createOrganisation(c.var.db, c.req.valid('json')), 201),
);

const tags = ['Organisation'];

/** `GET, PATCH /api/v1/organisation`: the caller's organisation settings. */
export const organisation = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({ tags, summary: 'The organisation’s settings', responses: { ...jsonResponse(200, 'The organisation', OrganisationSchema), ...errorResponses('unauthenticated', 'forbidden') } }),
    allow('read'),
    async (c) => c.json(toOrganisationDto(await getOrganisationOrThrow(c.var.db, callerOf(c).organisationId)), 200),
  )
  .patch(
    '/',
    describeRoute({
      tags,
      summary: 'Change settings',
      description: 'Only the fields sent change; `rates` and `conversionValues` merge per network and per type. Switching `ambassadorVisibility` to `all` requires having informed the works council (CSE).',
      responses: { ...jsonResponse(200, 'The updated organisation', OrganisationSchema), ...errorResponses('invalid_json', 'validation_failed', 'unauthenticated', 'forbidden') },
    }),
    allow('settings'),
    jsonBody(UpdateOrganisationBodySchema),
    async (c) => {
      assertNotOwnHost(c.req.valid('json').fallbackUrl, c.req.url, 'fallbackUrl');
      return c.json(await updateOrganisation(c.var.db, callerOf(c), callerOf(c).organisationId, c.req.valid('json')), 200);
    },
  )
  .get(
    '/logo',
    describeRoute({
      tags,
      summary: 'The organisation’s logo, served from this Relais',
      description: 'The `logoUrl` image fetched by Relais (public address, 3 s, at most 2 MB, PNG, JPEG, GIF or WebP by their bytes) and cached, so browsers never load it from its site. Admins and the organisation’s ambassadors; 404 when there is none or it cannot be served.',
      responses: { ...imageResponse('The logo'), ...errorResponses('unauthenticated', 'forbidden', 'not_found') },
    }),
    allow('read', 'ambassador'),
    async (c) => {
      const image = await getOrganisationLogo(c.var.db, callerOf(c).organisationId);
      return c.body(image.bytes, 200, imageHeaders(image));
    },
  );
