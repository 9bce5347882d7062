import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { errorResponses, jsonResponse, noContent } from '../lib/openapi';
import { jsonBody, params, query } from '../lib/validate';
import { allow, callerOf } from '../middleware/allow';
import { IdParamSchema, pageOf } from '../schemas/common';
import { ContentSchema, CreateContentBodySchema, ListContentsQuerySchema, UpdateContentBodySchema } from '../schemas/contents';
import { createContent, deleteContent, getContent, listContents, updateContent } from '../services/contents';
import type { AppEnv } from '../env';

const tags = ['Contents'];

/** `GET, POST /api/v1/contents`, `GET, PATCH, DELETE /api/v1/contents/{id}`: what ambassadors share. */
export const contentsRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({
      tags,
      summary: 'List contents, newest first',
      responses: { ...jsonResponse(200, 'A page of contents', pageOf(ContentSchema)), ...errorResponses('validation_failed', 'unauthenticated', 'forbidden') },
    }),
    allow('read'),
    query(ListContentsQuerySchema),
    async (c) => c.json(await listContents(c.var.db, callerOf(c).organisationId, c.req.valid('query')), 200),
  )
  .post(
    '/',
    describeRoute({
      tags,
      summary: 'Create a content',
      description: '`campaignId` names one of the organisation’s campaigns. `url` is http or https, normalised, on a public host: no user name or password, no IP address, no local or private host name, not this Relais’s own host (422 on `url`). Without `slug`, one is derived from the title and made unique; a `slug` that is already taken answers 409. `networks` default to all six; `talkingPoints` (Markdown, at most 5000 characters) are ideas, not a text to paste.',
      responses: { ...jsonResponse(201, 'Created', ContentSchema), ...errorResponses('invalid_json', 'validation_failed', 'unauthenticated', 'forbidden', 'conflict') },
    }),
    allow('write'),
    jsonBody(CreateContentBodySchema),
    async (c) => c.json(await createContent(c.var.db, callerOf(c).organisationId, c.req.valid('json'), new URL(c.req.url).origin), 201),
  )
  .get(
    '/:id',
    describeRoute({ tags, summary: 'Read a content', responses: { ...jsonResponse(200, 'The content', ContentSchema), ...errorResponses('unauthenticated', 'forbidden', 'not_found') } }),
    allow('read'),
    params(IdParamSchema),
    async (c) => c.json(await getContent(c.var.db, callerOf(c).organisationId, c.req.valid('param').id), 200),
  )
  .patch(
    '/:id',
    describeRoute({
      tags,
      summary: 'Change a content',
      description: 'Only the fields sent change. A new `url` applies at once to the links already posted; it follows the same rules as on creation.',
      responses: { ...jsonResponse(200, 'The updated content', ContentSchema), ...errorResponses('invalid_json', 'validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict') },
    }),
    allow('write'),
    params(IdParamSchema),
    jsonBody(UpdateContentBodySchema),
    async (c) => c.json(await updateContent(c.var.db, callerOf(c).organisationId, c.req.valid('param').id, c.req.valid('json'), new URL(c.req.url).origin), 200),
  )
  .delete(
    '/:id',
    describeRoute({
      tags,
      summary: 'Delete a content (archived instead when links point at it)',
      description: 'A content with links is archived, so those links keep redirecting (to the organisation’s fallback URL when it has one); a content without links is deleted. Repeating the call answers 204 again.',
      responses: { ...noContent, ...errorResponses('unauthenticated', 'forbidden', 'not_found') },
    }),
    allow('write'),
    params(IdParamSchema),
    async (c) => {
      await deleteContent(c.var.db, callerOf(c).organisationId, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
