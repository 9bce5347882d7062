/**
 * The session cookie set by the API for admins and ambassadors. Its `__Host-` prefix makes browsers keep it
 * only when it is Secure, on Path=/ and without a Domain, so no other host (a sibling subdomain, a
 * plain-http page) can set or shadow it. It is Secure everywhere, local http included: Chromium and Firefox
 * treat http://localhost and http://127.0.0.1 as secure and keep it there.
 */
export const SESSION_COOKIE = '__Host-relais_session';

/** The name before the prefix: still read on the redirect path, where it only tells an ambassador's own click. */
const LEGACY_SESSION_COOKIE = 'relais_session';

const SESSION_PATTERN = new RegExp(`(?:^|;\\s*)(?:__Host-)?${LEGACY_SESSION_COOKIE}=([^;]+)`);

/** The session token in a Cookie header (either name), without parsing every cookie (used on the redirect path). */
export function sessionTokenOf(cookieHeader: string | null): string | undefined {
  return cookieHeader ? SESSION_PATTERN.exec(cookieHeader)?.[1] : undefined;
}

/** The Set-Cookie options of a session: HttpOnly, SameSite=Lax, and what `__Host-` requires (Secure, Path=/, no Domain). */
export function sessionCookieOptions(expiresAt?: number) {
  return {
    httpOnly: true,
    sameSite: 'Lax' as const,
    secure: true,
    path: '/',
    ...(expiresAt ? { expires: new Date(expiresAt) } : { maxAge: 0 }),
  };
}

/** The audience's objection, set only by `/privacy` (API.md): the redirect then records nothing but a count. */
export const OPT_OUT_COOKIE = 'relais_optout';

/** 13 months, the CNIL's longest life for an audience-measurement cookie (≈ 395 days). */
export const OPT_OUT_MAX_AGE_S = 395 * 86_400;

const OPT_OUT_PATTERN = new RegExp(`(?:^|;\\s*)${OPT_OUT_COOKIE}=1(?:;|$)`);

/** Whether a Cookie header carries the opt-out, without parsing every cookie (used on the redirect path). */
export const hasOptedOut = (cookieHeader: string | null): boolean => cookieHeader !== null && OPT_OUT_PATTERN.test(cookieHeader);

/** The Set-Cookie options of the opt-out (`maxAge` 0 clears it); Secure only where the page is served over HTTPS. */
export function optOutCookieOptions(secure: boolean, maxAge: number) {
  return { path: '/', maxAge, httpOnly: true, sameSite: 'Lax' as const, secure };
}
