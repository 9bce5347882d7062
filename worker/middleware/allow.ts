import { createMiddleware } from 'hono/factory';
import { ADMIN_ROLES, API_KEY_SCOPES, type ApiKeyScope } from '../../db/schema';
import type { Caller } from '../lib/caller';
import { ApiError } from '../lib/errors';
import { documented, type SecurityRequirement } from '../lib/openapi';
import type { AppEnv } from '../env';

/**
 * What a route needs:
 * - `read`: any admin, or a key with the `admin` scope;
 * - `write`: an owner or editor (an analyst only reads), or an `admin` key;
 * - `people`: reading people's personal data (ambassadors' e-mails): an owner or editor, or an `admin` key;
 *   analysts only read dashboards and exports;
 * - `team`: who runs the programme (the admins): any admin in a browser session, never a key;
 * - `settings`: changing the organisation's settings (who sees what, retention, rates): an owner or editor in a
 *   browser session, never a key (API.md lists what an `admin` key manages, and settings are not among them);
 * - `owner`: an owner in a browser session, never a key (admins and API keys: a leaked key must not mint
 *   more keys or invite an owner);
 * - `kpis:read` / `conversions:write`: a key with that scope or `admin`, or an admin (analysts read KPIs;
 *   only owners and editors report conversions);
 * - `ambassador`: an ambassador's own session.
 */
export type Access = 'read' | 'write' | 'people' | 'team' | 'settings' | 'owner' | 'kpis:read' | 'conversions:write' | 'ambassador';

const PEOPLE_ONLY: ReadonlySet<Access> = new Set(['team', 'settings', 'owner']);

function permits(caller: Caller, access: Access): boolean {
  if (caller.kind === 'ambassador') return access === 'ambassador';
  if (access === 'ambassador') return false;
  if (caller.kind === 'key') return !PEOPLE_ONLY.has(access) && (caller.scopes.includes('admin') || caller.scopes.includes(access as ApiKeyScope));
  switch (access) {
    case 'read':
    case 'team':
    case 'kpis:read':
      return true;
    case 'write':
    case 'people':
    case 'settings':
    case 'conversions:write':
      return caller.role !== 'analyst';
    case 'owner':
      return caller.role === 'owner';
  }
}

/** The role an ambassador's session carries in the document, beside the admins' roles. */
const AMBASSADOR_ROLE = 'ambassador';

/**
 * Who may make a call needing one of `accesses`, as OpenAPI security requirements, read off `permits` itself
 * (so the document cannot drift from the check): one alternative per API key scope that passes, and the
 * session cookie with the roles that pass (`owner`, `editor`, `analyst`, `ambassador`).
 */
export function securityOf(accesses: Access[]): SecurityRequirement[] {
  const passes = (caller: Caller) => accesses.some((access) => permits(caller, access));
  const ids = { organisationId: '', sessionId: '' };
  const scopes = API_KEY_SCOPES.filter((scope) => passes({ kind: 'key', organisationId: '', keyId: '', scopes: [scope] }));
  const roles: string[] = ADMIN_ROLES.filter((role) => passes({ kind: 'admin', ...ids, adminId: '', role }));
  if (passes({ kind: 'ambassador', ...ids, ambassadorId: '' })) roles.push(AMBASSADOR_ROLE);
  return [...scopes.map((scope) => ({ apiKey: [scope] })), ...(roles.length > 0 ? [{ session: roles }] : [])];
}

/**
 * Refuses the request unless the caller has one of the `accesses`: 401 without a credential, 403 with
 * one that does not reach.
 *
 * @example
 * campaigns.post('/', allow('write'), jsonBody(CreateCampaignBodySchema), handler)
 */
export function allow(...accesses: Access[]) {
  const check = createMiddleware<AppEnv>(async function checkAccess(c, next) {
    const caller = c.var.caller;
    if (!caller) throw new ApiError('unauthenticated', 'Sign in, or send an API key as `Authorization: Bearer rl_…`.');
    if (!accesses.some((access) => permits(caller, access))) {
      throw new ApiError('forbidden', caller.kind === 'key' ? `An API key cannot make this call (it needs ${accesses.join(' or ')}).` : 'Your role does not allow this action.');
    }
    await next();
  });
  return documented(check, { security: securityOf(accesses) });
}

/** The caller of a route behind `allow(...)`. */
export function callerOf(c: { var: { caller: Caller | null } }): Caller {
  const caller = c.var.caller;
  if (!caller) throw new ApiError('unauthenticated', 'Sign in first.');
  return caller;
}
