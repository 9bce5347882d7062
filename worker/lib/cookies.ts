/** The session cookie set by the API for admins and ambassadors (HttpOnly, SameSite=Lax). */
export const SESSION_COOKIE = 'relais_session';

const SESSION_PATTERN = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`);

/** The session token in a Cookie header, without parsing every cookie (used on the redirect path). */
export function sessionTokenOf(cookieHeader: string | null): string | undefined {
  return cookieHeader ? SESSION_PATTERN.exec(cookieHeader)?.[1] : undefined;
}
