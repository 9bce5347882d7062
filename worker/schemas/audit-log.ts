import * as v from 'valibot';
import { AUDIT_ACTOR_KINDS } from '../../db/schema';
import { PageQuerySchema, TimestampSchema } from './common';

const Fields = v.nullable(v.pipe(v.record(v.string(), v.unknown()), v.description('only the fields that changed; never a secret, password or token')));

/** One entry of the audit log (API.md, "Privacy and trust"). */
export const AuditEntrySchema = v.pipe(
  v.object({
    id: v.string(),
    at: TimestampSchema,
    actor: v.object({
      kind: v.pipe(v.picklist(AUDIT_ACTOR_KINDS), v.description('an admin, an API key, an ambassador (their own leaving), the operator, or Relais itself')),
      id: v.nullable(v.string()),
      label: v.pipe(v.nullable(v.string()), v.description('the admin’s e-mail or the API key’s name at the time; null for an ambassador')),
    }),
    action: v.pipe(v.string(), v.description('`<target>.<verb>`, e.g. `content.updated`, `organisation.updated`, `admin.invited`, `api_key.created`, `ambassador.erased`, `export.downloaded`')),
    target: v.object({ type: v.string(), id: v.nullable(v.string()) }),
    before: Fields,
    after: Fields,
  }),
  v.title('AuditEntry'),
);
export type AuditEntry = v.InferOutput<typeof AuditEntrySchema>;

/** `GET /api/v1/audit-log?limit&cursor[&action]`. */
export const AuditLogQuerySchema = v.object({
  ...PageQuerySchema.entries,
  action: v.optional(v.pipe(v.string(), v.regex(/^[a-z_]{1,40}\.[a-z_]{1,40}$/, 'action must be `<target>.<verb>`, e.g. content.updated'), v.description('only entries of this action'))),
});
export type AuditLogQuery = v.InferOutput<typeof AuditLogQuerySchema>;
