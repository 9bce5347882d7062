/** Campaigns: created, listed, changed, and retired (archived when they have content, so links never break). */
import { and, eq, ne, notExists } from 'drizzle-orm';
import { campaigns, contents } from '../../db/schema';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { newId } from '../lib/ids';
import { pageClauses, toPage } from '../lib/pagination';
import { iso, isoOrNull } from '../lib/time';
import type { Campaign, CreateCampaignBody, ListCampaignsQuery, UpdateCampaignBody } from '../schemas/campaigns';
import { clearLinkCache } from './link-targets';
import { slugify, uniqueSlug, withUniqueSlug } from './slugs';

type CampaignRow = typeof campaigns.$inferSelect;

/** The API shape of a campaign row. */
export function toCampaignDto(row: CampaignRow): Campaign {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    objective: row.objective,
    status: row.status,
    startsAt: isoOrNull(row.startsAt),
    endsAt: isoOrNull(row.endsAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** A page of the organisation's campaigns, newest first, optionally of one status. */
export async function listCampaigns(db: Db, organisationId: string, query: ListCampaignsQuery) {
  const { where, orderBy } = pageClauses(campaigns, query.cursor);
  const rows = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.organisationId, organisationId), query.status ? eq(campaigns.status, query.status) : undefined, where))
    .orderBy(...orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, toCampaignDto);
}

/** The organisation's campaign `id`; another organisation's campaign is as unknown as a missing one (404). */
export async function getCampaignOrThrow(db: Db, organisationId: string, id: string): Promise<CampaignRow> {
  const row = await db.select().from(campaigns).where(and(eq(campaigns.organisationId, organisationId), eq(campaigns.id, id))).get();
  if (!row) throw new ApiError('not_found', 'No such campaign.');
  return row;
}

/** The organisation's campaign `id` as the API shows it. */
export async function getCampaign(db: Db, organisationId: string, id: string): Promise<Campaign> {
  return toCampaignDto(await getCampaignOrThrow(db, organisationId, id));
}

function assertPeriod(startsAt: number | null, endsAt: number | null): void {
  if (startsAt !== null && endsAt !== null && endsAt < startsAt) throw new ApiError('validation_failed', 'endsAt must not be before startsAt', 'endsAt');
}

const slugTaken = (slug: string) => `A campaign with slug "${slug}" already exists in this organisation.`;

/** Creates a campaign; its slug is the one given (409 when taken) or one derived from the name. */
export async function createCampaign(db: Db, organisationId: string, input: CreateCampaignBody, now = Date.now()): Promise<Campaign> {
  const startsAt = input.startsAt ?? null;
  const endsAt = input.endsAt ?? null;
  assertPeriod(startsAt, endsAt);
  const slug = input.slug ?? (await uniqueSlug(db, campaigns, organisationId, slugify(input.name) || 'campaign'));
  const row: CampaignRow = { id: newId('cmp'), organisationId, name: input.name, slug, objective: input.objective, status: input.status, startsAt, endsAt, createdAt: now, updatedAt: now };
  await withUniqueSlug(db.insert(campaigns).values(row), slugTaken(slug));
  return toCampaignDto(row);
}

/** Applies a PATCH: absent fields stay, `null` clears the dates; a taken slug answers 409. */
export async function updateCampaign(db: Db, organisationId: string, id: string, patch: UpdateCampaignBody, now = Date.now()): Promise<Campaign> {
  const current = await getCampaignOrThrow(db, organisationId, id);
  assertPeriod(patch.startsAt === undefined ? current.startsAt : patch.startsAt, patch.endsAt === undefined ? current.endsAt : patch.endsAt);
  const [row] = await withUniqueSlug(
    db.update(campaigns).set({ ...patch, updatedAt: now }).where(and(eq(campaigns.organisationId, organisationId), eq(campaigns.id, id))).returning(),
    slugTaken(patch.slug ?? current.slug),
  );
  if (!row) throw new ApiError('not_found', 'No such campaign.');
  // The campaign slug is utm_campaign in every cached redirect target.
  if (row.slug !== current.slug || row.status !== current.status) clearLinkCache();
  return toCampaignDto(row);
}

/**
 * Deletes a campaign without content; a campaign with content is archived instead, its contents too,
 * so the links already posted keep redirecting. Deleting an archived campaign again changes nothing.
 */
export async function deleteCampaign(db: Db, organisationId: string, id: string, now = Date.now()): Promise<void> {
  await getCampaignOrThrow(db, organisationId, id);
  // One statement, so content created meanwhile cannot be orphaned.
  const hasContent = db.select({ id: contents.id }).from(contents).where(eq(contents.campaignId, id));
  const deleted = await db.delete(campaigns).where(and(eq(campaigns.organisationId, organisationId), eq(campaigns.id, id), notExists(hasContent)));
  if (deleted.meta.changes > 0) return;
  await db.batch([
    db.update(campaigns).set({ status: 'archived', updatedAt: now }).where(and(eq(campaigns.id, id), ne(campaigns.status, 'archived'))),
    db.update(contents).set({ status: 'archived', updatedAt: now }).where(and(eq(contents.campaignId, id), ne(contents.status, 'archived'))),
  ]);
  clearLinkCache();
}
