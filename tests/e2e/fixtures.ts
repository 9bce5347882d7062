/**
 * Data the e2e journey needs beyond the demo seed: a link whose content lives on the local
 * landing server (the demo link points to example.com, which a sandboxed browser cannot reach).
 */
import { and, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import * as schema from '../../db/schema';
import { openLocalD1 } from '../../scripts/local-d1';

export const E2E = {
  organisationId: 'org_e2e',
  campaignId: 'cmp_e2e',
  campaignSlug: 'e2e-campagne',
  contentId: 'cnt_e2e',
  contentSlug: 'e2e-offre',
  ambassadorId: 'amb_e2e',
  // `lnk_` + 16 base64url characters (12 bytes: "e2elink00000").
  linkId: 'lnk_ZTJlbGluazAwMDAw',
  slug: 'e2e-landing',
  network: 'linkedin',
} as const;

/** The e2e link as the test sees it. */
export interface E2eLink {
  slug: string;
  linkId: string;
  /** Where the content lives (the landing server), with a parameter of its own that must survive. */
  targetUrl: string;
  campaignSlug: string;
  contentSlug: string;
  network: string;
}

/**
 * Inserts an organisation, campaign, content, ambassador and link pointing at `landingUrl`.
 * @param persistTo wrangler's `--persist-to` directory; the worker must not be running on it yet
 */
export async function insertLandingLink(persistTo: string, landingUrl: string, now = Date.now()): Promise<E2eLink> {
  const targetUrl = `${landingUrl}/offres/e2e?ref=careers`;
  const local = await openLocalD1(persistTo);
  try {
    const db = drizzle(local.db, { schema });
    await db.batch([
      db.insert(schema.organisations).values({ id: E2E.organisationId, slug: 'e2e', name: 'E2E', createdAt: now, updatedAt: now }),
      db.insert(schema.campaigns).values({
        id: E2E.campaignId, organisationId: E2E.organisationId, slug: E2E.campaignSlug, name: 'Campagne e2e',
        objective: 'recruitment', status: 'active', startsAt: now, createdAt: now, updatedAt: now,
      }),
      db.insert(schema.contents).values({
        id: E2E.contentId, organisationId: E2E.organisationId, campaignId: E2E.campaignId, kind: 'job',
        title: 'Offre e2e', url: targetUrl, slug: E2E.contentSlug, networks: [E2E.network], createdAt: now, updatedAt: now,
      }),
      db.insert(schema.ambassadors).values({
        id: E2E.ambassadorId, organisationId: E2E.organisationId, name: 'Alex E2E', email: 'alex@e2e.relais.test',
        status: 'active', joinedAt: now, createdAt: now, updatedAt: now,
      }),
      db.insert(schema.links).values({
        id: E2E.linkId, organisationId: E2E.organisationId, slug: E2E.slug, ambassadorId: E2E.ambassadorId,
        contentId: E2E.contentId, network: E2E.network, createdAt: now,
      }),
    ]);
  } finally {
    await local.dispose();
  }
  return {
    slug: E2E.slug, linkId: E2E.linkId, targetUrl,
    campaignSlug: E2E.campaignSlug, contentSlug: E2E.contentSlug, network: E2E.network,
  };
}

/** Reads the clicks stored for a link (the test polls this while the queue consumer catches up). */
export async function listClicks(db: D1Database, linkId: string, hitClass?: schema.HitClass) {
  const where = hitClass
    ? and(eq(schema.clicks.linkId, linkId), eq(schema.clicks.class, hitClass))
    : eq(schema.clicks.linkId, linkId);
  return drizzle(db, { schema }).select().from(schema.clicks).where(where).all();
}
