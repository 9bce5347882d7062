import { and, eq, isNull } from 'drizzle-orm';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { admins, ambassadors, apiKeys } from '../../db/schema';
import type { Caller } from '../lib/caller';
import { SESSION_COOKIE } from '../lib/cookies';
import type { Db } from '../lib/db';
import { hashToken } from '../lib/tokens';
import { findSession } from '../services/sessions';
import { crossSiteRefused, fromSiteOrigin } from './same-origin';
import type { AppEnv } from '../env';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Resolves the caller from `Authorization: Bearer rl_…` (an API key) or the session cookie, and sets
 * `c.var.caller` (null when there is no valid credential; guards decide what that means). A write
 * authenticated by cookie must carry the site's own `Origin`, or it is refused as CSRF.
 *
 * @example
 * api.use('*', caller());
 * api.get('/campaigns', allow('read'), (c) => c.json(listCampaigns(c.var.db, c.var.caller)))
 */
export function caller() {
  return createMiddleware<AppEnv>(async function resolveCaller(c, next) {
    const authorization = c.req.header('authorization');
    const bearer = /^Bearer\s+(rl_[A-Za-z0-9]+)$/i.exec(authorization ?? '')?.[1];
    if (bearer) {
      c.set('caller', await callerFromKey(c.var.db, bearer, (p) => c.executionCtx.waitUntil(p)));
    } else {
      const token = getCookie(c, SESSION_COOKIE);
      if (token && UNSAFE.has(c.req.method) && !fromSiteOrigin(c)) throw crossSiteRefused();
      c.set('caller', token ? await callerFromSession(c.var.db, token) : null);
    }
    await next();
  });
}

async function callerFromKey(db: Db, secret: string, defer: (p: Promise<unknown>) => void): Promise<Caller | null> {
  const key = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.secretHash, await hashToken(secret)), isNull(apiKeys.revokedAt)))
    .get();
  if (!key) return null;
  const now = Date.now();
  if (!key.lastUsedAt || now - key.lastUsedAt > LAST_USED_RESOLUTION_MS) {
    defer(db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, key.id)).run().catch(() => undefined));
  }
  return { kind: 'key', organisationId: key.organisationId, keyId: key.id, scopes: key.scopes };
}

async function callerFromSession(db: Db, token: string): Promise<Caller | null> {
  const session = await findSession(db, token);
  if (!session) return null;
  if (session.subjectType === 'admin') {
    const admin = await db.select({ role: admins.role }).from(admins).where(and(eq(admins.id, session.subjectId), eq(admins.status, 'active'))).get();
    return admin ? { kind: 'admin', organisationId: session.organisationId, adminId: session.subjectId, role: admin.role, sessionId: session.id } : null;
  }
  const ambassador = await db.select({ id: ambassadors.id }).from(ambassadors).where(and(eq(ambassadors.id, session.subjectId), eq(ambassadors.status, 'active'))).get();
  return ambassador ? { kind: 'ambassador', organisationId: session.organisationId, ambassadorId: ambassador.id, sessionId: session.id } : null;
}
