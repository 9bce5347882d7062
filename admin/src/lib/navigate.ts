/**
 * Leaves the page for `url` once its document has finished loading. Navigating while the page is still
 * loading aborts that load (`net::ERR_ABORTED` for the browser, and for anything that waits for it);
 * signed-out visitors are already redirected by the Worker, so this serves sessions that end mid-visit.
 */
export function navigateWhenLoaded(url: string): void {
  if (document.readyState === 'complete') location.assign(url);
  else addEventListener('load', () => location.assign(url), { once: true });
}
