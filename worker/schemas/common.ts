/** Shapes shared by every resource: ids, pagination, times, the error envelope. */
import * as v from 'valibot';
import { ApiError } from '../lib/errors';
import { isPrivateHostName, parseHttpUrl } from '../lib/public-url';

/** An opaque id in the path. */
export const IdParamSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(64, 'id is too long'), v.description('the resource’s id, as the API gave it')),
});

/** `?limit=` (default 50, max 200) and an opaque `?cursor=` (API.md, Conventions). */
export const PageQuerySchema = v.object({
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/, 'limit must be a whole number from 1 to 200'),
      v.transform(Number),
      v.minValue(1, 'limit must be a whole number from 1 to 200'),
      v.maxValue(200, 'limit must be a whole number from 1 to 200'),
      v.description('items per page, 1 to 200 (default 50)'),
    ),
    '50',
  ),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200, 'cursor is not valid'), v.description('the `nextCursor` of the previous page; absent for the first page'))),
});

/** A page of `item`: `{ items, nextCursor }`. */
export function pageOf<T extends v.GenericSchema>(item: T) {
  return v.object({ items: v.array(item), nextCursor: v.nullable(v.string()) });
}

/** An ISO 8601 UTC time as the API writes it. */
export const TimestampSchema = v.pipe(v.string(), v.isoTimestamp(), v.description('ISO 8601 UTC, e.g. 2026-11-25T08:30:00.000Z'));

/**
 * drizzle-valibot refinements for `createSelectSchema(table, {...})`, the one way a response schema maps a table:
 * an epoch-ms column is written as an ISO time, a numeric column as a plain JSON number (the derived schema
 * would otherwise carry SQLite's integer bounds), and an enum column as a picklist of its values (the derived
 * `v.enum` types would leak into the admin's generated client). The column's nullability is kept.
 */
export const asTimestamp = () => TimestampSchema;
export const asNumber = () => v.number();
export const asPicklist =
  <const T extends readonly [string, ...string[]]>(column: { enumValues: T }) =>
  () =>
    v.picklist(column.enumValues);

/** An ISO 8601 time a client sends (offset or Z), parsed to epoch ms. */
export const TimeInputSchema = v.pipe(
  v.string('must be an ISO 8601 time'),
  v.isoTimestamp('must be an ISO 8601 time, e.g. 2026-11-25T08:30:00Z'),
  v.transform((text) => Date.parse(text)),
);

// valibot runs every check of a pipe even after one failed, so this one must not throw on a non-URL.
function protocolOf(text: string): string {
  try {
    return new URL(text).protocol;
  } catch {
    return '';
  }
}

/** An http(s) URL, normalised (lower-case host, no default port). */
export const HttpUrlSchema = v.pipe(
  v.string('must be a URL'),
  v.trim(),
  v.maxLength(2048, 'must be at most 2048 characters'),
  v.url('must be an http or https URL'),
  v.check((text) => /^https?:$/.test(protocolOf(text)), 'must be an http or https URL'),
  v.transform((text) => new URL(text).href),
);

/**
 * Why `href` may not be a link target (API.md, Conventions: URL fields an admin saves), or undefined when it may:
 * http or https only, no user name or password, no IP-literal host (every IPv6 literal, and every host whose last
 * label is a number: `127.1`, `2130706433`, `0x7f.1`), and no host that names this machine or a private network
 * (`localhost`, `*.local`, `*.internal`, a single label such as `intranet`…). Hosts whose DNS points inside a
 * network cannot be told from here; nothing fetches these URLs, they are where the audience is sent.
 */
export function targetUrlIssue(href: string): string | undefined {
  const url = parseHttpUrl(href);
  if (typeof url === 'string') return url;
  const host = url.hostname.replace(/\.$/, '');
  const last = host.slice(host.lastIndexOf('.') + 1);
  if (host.startsWith('[') || /^(?:0x[0-9a-f]*|\d+)$/i.test(last)) return 'must name a host, not an IP address';
  if (isPrivateHostName(host)) return 'must be a public address, not a local or private host';
  return undefined;
}

/** A URL an admin saves as where links lead (content `url`, `fallbackUrl`): an `HttpUrlSchema` that passes `targetUrlIssue`. */
export const TargetUrlSchema = v.pipe(
  HttpUrlSchema,
  v.rawCheck(({ dataset, addIssue }) => {
    const issue = dataset.typed ? targetUrlIssue(dataset.value) : undefined;
    if (issue) addIssue({ message: issue });
  }),
);

/**
 * Throws 422 on `field` when `href` is on the host that answers `requestUrl`: a short link of this Relais
 * (or any page of it) as a target would loop or hide where a link leads.
 */
export function assertNotOwnHost(href: string | null | undefined, requestUrl: string, field: string): void {
  if (href && new URL(href).hostname === new URL(requestUrl).hostname) throw new ApiError('validation_failed', `${field} must not be an address of this Relais`, field);
}

/** A URL-safe slug: lower-case letters, digits and dashes. */
export const SlugSchema = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'must be 1–64 lower-case letters, digits or dashes, not starting or ending with a dash'),
);

/** A required one-line text. */
export const NameSchema = (max = 200) => v.pipe(v.string('must be a string'), v.trim(), v.minLength(1, 'is required'), v.maxLength(max, `must be at most ${max} characters`));

/** The error envelope of API.md. */
export const ErrorSchema = v.pipe(
  v.object({
    error: v.object({
      code: v.pipe(v.string(), v.description('snake_case code, e.g. validation_failed')),
      message: v.pipe(v.string(), v.description('a human sentence')),
      field: v.optional(v.pipe(v.string(), v.description('dotted path of the field at fault'))),
      issues: v.optional(
        v.pipe(
          v.array(v.object({ field: v.pipe(v.string(), v.description('dotted path')), message: v.pipe(v.string(), v.description('a human sentence')) })),
          v.description('on `validation_failed` when several fields are at fault: each of them (at most 20), the first being `field`'),
        ),
      ),
    }),
  }),
  v.title('Error'),
);
