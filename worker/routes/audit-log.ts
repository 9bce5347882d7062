import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { errorResponses, jsonResponse } from '../lib/openapi';
import { query } from '../lib/validate';
import { allow, callerOf } from '../middleware/allow';
import { AuditEntrySchema, AuditLogQuerySchema } from '../schemas/audit-log';
import { pageOf } from '../schemas/common';
import { listAuditLog } from '../services/audit-log';
import type { AppEnv } from '../env';

/** `GET /api/v1/audit-log`: owners read every change to who sees what or where a link leads. */
export const auditLogRoutes = new Hono<AppEnv>().get(
  '/',
  describeRoute({
    tags: ['Privacy and trust'],
    summary: 'Read the audit log (owners in a browser session)',
    description:
      'Every change to who sees what or where a link leads — content URLs, visibility and retention settings, admins, invitations, API keys, exports, erasures — newest first, with its actor and only the fields that changed. Never a secret, password or token. Kept `auditRetentionMonths` (default 25).',
    responses: { ...jsonResponse(200, 'A page of entries, newest first', pageOf(AuditEntrySchema)), ...errorResponses('validation_failed', 'unauthenticated', 'forbidden') },
  }),
  allow('owner'),
  query(AuditLogQuerySchema),
  async (c) => c.json(await listAuditLog(c.var.db, callerOf(c).organisationId, c.req.valid('query')), 200),
);
