/**
 * The live preview of a content's short-link destination, per network. It runs the redirect's own
 * merge (`worker/services/tracking-url.ts`, a dependency-free module imported as is, so the preview
 * cannot drift from what `GET /{slug}` answers): the target's parameters are kept, its own `utm_*`
 * win, `rl_cid` comes last before the fragment.
 */
import { prepareTarget, trackedUrl } from '../../../worker/services/tracking-url';

/** What the preview cannot know yet, shown as placeholders. */
export type Placeholder = 'clickId' | 'contentSlug';

/** A run of the URL: literal text, or a placeholder to show as such. */
export type PreviewPart = { text: string } | { placeholder: Placeholder };

export interface PreviewInput {
  url: string;
  network: string;
  utmMedium: string;
  campaignSlug: string;
  /** Empty until the content has a slug (the API derives one from the title on save). */
  contentSlug: string;
}

// Letters only, so neither encodeURIComponent nor URL parsing changes them.
const TOKENS: Record<Placeholder, string> = { clickId: 'RLPREVIEWCLICKID', contentSlug: 'RLPREVIEWCONTENTSLUG' };

/** The destination of one click, in parts; null when `url` is not an http(s) URL. */
export function previewTrackedUrl(input: PreviewInput): PreviewPart[] | null {
  let href: string;
  try {
    const url = new URL(input.url.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    const target = prepareTarget(url.href, {
      utm_source: input.network,
      utm_medium: input.utmMedium,
      utm_campaign: input.campaignSlug,
      utm_content: input.contentSlug || TOKENS.contentSlug,
    });
    href = trackedUrl(target, TOKENS.clickId);
  } catch {
    return null;
  }
  const parts: PreviewPart[] = [];
  const pattern = new RegExp(`(${TOKENS.clickId}|${TOKENS.contentSlug})`);
  for (const piece of href.split(pattern)) {
    if (piece === TOKENS.clickId) parts.push({ placeholder: 'clickId' });
    else if (piece === TOKENS.contentSlug) parts.push({ placeholder: 'contentSlug' });
    else if (piece) parts.push({ text: piece });
  }
  return parts;
}
