import type { AdminRole, ApiKeyScope } from '../../db/schema';

/** Who is calling, resolved once per request by the `caller` middleware; every query is scoped by it. */
export type Caller =
  | { kind: 'admin'; organisationId: string; adminId: string; role: AdminRole; sessionId: string }
  | { kind: 'ambassador'; organisationId: string; ambassadorId: string; sessionId: string }
  | { kind: 'key'; organisationId: string; keyId: string; scopes: ApiKeyScope[] };
