/**
 * The local demo organisation (API.md, "Local demo"). Idempotent: fixed ids and
 * `onConflictDoNothing`, so running it twice changes nothing. Never run against a deployed database.
 */
import { drizzle } from 'drizzle-orm/d1';
import * as schema from './schema';

export const DEMO = {
  organisationId: 'org_demo',
  campaignId: 'cmp_demo_recrutement',
  contentId: 'cnt_demo_dev_lyon',
  ambassadorId: 'amb_demo_camille',
  linkId: 'lnk_ZGVtb2xpbmsAAAAA',
  slug: 'demo-lyon',
  landingUrl: 'https://example.com/jobs/developpeur-lyon?ref=careers#apply',
} as const;

/** Seeds the minimal demo organisation and returns whether anything was written. */
export async function seedDemo(d1: D1Database, now = Date.now()): Promise<boolean> {
  const db = drizzle(d1, { schema });
  const results = await db.batch([
    db.insert(schema.organisations).values({
      id: DEMO.organisationId, slug: 'demo', name: 'Demo', fallbackUrl: 'https://example.com/careers',
      createdAt: now, updatedAt: now,
    }).onConflictDoNothing(),
    db.insert(schema.campaigns).values({
      id: DEMO.campaignId, organisationId: DEMO.organisationId, slug: 'recrutement-lyon', name: 'Recrutement ingénieurs Lyon',
      objective: 'recruitment', status: 'active', startsAt: now, createdAt: now, updatedAt: now,
    }).onConflictDoNothing(),
    db.insert(schema.contents).values({
      id: DEMO.contentId, organisationId: DEMO.organisationId, campaignId: DEMO.campaignId, kind: 'job',
      title: 'Développeur·se TypeScript — Lyon', url: DEMO.landingUrl, slug: 'dev-typescript-lyon',
      talkingPoints: 'Équipe produit de 12 personnes\nTélétravail deux jours par semaine', networks: ['linkedin', 'x'],
      createdAt: now, updatedAt: now,
    }).onConflictDoNothing(),
    db.insert(schema.ambassadors).values({
      id: DEMO.ambassadorId, organisationId: DEMO.organisationId, name: 'Camille Martin', email: 'camille@demo.relais.test',
      team: 'Engineering', profile: 'expert', status: 'active', joinedAt: now, createdAt: now, updatedAt: now,
    }).onConflictDoNothing(),
    db.insert(schema.links).values({
      id: DEMO.linkId, organisationId: DEMO.organisationId, slug: DEMO.slug, ambassadorId: DEMO.ambassadorId,
      contentId: DEMO.contentId, network: 'linkedin', createdAt: now,
    }).onConflictDoNothing(),
  ]);
  return results.some((r) => r.meta.changes > 0);
}
