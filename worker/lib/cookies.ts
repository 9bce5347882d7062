/** The session cookie set by the API for admins and ambassadors (HttpOnly, SameSite=Lax). */
export const SESSION_COOKIE = 'relais_session';

const SESSION_PATTERN = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`);

/** The session token in a Cookie header, without parsing every cookie (used on the redirect path). */
export function sessionTokenOf(cookieHeader: string | null): string | undefined {
  return cookieHeader ? SESSION_PATTERN.exec(cookieHeader)?.[1] : undefined;
}

/** The Set-Cookie options of a session: HttpOnly, SameSite=Lax, Secure except on localhost. */
export function sessionCookieOptions(requestUrl: string, expiresAt?: number) {
  const { hostname } = new URL(requestUrl);
  const local = hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
  return {
    httpOnly: true,
    sameSite: 'Lax' as const,
    secure: !local,
    path: '/',
    ...(expiresAt ? { expires: new Date(expiresAt) } : { maxAge: 0 }),
  };
}
