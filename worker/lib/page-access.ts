/**
 * Which session a page of the static site needs. Signed-out visitors of a page that needs one get an
 * HTTP redirect before any document loads (a script that navigated away while its own page was still
 * loading aborted that load: flaky browser tests, and pages that audit tools could not open).
 */
export type PageSubject = 'admin' | 'ambassador';

/** Pages anyone may open: the admin's front door and sign-in, the invitation pages. */
const PUBLIC_PAGES = new Set(['/admin/', '/admin/login/', '/admin/join/', '/me/join/']);

/**
 * The session subject `path` needs, or null for a public page, a file, or a path outside the two spaces.
 * Pages end in `/`; the static assets redirect `/admin/join` to `/admin/join/` first (keeping the fragment that
 * carries an invitation token), and the page is checked then.
 */
export function subjectForPage(path: string): PageSubject | null {
  if (!path.endsWith('/') || PUBLIC_PAGES.has(path)) return null;
  if (path.startsWith('/admin/')) return 'admin';
  if (path.startsWith('/me/')) return 'ambassador';
  return null;
}

/** Where a signed-out visitor of `path` (with its `search`) is sent. */
export function signInPageFor(subject: PageSubject, pathAndSearch: string): string {
  return subject === 'admin' ? `/admin/login/?next=${encodeURIComponent(pathAndSearch)}` : '/me/join/';
}
