import { createSelectSchema } from 'drizzle-valibot';
import * as v from 'valibot';
import { API_KEY_SCOPES, apiKeys } from '../../db/schema';
import { asTimestamp, NameSchema } from './common';

const ApiKeyRowSchema = createSelectSchema(apiKeys, {
  scopes: () => v.array(v.picklist(API_KEY_SCOPES)),
  prefix: (schema) => v.pipe(schema, v.description('the first 8 characters of the secret, e.g. rl_AbCdE')),
  createdAt: asTimestamp,
  lastUsedAt: asTimestamp,
  revokedAt: asTimestamp,
});

/** An API key as listed: never its secret, only the prefix that tells keys apart. */
export const ApiKeySchema = v.pipe(v.pick(ApiKeyRowSchema, ['id', 'name', 'scopes', 'prefix', 'createdAt', 'lastUsedAt', 'revokedAt']), v.title('ApiKey'));
export type ApiKey = v.InferOutput<typeof ApiKeySchema>;

/** `POST /api/v1/api-keys`: a name and a non-empty set of scopes. */
export const CreateApiKeyBodySchema = v.object({
  name: v.pipe(NameSchema(100), v.description('what the key is for, e.g. the system that holds it; 1 to 100 characters')),
  scopes: v.pipe(
    v.array(v.picklist(API_KEY_SCOPES, `must be one of ${API_KEY_SCOPES.join(', ')}`), 'must be a list of scopes'),
    v.minLength(1, 'must name at least one scope'),
    v.transform((scopes) => [...new Set(scopes)]),
    v.description('what the key may do: `conversions:write`, `kpis:read`, `admin` (campaigns, contents, charters, ambassadors; never admins or keys)'),
  ),
});
export type CreateApiKeyBody = v.InferOutput<typeof CreateApiKeyBodySchema>;

/** The POST answer: the key and, this once, its secret. */
export const CreatedApiKeySchema = v.pipe(
  v.object({
    ...ApiKeySchema.pipe[0].entries,
    secret: v.pipe(v.string(), v.description('rl_ + 40 random characters; shown only in this answer, stored hashed')),
  }),
  v.title('CreatedApiKey'),
);
