/**
 * Calls of the ambassador's space. Like `unwrap`, plus the space's own detours: without a session
 * (401) the join page explains to use the invitation link; without the current charter
 * (403 `charter_not_accepted`) the charter page asks for it.
 */
import type { ClientResponse } from 'hono/client';
import { ApiClientError, client, unwrap } from './api';
import type { ShareNetwork } from './me-types';
import { chooseLocale, locale } from './locale';
import { navigateWhenLoaded } from './navigate';

export const ME_JOIN = '/me/join/';
export const ME_CHARTER = '/me/charter/';

/** Sends the browser where an API error of the space belongs; true when it did. */
export function detour(error: unknown): boolean {
  if (!(error instanceof ApiClientError)) return false;
  if (error.status === 401 && !location.pathname.startsWith(ME_JOIN)) {
    navigateWhenLoaded(ME_JOIN);
    return true;
  }
  if (error.code === 'charter_not_accepted' && !location.pathname.startsWith(ME_CHARTER)) {
    navigateWhenLoaded(ME_CHARTER);
    return true;
  }
  return false;
}

/** Awaits an ambassador call and returns its body; on 401 or `charter_not_accepted`, also leaves the page. */
export function meCall<R extends ClientResponse<unknown, number, string>>(call: Promise<R>) {
  return unwrap(call, { redirectOn401: false }).catch((error: unknown): never => {
    detour(error);
    throw error;
  });
}

/**
 * Before showing content to share: when the organisation's current charter is not accepted yet
 * (the API's own `charter.accepted`), go and read it rather than meet a 403 after writing a post; otherwise
 * speak the language of their profile. Answers their profile.
 */
export async function ensureCharterAccepted() {
  const me = await meCall(client.api.v1.me.$get());
  if (!me.charter.accepted && me.charter.currentVersion !== null) navigateWhenLoaded(ME_CHARTER);
  // The language saved in their profile follows the ambassador from one device to another.
  else if (me.language && me.language !== locale()) chooseLocale(me.language);
  return me;
}

/** Character limits of a post per network (none for e-mail and other). */
export const TEXT_LIMITS: Partial<Record<ShareNetwork, number>> = { linkedin: 3000, x: 280, facebook: 63206, instagram: 2200 };
