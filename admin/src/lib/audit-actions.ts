/**
 * The audit log's actions the admin site names in words (API.md, "Privacy and trust"); an action not listed here
 * is shown as the API spells it, so a newer Worker never breaks the page.
 */
export const AUDIT_ACTIONS = [
  'organisation.updated',
  'admin.invited',
  'admin.removed',
  'api_key.created',
  'api_key.revoked',
  'content.created',
  'content.updated',
  'content.deleted',
  'ambassador.invited',
  'ambassador.invitation_renewed',
  'ambassador.left',
  'ambassador.erased',
  'charter.published',
  'export.downloaded',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Whether `action` is one the site has words for. */
export const isKnownAction = (action: string): action is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(action);

/** A recorded value as one short line: null as a dash, lists joined, objects as compact JSON. */
export function auditValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map(auditValue).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The fields named in `before` or `after`, in the order they first appear. */
export function auditFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  return [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
}
