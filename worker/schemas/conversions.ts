import * as v from 'valibot';
import { NETWORKS } from '../../db/schema';
import { CONVERSION_TYPES } from '../services/defaults';
import { TimeInputSchema, TimestampSchema } from './common';

/** `POST /api/v1/conversions`. */
export const CreateConversionBodySchema = v.object({
  clickId: v.pipe(v.string('must be the rl_cid the visitor arrived with'), v.minLength(1, 'is required'), v.maxLength(128, 'is not a click id')),
  type: v.picklist(CONVERSION_TYPES, `must be one of ${CONVERSION_TYPES.join(', ')}`),
  value: v.optional(v.pipe(v.number('must be a number'), v.minValue(0, 'must be zero or more'), v.maxValue(1e9, 'is too large'))),
  currency: v.optional(v.pipe(v.string('must be a string'), v.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'))),
  externalId: v.optional(v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'), v.maxLength(255, 'must be at most 255 characters'))),
  occurredAt: v.optional(TimeInputSchema),
});
export type CreateConversionBody = v.InferOutput<typeof CreateConversionBodySchema>;

/** The optional `Idempotency-Key` header (IETF draft), 1–255 characters. */
export const IdempotencyHeaderSchema = v.object({
  'idempotency-key': v.optional(v.pipe(v.string(), v.minLength(1, 'must be 1 to 255 characters'), v.maxLength(255, 'must be 1 to 255 characters'))),
});

export const ConversionSchema = v.pipe(
  v.object({
    id: v.string(),
    clickId: v.string(),
    type: v.picklist(CONVERSION_TYPES),
    value: v.number(),
    currency: v.string(),
    externalId: v.nullable(v.string()),
    occurredAt: TimestampSchema,
    attributed: v.pipe(v.boolean(), v.description('false when the click is older than the attribution window')),
    ambassadorId: v.nullable(v.string()),
    contentId: v.nullable(v.string()),
    campaignId: v.nullable(v.string()),
    network: v.nullable(v.picklist(NETWORKS)),
    clickedAt: TimestampSchema,
    createdAt: TimestampSchema,
  }),
  v.title('Conversion'),
);
export type Conversion = v.InferOutput<typeof ConversionSchema>;
