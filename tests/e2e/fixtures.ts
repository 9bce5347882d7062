/**
 * Data the e2e journey needs beyond the demo seed: a link whose content lives on the local
 * landing server (the demo link points to example.com, which a sandboxed browser cannot reach),
 * and for the r.js journey a link to the landing server's shop with a `conversions:write` key.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import * as schema from '../../db/schema';
import type { BridgedDb } from './d1-bridge';

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
  // The r.js journey: a second content on the landing server's `/shop/`, its link, and an API key.
  shopContentId: 'cnt_e2e_shop',
  shopContentSlug: 'e2e-boutique',
  // `lnk_` + base64url("e2eshop00000").
  shopLinkId: 'lnk_ZTJlc2hvcDAwMDAw',
  shopSlug: 'e2e-shop',
  apiKeyId: 'key_e2e_conversions',
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
 * @param d1 the Worker's D1 binding, from the Miniflare that serves it
 */
export async function insertLandingLink(d1: D1Database, landingUrl: string, now = Date.now()): Promise<E2eLink> {
  const targetUrl = `${landingUrl}/offres/e2e?ref=careers`;
  const db = drizzle(d1, { schema });
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
  return {
    slug: E2E.slug, linkId: E2E.linkId, targetUrl,
    campaignSlug: E2E.campaignSlug, contentSlug: E2E.contentSlug, network: E2E.network,
  };
}

/** The r.js journey's data: a link to `<landing>/shop/job` and a `conversions:write` key of its organisation. */
export interface E2eShop {
  link: E2eLink;
  /** `Authorization: Bearer <apiKey>` for `POST /api/v1/conversions`. */
  apiKey: string;
}

/**
 * Adds to the e2e organisation (after `insertLandingLink`) a content on the landing server's shop,
 * its link, and an API key with the scope `conversions:write` (stored hashed, as the Worker does).
 */
export async function insertShopLink(d1: D1Database, landingUrl: string, now = Date.now()): Promise<E2eShop> {
  const targetUrl = `${landingUrl}/shop/job`;
  const apiKey = `rl_${randomBytes(30).toString('base64url').replace(/[-_]/g, 'x').slice(0, 40)}`;
  const db = drizzle(d1, { schema });
  await db.batch([
    db.insert(schema.contents).values({
      id: E2E.shopContentId, organisationId: E2E.organisationId, campaignId: E2E.campaignId, kind: 'job',
      title: 'Offre boutique e2e', url: targetUrl, slug: E2E.shopContentSlug, networks: [E2E.network], createdAt: now, updatedAt: now,
    }),
    db.insert(schema.links).values({
      id: E2E.shopLinkId, organisationId: E2E.organisationId, slug: E2E.shopSlug, ambassadorId: E2E.ambassadorId,
      contentId: E2E.shopContentId, network: E2E.network, createdAt: now,
    }),
    db.insert(schema.apiKeys).values({
      id: E2E.apiKeyId, organisationId: E2E.organisationId, name: 'Site carrières e2e', scopes: ['conversions:write'],
      secretHash: createHash('sha256').update(apiKey).digest('hex'), prefix: apiKey.slice(0, 8), createdAt: now,
    }),
  ]);
  return {
    link: { slug: E2E.shopSlug, linkId: E2E.shopLinkId, targetUrl, campaignSlug: E2E.campaignSlug, contentSlug: E2E.shopContentSlug, network: E2E.network },
    apiKey,
  };
}

/** Reads the clicks stored for a link (the test polls this while the queue consumer catches up). */
export async function listClicks(db: BridgedDb, linkId: string, hitClass?: schema.HitClass) {
  const where = hitClass
    ? and(eq(schema.clicks.linkId, linkId), eq(schema.clicks.class, hitClass))
    : eq(schema.clicks.linkId, linkId);
  return db.select().from(schema.clicks).where(where).all();
}
