import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { HSTS, PAGE_HEADERS, WORKER_PAGE_POLICY } from '../lib/content-security-policy';
import { errorResponses } from '../lib/openapi';
import { params, query } from '../lib/validate';
import { allow, callerOf } from '../middleware/allow';
import { DocumentParamSchema, DocumentQuerySchema } from '../schemas/documents';
import { renderDocument } from '../services/documents';
import type { AppEnv } from '../env';

/** `GET /api/v1/documents/{kind}`: the CSE note or the DPIA draft, written from the organisation's current settings. */
export const documentsRoutes = new Hono<AppEnv>().get(
  '/:kind',
  describeRoute({
    tags: ['Privacy and trust'],
    summary: 'A generated document: the works council’s note or the DPIA draft (owners and editors in a browser session)',
    description:
      'Generated from the organisation’s current settings and Relais’s data inventory: purposes, data per group of people, retention, who sees what, processors and hosting, rights. ' +
      'Each states the date of the settings it reflects (`trustSettingsAt`); its text changes when they change, and only then. Analysts and API keys get 403.',
    responses: {
      200: {
        description: 'The document',
        content: { 'text/html': { schema: { type: 'string' } }, 'text/markdown': { schema: { type: 'string' } } },
      },
      ...errorResponses('validation_failed', 'unauthenticated', 'forbidden'),
    },
  }),
  allow('settings'),
  params(DocumentParamSchema),
  query(DocumentQuerySchema),
  async (c) => {
    const { lang, format } = c.req.valid('query');
    const document = await renderDocument(c.var.db, callerOf(c).organisationId, c.req.valid('param').kind, lang, format);
    const headers: Record<string, string> = { 'Content-Type': document.contentType, 'Content-Language': lang, 'Cache-Control': 'private, no-cache' };
    if (format === 'html') Object.assign(headers, PAGE_HEADERS, { 'Content-Security-Policy': WORKER_PAGE_POLICY }, c.req.url.startsWith('https:') ? { 'Strict-Transport-Security': HSTS } : {});
    return c.body(document.body, 200, headers);
  },
);
