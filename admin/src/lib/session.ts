/**
 * The signed-in admin and their organisation (`GET /api/v1/auth/me`), fetched once per page and
 * shared by every island that needs it (the header shows the e-mail, pages hide write actions from
 * analysts). The API still refuses what a role may not do; hiding is only a courtesy.
 */
import { ApiClientError, client, redirectToLogin, unwrap } from './api';
import type { Me } from './api-types';

let pending: Promise<Me | null> | undefined;

/**
 * Whether the Worker served this page without an admin session (`<html data-session>`, routes/pages.ts): then
 * asking `/auth/me` could only answer 401, which the browser logs as an error. Without the mark (a page not
 * served through the Worker), the API is asked.
 */
const servedSignedOut = (): boolean => {
  const served = document.documentElement.dataset.session;
  return served !== undefined && served !== 'admin';
};

/** The session, or null when signed out. */
export function loadSession(): Promise<Me | null> {
  if (!pending && servedSignedOut()) pending = Promise.resolve(null);
  pending ??= unwrap(client.api.v1.auth.me.$get(), { redirectOn401: false }).catch((error: unknown) => {
    if (error instanceof ApiClientError && error.status === 401) return null;
    pending = undefined;
    throw error;
  });
  return pending;
}

/** The session; when signed out, goes to the sign-in page (keeping `?next=`) and rejects. */
export async function requireSession(): Promise<Me> {
  const me = await loadSession();
  if (me) return me;
  redirectToLogin();
  throw new ApiClientError(401, 'unauthenticated', 'Sign in first.');
}

/** Forgets the cached session (after sign-out or a settings change). */
export function resetSession(me?: Me): void {
  pending = me ? Promise.resolve(me) : undefined;
}

/** Owners and editors write; analysts only read. */
export const canWrite = (me: Me | undefined): boolean => me !== undefined && me.admin.role !== 'analyst';

/** Only owners manage admins and API keys. */
export const isOwner = (me: Me | undefined): boolean => me?.admin.role === 'owner';
