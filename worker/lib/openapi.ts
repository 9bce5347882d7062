/** Helpers that turn valibot schemas into `describeRoute` responses, so docs and validation share one source. */
import type { DescribeRouteOptions } from 'hono-openapi';
import { resolver, uniqueSymbol } from 'hono-openapi';
import * as v from 'valibot';
import { ErrorSchema } from '../schemas/common';
import { IdempotencyHeaderSchema, IdempotencyKeySchema } from '../schemas/conversions';
import { ERROR_STATUS, type ErrorCode } from './errors';
import { headers } from './validate';

type Responses = NonNullable<DescribeRouteOptions['responses']>;
/** One alternative of an operation's `security`: a scheme and the scopes (API keys) or roles (sessions) it needs. */
export type SecurityRequirement = Record<string, string[]>;

/**
 * Documents a middleware: hono-openapi merges `spec` into every operation the middleware guards, as it does a
 * `describeRoute`'s, so what a middleware enforces is documented from the middleware itself.
 */
export function documented<M extends object>(middleware: M, spec: DescribeRouteOptions): M {
  return Object.assign(middleware, { [uniqueSymbol]: { spec } });
}

/** A JSON response documented by `schema`. */
export function jsonResponse(status: number, description: string, schema: v.GenericSchema): Responses {
  return { [status]: { description, content: { 'application/json': { schema: resolver(schema) } } } };
}

/** API.md: a `429 rate_limited` always says when to try again. */
const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' as const, minimum: 1 } } };

/** The error envelopes a route can answer, grouped by status. */
export function errorResponses(...codes: ErrorCode[]): Responses {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, group]) => [
      status,
      { description: `Error: ${group.join(', ')}`, ...(group.includes('rate_limited') ? { headers: RETRY_AFTER } : {}), content: { 'application/json': { schema: resolver(ErrorSchema) } } },
    ]),
  );
}

/** An image served from this Relais (PNG, JPEG, GIF or WebP), e.g. a proxied preview image. */
export function imageResponse(description: string): Responses {
  const binary = { schema: { type: 'string' as const, format: 'binary' } };
  return { 200: { description, content: { 'image/png': binary, 'image/jpeg': binary, 'image/gif': binary, 'image/webp': binary } } };
}

/** A `204 No Content` response. */
export const noContent: Responses = { 204: { description: 'Done; no body.' } };

/** The `Idempotency-Key` header, declared once in the document's `components.parameters`. */
export function idempotencyKeyParameter() {
  const [, min, max] = IdempotencyKeySchema.pipe;
  return {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: v.getDescription(IdempotencyKeySchema),
    schema: { type: 'string' as const, minLength: min.requirement, maxLength: max.requirement },
  };
}

/** The name of that parameter in `components.parameters`. */
export const IDEMPOTENCY_KEY = 'IdempotencyKey';

/** Validates the optional `Idempotency-Key` header, documented by a reference to the one declaration. */
export const idempotencyKeyHeader = () => documented(headers(IdempotencyHeaderSchema), { parameters: [{ $ref: `#/components/parameters/${IDEMPOTENCY_KEY}` }] });
