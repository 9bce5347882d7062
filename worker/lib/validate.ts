/** Validators bound to the one hook (`onInvalid`), so every route reports errors the same way. */
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { validator } from 'hono-openapi';
import { onInvalid } from './errors';

/** Validates the JSON body against `schema`. */
export const jsonBody = <S extends StandardSchemaV1>(schema: S) => validator('json', schema, onInvalid);

/** Validates the query string against `schema`. */
export const query = <S extends StandardSchemaV1>(schema: S) => validator('query', schema, onInvalid);

/** Validates path parameters against `schema`. */
export const params = <S extends StandardSchemaV1>(schema: S) => validator('param', schema, onInvalid);

/** Validates request headers (names in lower case) against `schema`. */
export const headers = <S extends StandardSchemaV1>(schema: S) => validator('header', schema, onInvalid);
