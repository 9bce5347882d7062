/**
 * Slug → redirect target, the only read on the redirect path. Results are cached in the isolate for
 * `LINK_CACHE_TTL_MS`: known links and unknown slugs in two caches, so a flood of random slugs only ever
 * evicts other misses, never a hot link. Every write that changes a link, its content, campaign or
 * organisation calls `clearLinkCache()`, which takes effect at once in that isolate and within the TTL
 * everywhere else. When D1 fails, a link last seen in this isolate is still served from the cache.
 */
import { eq } from 'drizzle-orm';
import { campaigns, contents, links, organisations } from '../../db/schema';
import type { Db } from '../lib/db';
import { TtlCache } from '../lib/ttl-cache';
import { isClosed } from './content-closing';
import { prepareTarget, untrackedUrl, type PreparedTarget } from './tracking-url';

export const LINK_CACHE_TTL_MS = 30_000;

export const KNOWN_CACHE_SIZE = 10_000;
export const UNKNOWN_CACHE_SIZE = 1_000;

export interface LinkTarget extends PreparedTarget {
  linkId: string;
  organisationId: string;
  /** The Location without a click id (HEAD, opted-out visitors, no signing key), prepared once. */
  untracked: string;
  /** When the content closes and the target becomes the fallback URL; null when nothing changes with time. */
  closesAt: number | null;
}

const known = new TtlCache<LinkTarget>(LINK_CACHE_TTL_MS, KNOWN_CACHE_SIZE);
const unknown = new TtlCache<true>(LINK_CACHE_TTL_MS, UNKNOWN_CACHE_SIZE);

/** Forgets every cached slug in this isolate. */
export function clearLinkCache(): void {
  known.clear();
  unknown.clear();
}

/** The target of an active slug, from the isolate cache or one indexed D1 read (throws only when D1 fails on a slug never seen). */
export async function resolveLink(db: Db, slug: string, now: number): Promise<LinkTarget | null> {
  const hit = known.get(slug, now);
  // A content that closed meanwhile: read again, its target is now the fallback URL.
  if (hit && (hit.closesAt === null || now < hit.closesAt)) return hit;
  if (unknown.get(slug, now)) return null;
  let target: LinkTarget | null;
  try {
    target = await findLinkTarget(db, slug, now);
  } catch (error) {
    const stale = known.stale(slug);
    if (stale) return stale;
    throw error;
  }
  if (target) known.set(slug, target, now);
  else {
    known.delete(slug);
    unknown.set(slug, true, now);
  }
  return target;
}

/**
 * Reads a link with what its Location needs. Archived or closed content (`endsAt` past) sends the audience
 * to the organisation's fallback URL when it has one (a closed job offer → the careers page); a link whose
 * ambassador left still redirects, since a link already posted never breaks.
 */
export async function findLinkTarget(db: Db, slug: string, now: number): Promise<LinkTarget | null> {
  const row = await db
    .select({
      linkId: links.id,
      organisationId: links.organisationId,
      network: links.network,
      url: contents.url,
      contentSlug: contents.slug,
      contentStatus: contents.status,
      endsAt: contents.endsAt,
      campaignSlug: campaigns.slug,
      utmMedium: organisations.utmMedium,
      fallbackUrl: organisations.fallbackUrl,
    })
    .from(links)
    .innerJoin(contents, eq(contents.id, links.contentId))
    .innerJoin(campaigns, eq(campaigns.id, contents.campaignId))
    .innerJoin(organisations, eq(organisations.id, links.organisationId))
    .where(eq(links.slug, slug))
    .get();
  if (!row) return null;
  const closed = row.contentStatus === 'archived' || isClosed(row, now);
  const destination = closed && row.fallbackUrl ? row.fallbackUrl : row.url;
  const closesAt = !closed && row.fallbackUrl && row.endsAt !== null ? row.endsAt : null;
  const prepared = prepareTarget(destination, {
    utm_source: row.network,
    utm_medium: row.utmMedium,
    utm_campaign: row.campaignSlug,
    utm_content: row.contentSlug,
  });
  return { linkId: row.linkId, organisationId: row.organisationId, ...prepared, untracked: untrackedUrl(prepared), closesAt };
}
