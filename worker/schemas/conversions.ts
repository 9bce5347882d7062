import { createSelectSchema } from 'drizzle-valibot';
import * as v from 'valibot';
import { conversions } from '../../db/schema';
import { CONVERSION_TYPES } from '../services/defaults';
import { asNumber, asPicklist, asTimestamp, TimeInputSchema } from './common';

/** `POST /api/v1/conversions`. */
export const CreateConversionBodySchema = v.object({
  clickId: v.pipe(
    v.string('must be the rl_cid the visitor arrived with'),
    v.minLength(1, 'is required'),
    v.maxLength(128, 'is not a click id'),
    v.description('the `rl_cid` the visitor arrived with (signed: a forged or altered one answers 422 `unknown_click`)'),
  ),
  type: v.pipe(v.picklist(CONVERSION_TYPES, `must be one of ${CONVERSION_TYPES.join(', ')}`), v.description('what the visitor did')),
  value: v.optional(
    v.pipe(v.number('must be a number'), v.minValue(0, 'must be zero or more'), v.maxValue(1e9, 'is too large'), v.description('what it is worth; default: the organisation’s value for this type')),
  ),
  currency: v.optional(
    v.pipe(v.string('must be a string'), v.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'), v.description('ISO 4217 code of `value`; default the organisation’s (another currency is kept, not summed)')),
  ),
  externalId: v.optional(
    v.pipe(
      v.string('must be a string'),
      v.minLength(1, 'must not be empty'),
      v.maxLength(255, 'must be at most 255 characters'),
      v.description('your own id of the conversion (e.g. the application’s): the same `externalId` + `type` again answers the first result'),
    ),
  ),
  occurredAt: v.optional(v.pipe(TimeInputSchema, v.description('when it happened, ISO 8601; default now'))),
});
export type CreateConversionBody = v.InferOutput<typeof CreateConversionBodySchema>;

/** An `Idempotency-Key` (IETF draft), 1–255 characters. */
export const IdempotencyKeySchema = v.pipe(
  v.string(),
  v.minLength(1, 'must be 1 to 255 characters'),
  v.maxLength(255, 'must be 1 to 255 characters'),
  v.description(
    'Makes a retry safe (IETF Idempotency-Key draft): the same key again within 24 h answers 200 with the first result; the same key with another body, 422 `idempotency_key_reused`; while the first request is processed, 409.',
  ),
);

/** The optional `Idempotency-Key` header (Hono reads header names in lower case). */
export const IdempotencyHeaderSchema = v.object({ 'idempotency-key': v.optional(IdempotencyKeySchema) });

const ConversionRowSchema = createSelectSchema(conversions, {
  type: asPicklist(conversions.type),
  network: asPicklist(conversions.network),
  value: asNumber,
  attributed: (schema) => v.pipe(schema, v.description('false when the click is older than the attribution window')),
  occurredAt: asTimestamp,
  clickAt: asTimestamp,
  createdAt: asTimestamp,
});
const { clickAt, createdAt } = ConversionRowSchema.entries;

/** A conversion as the API shows it. */
export const ConversionSchema = v.pipe(
  v.object({
    ...v.pick(ConversionRowSchema, ['id', 'clickId', 'type', 'value', 'currency', 'externalId', 'occurredAt', 'attributed', 'ambassadorId', 'contentId', 'campaignId', 'network']).entries,
    clickedAt: clickAt,
    createdAt,
  }),
  v.title('Conversion'),
);
export type Conversion = v.InferOutput<typeof ConversionSchema>;
