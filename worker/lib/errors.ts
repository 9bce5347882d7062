/** The one table of API error codes (API.md, Conventions) and the error every service and route throws. */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const ERROR_STATUS = {
  invalid_json: 400,
  unauthenticated: 401,
  forbidden: 403,
  charter_not_accepted: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  validation_failed: 422,
  unknown_click: 422,
  idempotency_key_reused: 422,
  rate_limited: 429,
  internal_error: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One field at fault in a request that has several (`issues`, beside API.md's `field`). */
export interface FieldIssue {
  field: string;
  message: string;
}

/** An error a client can act on; its HTTP status always comes from `ERROR_STATUS`. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly headers?: Record<string, string>,
    /** Every field at fault, when there are several: a form shows them all at once. */
    readonly issues?: readonly FieldIssue[],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = ERROR_STATUS[code];
  }

  /** The envelope of API.md: `{ error: { code, message, field?, issues? } }`. */
  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}), ...(this.issues ? { issues: this.issues } : {}) } };
  }
}

/** At most this many fields are listed in `issues` (a hostile body can break every field at once). */
export const MAX_ISSUES = 20;

/** The error code a bare HTTP status stands for (errors thrown by Hono's own middleware). */
export function codeForStatus(status: number): ErrorCode {
  const match = (Object.entries(ERROR_STATUS) as [ErrorCode, number][]).find(([, s]) => s === status);
  return match?.[0] ?? (status >= 500 ? 'internal_error' : 'validation_failed');
}

interface ValidationIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/** Valibot's default messages end with what was received ("… but received \"camille@…\""): that part goes. */
function withoutReceived(message: string): string {
  return message.replace(/(:\s*|\s+but\s+)received\b[\s\S]*$/i, '') || 'is not valid';
}

/** The dotted path of a validation issue (`rates.linkedin.cpc`), or undefined at the root. */
export function issuePath(issue: ValidationIssue): string | undefined {
  const path = issue.path?.map((segment) => String(typeof segment === 'object' ? segment.key : segment)).join('.');
  return path || undefined;
}

/** An issue as one sentence that names its field ("rates.x.cpc must be zero or more"). */
function sentenceOf(issue: ValidationIssue | undefined): { field: string | undefined; sentence: string } {
  const field = issue ? issuePath(issue) : undefined;
  const message = issue ? withoutReceived(issue.message) : 'The request is not valid.';
  const sentence = !field || message.includes(field) ? message : /^[a-z]/.test(message) ? `${field} ${message}` : `${field}: ${message}`;
  return { field, sentence };
}

/**
 * The only validation hook: the first issue becomes `422 validation_failed` with its field; when several
 * fields are at fault, `issues` lists each of them once (first message per field, at most MAX_ISSUES). The
 * input is never echoed back, not even through valibot's default messages.
 */
export function onInvalid(result: { success: boolean; error?: readonly ValidationIssue[] }): void {
  if (result.success) return;
  const { field, sentence } = sentenceOf(result.error?.[0]);
  const byField = new Map<string, string>();
  for (const issue of result.error ?? []) {
    const each = sentenceOf(issue);
    if (each.field && !byField.has(each.field) && byField.size < MAX_ISSUES) byField.set(each.field, each.sentence);
  }
  const issues = byField.size > 1 ? [...byField].map(([f, message]) => ({ field: f, message })) : undefined;
  throw new ApiError('validation_failed', sentence, field, undefined, issues);
}
