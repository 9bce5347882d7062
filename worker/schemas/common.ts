/** Shapes shared by every resource: ids, pagination, times, the error envelope. */
import * as v from 'valibot';

/** An opaque id in the path. */
export const IdParamSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(64, 'id is too long')),
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
    ),
    '50',
  ),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200, 'cursor is not valid'))),
});

/** A page of `item`: `{ items, nextCursor }`. */
export function pageOf<T extends v.GenericSchema>(item: T) {
  return v.object({ items: v.array(item), nextCursor: v.nullable(v.string()) });
}

/** An ISO 8601 UTC time as the API writes it. */
export const TimestampSchema = v.pipe(v.string(), v.isoTimestamp(), v.description('ISO 8601 UTC, e.g. 2026-11-25T08:30:00.000Z'));

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
    }),
  }),
  v.title('Error'),
);
