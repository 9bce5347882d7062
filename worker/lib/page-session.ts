/**
 * Which session a page of the static site was served to, written on its `<html data-session>`: the page's
 * first paint can show the right state (the admin home greets signed-out visitors and admins differently),
 * and a signed-out page never asks `/api/v1/auth/me` only to be answered 401.
 */
export type PageSession = 'admin' | 'ambassador' | 'none';

/** `response` (an HTML page) with `<html data-session="…">`. */
export function markPageSession(response: Response, session: PageSession): Response {
  return new HTMLRewriter()
    .on('html', {
      element(element) {
        element.setAttribute('data-session', session);
      },
    })
    .transform(response);
}

/**
 * The page request without its validators: a page's body now depends on the cookie, while the asset's ETag
 * does not, so a 304 could hand back a copy marked for another session.
 */
export function withoutValidators(request: Request): Request {
  const fresh = new Request(request);
  fresh.headers.delete('if-none-match');
  fresh.headers.delete('if-modified-since');
  return fresh;
}
