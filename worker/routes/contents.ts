import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { errorResponses, imageResponse, jsonResponse, noContent } from '../lib/openapi';
import { jsonBody, params, query } from '../lib/validate';
import { allow, callerOf } from '../middleware/allow';
import { IdParamSchema, pageOf } from '../schemas/common';
import { ContentSchema, CreateContentBodySchema, ListContentsQuerySchema, UpdateContentBodySchema } from '../schemas/contents';
import { getContentImage } from '../services/content-preview';
import { createContent, deleteContent, getContent, listContents, refreshContentPreview, updateContent } from '../services/contents';
import { imageHeaders } from '../services/proxied-images';
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
      description: '`campaignId` names one of the organisation’s campaigns. `url` is http or https, normalised, on a public host: no user name or password, no IP address, no local or private host name, not this Relais’s own host (422 on `url`). Without `slug`, one is derived from the title and made unique; a `slug` that is already taken answers 409. `networks` default to all six; `talkingPoints` (Markdown, at most 5000 characters) are ideas, not a text to paste. Relais reads the page’s Open Graph tags (public address only, 3 s, 256 KB) into `preview`; a page that cannot be read leaves it null and never fails the save.',
      responses: { ...jsonResponse(201, 'Created', ContentSchema), ...errorResponses('invalid_json', 'validation_failed', 'unauthenticated', 'forbidden', 'conflict') },
    }),
    allow('write'),
    jsonBody(CreateContentBodySchema),
    async (c) => c.json(await createContent(c.var.db, callerOf(c), callerOf(c).organisationId, c.req.valid('json'), new URL(c.req.url).origin), 201),
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
      description: 'Only the fields sent change. A new `url` applies at once to the links already posted; it follows the same rules as on creation, and its page’s preview is read (null when it cannot be).',
      responses: { ...jsonResponse(200, 'The updated content', ContentSchema), ...errorResponses('invalid_json', 'validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict') },
    }),
    allow('write'),
    params(IdParamSchema),
    jsonBody(UpdateContentBodySchema),
    async (c) => c.json(await updateContent(c.var.db, callerOf(c), callerOf(c).organisationId, c.req.valid('param').id, c.req.valid('json'), new URL(c.req.url).origin), 200),
  )
  .post(
    '/:id/preview',
    describeRoute({
      tags,
      summary: 'Read the page’s preview again',
      description: 'Reads the content’s page (Open Graph tags; public address only, 3 s, 256 KB) and stores its `preview`; a page that cannot be read keeps the preview it had.',
      responses: { ...jsonResponse(200, 'The content with its preview', ContentSchema), ...errorResponses('unauthenticated', 'forbidden', 'not_found') },
    }),
    allow('write'),
    params(IdParamSchema),
    async (c) => c.json(await refreshContentPreview(c.var.db, callerOf(c).organisationId, c.req.valid('param').id), 200),
  )
  .get(
    '/:id/image',
    describeRoute({
      tags,
      summary: 'The preview image, served from this Relais',
      description: 'The content’s preview image fetched by Relais (public address, 3 s, at most 2 MB, PNG, JPEG, GIF or WebP by their bytes) and cached, so browsers never load it from its site. Admins and the organisation’s ambassadors; 404 when there is none or it cannot be served.',
      responses: { ...imageResponse('The image'), ...errorResponses('unauthenticated', 'forbidden', 'not_found') },
    }),
    allow('read', 'ambassador'),
    params(IdParamSchema),
    async (c) => {
      const image = await getContentImage(c.var.db, callerOf(c).organisationId, c.req.valid('param').id);
      return c.body(image.bytes, 200, imageHeaders(image));
    },
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
      await deleteContent(c.var.db, callerOf(c), callerOf(c).organisationId, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
