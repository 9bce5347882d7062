import { createMiddleware } from 'hono/factory';
import type { ApiKeyScope } from '../../db/schema';
import type { Caller } from '../lib/caller';
import { ApiError } from '../lib/errors';
import type { AppEnv } from '../env';

/**
 * What a route needs:
 * - `read`: any admin, or a key with the `admin` scope;
 * - `write`: an owner or editor (an analyst only reads), or an `admin` key;
 * - `owner`: an owner, or an `admin` key;
 * - `kpis:read` / `conversions:write`: a key with that scope or `admin`, or an admin (analysts read KPIs;
 *   only owners and editors report conversions);
 * - `ambassador`: an ambassador's own session.
 */
export type Access = 'read' | 'write' | 'owner' | 'kpis:read' | 'conversions:write' | 'ambassador';

function permits(caller: Caller, access: Access): boolean {
  if (caller.kind === 'ambassador') return access === 'ambassador';
  if (access === 'ambassador') return false;
  if (caller.kind === 'key') return caller.scopes.includes('admin') || caller.scopes.includes(access as ApiKeyScope);
  switch (access) {
    case 'read':
    case 'kpis:read':
      return true;
    case 'write':
    case 'conversions:write':
      return caller.role !== 'analyst';
    case 'owner':
      return caller.role === 'owner';
  }
}

/**
 * Refuses the request unless the caller has one of the `accesses`: 401 without a credential, 403 with
 * one that does not reach.
 *
 * @example
 * campaigns.post('/', allow('write'), jsonBody(CreateCampaignBodySchema), handler)
 */
export function allow(...accesses: Access[]) {
  return createMiddleware<AppEnv>(async function checkAccess(c, next) {
    const caller = c.var.caller;
    if (!caller) throw new ApiError('unauthenticated', 'Sign in, or send an API key as `Authorization: Bearer rl_…`.');
    if (!accesses.some((access) => permits(caller, access))) {
      throw new ApiError('forbidden', caller.kind === 'key' ? `This API key lacks the scope for this call (${accesses.join(' or ')}).` : 'Your role does not allow this action.');
    }
    await next();
  });
}

/** The caller of a route behind `allow(...)`. */
export function callerOf(c: { var: { caller: Caller | null } }): Caller {
  const caller = c.var.caller;
  if (!caller) throw new ApiError('unauthenticated', 'Sign in first.');
  return caller;
}
