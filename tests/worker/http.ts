/** A tiny client for the worker's front door, with the credentials a test needs. */
import { exports } from 'cloudflare:workers';
import { SESSION_COOKIE } from '../../worker/lib/cookies';

export const ORIGIN = 'https://relais.test';

export interface Call {
  method?: string;
  body?: unknown;
  /** The raw body, sent as is (for malformed JSON and wrong content types). */
  raw?: string;
  headers?: Record<string, string>;
  /** A session cookie token, sent as the session cookie. */
  session?: string;
  /** An API key (`rl_…`) or the operator token, sent as a bearer token. */
  bearer?: string;
  /** Override the Origin header (null: none); by default a write without an API key carries the site's, as a browser's does. */
  origin?: string | null;
}

export async function call(path: string, options: Call = {}): Promise<Response> {
  const method = options.method ?? (options.body === undefined && options.raw === undefined ? 'GET' : 'POST');
  const headers = new Headers(options.headers);
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  if (options.session) headers.set('cookie', `${SESSION_COOKIE}=${options.session}`);
  if (options.bearer) headers.set('authorization', `Bearer ${options.bearer}`);
  const origin = options.origin === undefined ? (!options.bearer && method !== 'GET' && method !== 'HEAD' ? ORIGIN : null) : options.origin;
  if (origin) headers.set('origin', origin);
  return exports.default.fetch(`${ORIGIN}${path}`, { method, headers, body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)), redirect: 'manual' });
}

/** Calls and parses JSON, returning status and body together for one `expect`. */
export async function callJson<T = unknown>(path: string, options: Call = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await call(path, options);
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

/** The session token from a Set-Cookie answer. */
export function sessionFrom(res: { headers: Headers }): string {
  const token = new RegExp(`(?:^|, )${SESSION_COOKIE}=([^;]+)`).exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!token) throw new Error('no session cookie in the answer');
  return token;
}
