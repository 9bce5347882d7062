/** Applies the D1 migrations and seeds the bench's links through Miniflare's D1 binding. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { count, inArray, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import type { Miniflare } from 'miniflare';
import * as schema from '../../db/schema';
import { newId, randomSlug } from '../../worker/lib/ids';
import { ROOT } from './serve';

const { ambassadors, campaigns, clicks, contents, dailyLinkStats, links, organisations } = schema;
type Db = ReturnType<typeof drizzle<typeof schema>>;

async function dbOf(mf: Miniflare): Promise<Db> {
  return drizzle((await mf.getD1Database('DB')) as unknown as D1Database, { schema });
}

/** Runs every `db/migrations/*.sql`, split on drizzle-kit's `--> statement-breakpoint`. */
export async function migrate(mf: Miniflare): Promise<void> {
  const d1 = (await mf.getD1Database('DB')) as unknown as D1Database;
  const dir = path.join(ROOT, 'db', 'migrations');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
    const statements = readFileSync(path.join(dir, file), 'utf8').split('--> statement-breakpoint').map((s) => s.trim()).filter(Boolean);
    await d1.batch(statements.map((s) => d1.prepare(s)));
  }
}

export interface LinkSet {
  ids: string[];
  slugs: string[];
}

const NETWORKS = ['linkedin', 'x'] as const;

/**
 * Seeds `n` links (one organisation, one campaign, 4 contents, ambassadors × contents × 2 networks).
 * Link ids come from the worker's own `newId('lnk')`: click ids embed their 12 bytes.
 */
export async function seedLinks(mf: Miniflare, n: number, label: string): Promise<LinkSet> {
  const db = await dbOf(mf);
  const now = Date.now();
  const org = { id: newId('org'), slug: `bench-${label}`, name: `Bench ${label}`, createdAt: now, updatedAt: now };
  const campaign = { id: newId('cmp'), organisationId: org.id, slug: 'bench', name: 'Bench', objective: 'recruitment' as const, status: 'active' as const, createdAt: now, updatedAt: now };
  const contentRows = Array.from({ length: 4 }, (_, i) => ({
    id: newId('cnt'), organisationId: org.id, campaignId: campaign.id, kind: 'job' as const, title: `Offer ${i}`,
    url: `https://jobs.example.com/offer/${i}?ref=careers#apply`, slug: `offer-${i}`, createdAt: now, updatedAt: now,
  }));
  const perAmbassador = contentRows.length * NETWORKS.length;
  const ambassadorRows = Array.from({ length: Math.ceil(n / perAmbassador) }, (_, i) => ({
    id: newId('amb'), organisationId: org.id, name: `Ambassador ${i}`, email: `a${i}@${label}.bench.test`, status: 'active' as const, createdAt: now, updatedAt: now,
  }));
  const linkRows = Array.from({ length: n }, (_, i) => ({
    id: newId('lnk'), organisationId: org.id, slug: randomSlug(9),
    ambassadorId: ambassadorRows[Math.floor(i / perAmbassador)]!.id,
    contentId: contentRows[Math.floor(i / NETWORKS.length) % contentRows.length]!.id,
    network: NETWORKS[i % NETWORKS.length]!, createdAt: now,
  }));
  await db.batch([
    db.insert(organisations).values(org),
    db.insert(campaigns).values(campaign),
    db.insert(contents).values(contentRows),
    db.insert(ambassadors).values(ambassadorRows),
    ...linkRows.map((row) => db.insert(links).values(row)),
  ]);
  return { ids: linkRows.map((l) => l.id), slugs: linkRows.map((l) => l.slug) };
}

/** Clicks stored for `set`: raw rows and the rollup's sum over every class. */
export async function storedClicks(mf: Miniflare, set: LinkSet): Promise<{ rows: number; rollup: number }> {
  const db = await dbOf(mf);
  const [raw] = await db.select({ n: count() }).from(clicks).where(inArray(clicks.linkId, set.ids));
  const s = dailyLinkStats;
  const [sum] = await db
    .select({ n: sql<number>`coalesce(sum(${s.clicks} + ${s.previews} + ${s.scanners} + ${s.automated} + ${s.self} + ${s.optouts}), 0)` })
    .from(s)
    .where(inArray(s.linkId, set.ids));
  return { rows: raw?.n ?? 0, rollup: Number(sum?.n ?? 0) };
}
