/** Helpers that turn valibot schemas into `describeRoute` responses, so docs and validation share one source. */
import type { DescribeRouteOptions } from 'hono-openapi';
import { resolver } from 'hono-openapi';
import type * as v from 'valibot';
import { ErrorSchema } from '../schemas/common';
import { ERROR_STATUS, type ErrorCode } from './errors';

type Responses = NonNullable<DescribeRouteOptions['responses']>;

/** A JSON response documented by `schema`. */
export function jsonResponse(status: number, description: string, schema: v.GenericSchema): Responses {
  return { [status]: { description, content: { 'application/json': { schema: resolver(schema) } } } };
}

/** The error envelopes a route can answer, grouped by status. */
export function errorResponses(...codes: ErrorCode[]): Responses {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, group]) => [status, { description: `Error: ${group.join(', ')}`, content: { 'application/json': { schema: resolver(ErrorSchema) } } }]),
  );
}

/** A `204 No Content` response. */
export const noContent: Responses = { 204: { description: 'Done; no body.' } };
