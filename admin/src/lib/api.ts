/**
 * The admin's only door to the Worker: every `fetch` goes through here.
 *
 * `client` is Hono's typed RPC client. Its type is precompiled from `worker/app.ts` by
 * `scripts/gen-api-client.ts` into `src/generated/api-client.d.ts` (no workerd globals reach the
 * admin); at run time `hcWithType` is plain `hc`. Calls read like the URL:
 * `client.api.v1.campaigns.$get({ query: { status: 'active' } })`. The session is an HttpOnly cookie
 * the browser sends by itself; scripts never see a credential.
 */
import type { ClientResponse } from 'hono/client';
import { hcWithType } from '../generated/api-client';
import { navigateWhenLoaded } from './navigate';

export const client = hcWithType('/', {
  headers: { accept: 'application/json' },
  init: { credentials: 'same-origin' },
});

/** The error envelope of API.md, or a network failure (`status` 0, `code` `network_error`). */
/** One field at fault, with its sentence. */
export interface FieldIssue {
  field: string;
  message: string;
}

export class ApiClientError extends Error {
  override name = 'ApiClientError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Seconds, from `Retry-After` on a 429. */
    readonly retryAfter?: number,
    /** Every field at fault: the API's `issues` when several are, else the one `field`. */
    readonly issues: readonly FieldIssue[] = field ? [{ field, message }] : [],
  ) {
    super(message);
  }
}

/** The body a successful response carries: its JSON, or `undefined` for a 204. */
type SuccessBody<R> = R extends ClientResponse<infer T, number, infer F> ? (F extends 'json' ? T : undefined) : never;

interface UnwrapOptions {
  /** On 401, go to the sign-in page (default). The sign-in form itself turns this off. */
  redirectOn401?: boolean;
}

const LOGIN_PATH = '/admin/login/';

/** Sends the browser to the sign-in page, remembering where it was (`?next=`). */
export function redirectToLogin(): void {
  const here = location.pathname + location.search;
  navigateWhenLoaded(here.startsWith(LOGIN_PATH) ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(here)}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads the `{error: {code, message, field?, issues?}}` envelope; tolerates a body that is not one. */
async function toError(res: Response): Promise<ApiClientError> {
  const body: unknown = await res.json().catch(() => undefined);
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code = typeof error.code === 'string' ? error.code : 'http_error';
  const message = typeof error.message === 'string' ? error.message : `HTTP ${res.status}`;
  const field = typeof error.field === 'string' ? error.field : undefined;
  const retry = Number(res.headers.get('retry-after'));
  const issues = Array.isArray(error.issues)
    ? error.issues.filter((i): i is FieldIssue => isRecord(i) && typeof i.field === 'string' && typeof i.message === 'string')
    : undefined;
  return new ApiClientError(res.status, code, message, field, Number.isFinite(retry) && retry > 0 ? retry : undefined, issues?.length ? issues : undefined);
}

/**
 * Awaits a client call and returns its body; any non-2xx answer throws an `ApiClientError` with the
 * API's `code`, `message` and `field`. A 401 also sends the user to the sign-in page.
 * @example const campaign = await unwrap(client.api.v1.campaigns[':id'].$get({ param: { id } }));
 */
export async function unwrap<R extends ClientResponse<unknown, number, string>>(call: Promise<R>, options: UnwrapOptions = {}): Promise<SuccessBody<R>> {
  let res: Response;
  try {
    // The adapter's one cast: hc's ClientResponse is a typed view of the fetch Response it returns.
    res = (await call) as unknown as Response;
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiClientError(0, 'network_error', cause instanceof Error ? cause.message : 'Network error');
  }
  if (!res.ok) {
    const error = await toError(res);
    if (error.status === 401 && options.redirectOn401 !== false) redirectToLogin();
    throw error;
  }
  if (res.status === 204) return undefined as SuccessBody<R>;
  return (await res.json()) as SuccessBody<R>;
}

/**
 * Asks the Worker whether it is up (`GET /health` → `{"status":"ok"}`; outside `/api`, so untyped).
 * @returns `'ok'`; throws `ApiClientError` on any other answer
 */
export async function getHealth(signal?: AbortSignal): Promise<'ok'> {
  const res = await fetch('/health', { headers: { accept: 'application/json' }, signal });
  if (!res.ok) throw new ApiClientError(res.status, 'http_error', `GET /health answered ${res.status}`);
  const body: unknown = await res.json();
  if (isRecord(body) && body.status === 'ok') return 'ok';
  throw new ApiClientError(res.status, 'http_error', 'GET /health did not report ok');
}
