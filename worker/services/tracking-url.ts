/** The attribution parameters a short link adds to its target (API.md, "The short link"). */
export interface TrackingParams {
  utm_source: string;
  utm_medium: string;
  utm_campaign: string;
  utm_content: string;
}

/** A target URL prepared once per link: the click id goes between `prefix` and `fragment`. */
export interface PreparedTarget {
  prefix: string;
  fragment: string;
}

/**
 * Merges the tracking parameters into `target` without re-encoding the target's own query: its
 * parameters are kept as written, a `utm_*` it already has wins, and its fragment stays last.
 * An `rl_cid` in the target is dropped, since the click's own id must be the one a conversion names.
 */
export function prepareTarget(target: string, params: TrackingParams): PreparedTarget {
  const url = new URL(target);
  const fragment = url.hash;
  url.hash = '';
  if (url.searchParams.has('rl_cid')) url.searchParams.delete('rl_cid');
  const added = Object.entries(params)
    .filter(([key]) => !url.searchParams.has(key))
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  added.push('rl_cid=');
  const href = url.href;
  const separator = href.endsWith('?') || href.endsWith('&') ? '' : url.search ? '&' : '?';
  return { prefix: href + separator + added.join('&'), fragment };
}

/** The final Location for one click. */
export function trackedUrl(target: PreparedTarget, clickId: string): string {
  return target.prefix + clickId + target.fragment;
}

/** The Location for a visitor who opted out: the same target, without a click id. */
export function untrackedUrl(target: PreparedTarget): string {
  const prefix = target.prefix.slice(0, -'rl_cid='.length).replace(/[?&]$/, '');
  return prefix + target.fragment;
}
