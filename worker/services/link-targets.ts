/**
 * Slug → redirect target, the only read on the redirect path. Results (misses included) are cached
 * in the isolate for `LINK_CACHE_TTL_MS`; every write that changes a link, its content, campaign or
 * organisation calls `clearLinkCache()`, which takes effect at once in that isolate and within the TTL
 * everywhere else.
 */
import { eq } from 'drizzle-orm';
import { campaigns, contents, links, organisations } from '../../db/schema';
import type { Db } from '../lib/db';
import { TtlCache } from '../lib/ttl-cache';
import { prepareTarget, type PreparedTarget } from './tracking-url';

export const LINK_CACHE_TTL_MS = 30_000;

export interface LinkTarget extends PreparedTarget {
  linkId: string;
  organisationId: string;
}

const cache = new TtlCache<LinkTarget | null>(LINK_CACHE_TTL_MS, 10_000);

/** Forgets every cached slug in this isolate. */
export function clearLinkCache(): void {
  cache.clear();
}

/** The target of an active slug, from the isolate cache or one indexed D1 read. */
export async function resolveLink(db: Db, slug: string, now: number): Promise<LinkTarget | null> {
  const hit = cache.get(slug, now);
  if (hit !== undefined) return hit;
  const target = await findLinkTarget(db, slug);
  cache.set(slug, target, now);
  return target;
}

/**
 * Reads a link with what its Location needs. Archived content sends the audience to the
 * organisation's fallback URL when it has one (a closed job offer → the careers page); a link whose
 * ambassador left still redirects, since a link already posted never breaks.
 */
export async function findLinkTarget(db: Db, slug: string): Promise<LinkTarget | null> {
  const row = await db
    .select({
      linkId: links.id,
      organisationId: links.organisationId,
      network: links.network,
      url: contents.url,
      contentSlug: contents.slug,
      contentStatus: contents.status,
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
  const destination = row.contentStatus === 'archived' && row.fallbackUrl ? row.fallbackUrl : row.url;
  const prepared = prepareTarget(destination, {
    utm_source: row.network,
    utm_medium: row.utmMedium,
    utm_campaign: row.campaignSlug,
    utm_content: row.contentSlug,
  });
  return { linkId: row.linkId, organisationId: row.organisationId, ...prepared };
}
