/** Contents: what ambassadors share; retired by archiving once links point at them, so links never break. */
import { and, eq, ne, notExists } from 'drizzle-orm';
import { campaigns, contents, links } from '../../db/schema';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { newId } from '../lib/ids';
import { pageClauses, toPage } from '../lib/pagination';
import { iso, isoOrNull } from '../lib/time';
import { assertNotOwnHost } from '../schemas/common';
import type { Content, CreateContentBody, ListContentsQuery, UpdateContentBody } from '../schemas/contents';
import { auditInsert, changedFields, type AuditActor } from './audit-log';
import { toPreviewDto } from './content-preview';
import { readLinkPreview } from './link-preview';
import { clearLinkCache } from './link-targets';
import { slugify, uniqueSlug, withUniqueSlug } from './slugs';

type ContentRow = typeof contents.$inferSelect;

/** The API shape of a content row. */
export function toContentDto(row: ContentRow): Content {
  return {
    id: row.id,
    campaignId: row.campaignId,
    kind: row.kind,
    title: row.title,
    url: row.url,
    slug: row.slug,
    talkingPoints: row.talkingPoints,
    networks: row.networks,
    status: row.status,
    endsAt: isoOrNull(row.endsAt),
    preview: toPreviewDto(row.id, row.preview),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** Where a content's links lead, as the audit log records it (API.md: "where a link leads"). */
const linkFields = (row: Pick<ContentRow, 'url' | 'status' | 'endsAt' | 'campaignId'>) => ({ url: row.url, status: row.status, endsAt: isoOrNull(row.endsAt), campaignId: row.campaignId });
const LINK_FIELDS = ['url', 'status', 'endsAt', 'campaignId'] as const;
const contentTarget = (id: string) => ({ type: 'content', id });

/** A page of the organisation's contents, newest first, optionally of one campaign and one status. */
export async function listContents(db: Db, organisationId: string, query: ListContentsQuery) {
  const { where, orderBy } = pageClauses(contents, query.cursor);
  const filters = [
    eq(contents.organisationId, organisationId),
    query.campaignId ? eq(contents.campaignId, query.campaignId) : undefined,
    query.status ? eq(contents.status, query.status) : undefined,
  ];
  const rows = await db
    .select()
    .from(contents)
    .where(and(...filters, where))
    .orderBy(...orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, toContentDto);
}

/** The organisation's content `id`; another organisation's content is as unknown as a missing one (404). */
export async function getContentOrThrow(db: Db, organisationId: string, id: string): Promise<ContentRow> {
  const row = await db.select().from(contents).where(and(eq(contents.organisationId, organisationId), eq(contents.id, id))).get();
  if (!row) throw new ApiError('not_found', 'No such content.');
  return row;
}

/** The organisation's content `id` as the API shows it. */
export async function getContent(db: Db, organisationId: string, id: string): Promise<Content> {
  return toContentDto(await getContentOrThrow(db, organisationId, id));
}

async function assertCampaignOf(db: Db, organisationId: string, campaignId: string): Promise<void> {
  const campaign = await db.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.organisationId, organisationId), eq(campaigns.id, campaignId))).get();
  if (!campaign) throw new ApiError('validation_failed', 'campaignId does not name a campaign of this organisation', 'campaignId');
}

const slugTaken = (slug: string) => `A content with slug "${slug}" already exists in this organisation.`;

/**
 * Creates an active content in one of the organisation's campaigns; its slug is the one given (409 when taken) or
 * derived from the title. `origin` is this Relais's: a `url` on its host answers 422. The page's preview is read
 * first, within its deadline; a page that cannot be read leaves `preview` null and never fails the save.
 */
export async function createContent(db: Db, actor: AuditActor, organisationId: string, input: CreateContentBody, origin: string, now = Date.now()): Promise<Content> {
  assertNotOwnHost(input.url, origin, 'url');
  await assertCampaignOf(db, organisationId, input.campaignId);
  const slug = input.slug ?? (await uniqueSlug(db, contents, organisationId, slugify(input.title) || 'content'));
  const preview = await readLinkPreview(input.url, now);
  const row: ContentRow = { id: newId('cnt'), organisationId, ...input, slug, status: 'active', preview, createdAt: now, updatedAt: now };
  await withUniqueSlug(db.batch([db.insert(contents).values(row), auditInsert(db, organisationId, actor, { action: 'content.created', target: contentTarget(row.id), after: linkFields(row) }, now)]), slugTaken(slug));
  return toContentDto(row);
}

/**
 * Applies a PATCH: absent fields stay; a taken slug answers 409, another organisation's campaign or a `url` on this
 * Relais's host 422. A new `url` has its preview read again (null when the new page cannot be read: the old card
 * described another page).
 */
export async function updateContent(db: Db, actor: AuditActor, organisationId: string, id: string, patch: UpdateContentBody, origin: string, now = Date.now()): Promise<Content> {
  assertNotOwnHost(patch.url, origin, 'url');
  const current = await getContentOrThrow(db, organisationId, id);
  if (patch.campaignId !== undefined && patch.campaignId !== current.campaignId) await assertCampaignOf(db, organisationId, patch.campaignId);
  const preview = patch.url !== undefined && patch.url !== current.url ? { preview: await readLinkPreview(patch.url, now) } : {};
  const update = db.update(contents).set({ ...patch, ...preview, updatedAt: now }).where(and(eq(contents.organisationId, organisationId), eq(contents.id, id))).returning();
  const changed = changedFields(linkFields(current), linkFields({ ...current, ...patch }), LINK_FIELDS);
  const write = changed ? db.batch([update, auditInsert(db, organisationId, actor, { action: 'content.updated', target: contentTarget(id), ...changed }, now)]).then(([rows]) => rows) : update;
  const [row] = await withUniqueSlug(write, slugTaken(patch.slug ?? current.slug));
  if (!row) throw new ApiError('not_found', 'No such content.');
  // URL, slugs, status and closing time are part of every cached redirect target of this content.
  if (row.url !== current.url || row.slug !== current.slug || row.status !== current.status || row.campaignId !== current.campaignId || row.endsAt !== current.endsAt) clearLinkCache();
  return toContentDto(row);
}

/** Reads the content's page again and stores its preview; a page that cannot be read keeps the card it had. */
export async function refreshContentPreview(db: Db, organisationId: string, id: string, now = Date.now()): Promise<Content> {
  const current = await getContentOrThrow(db, organisationId, id);
  const preview = await readLinkPreview(current.url, now);
  if (!preview) return toContentDto(current);
  await db.update(contents).set({ preview }).where(and(eq(contents.organisationId, organisationId), eq(contents.id, id)));
  return toContentDto({ ...current, preview });
}

/**
 * Deletes a content no link points at; a content with links is archived instead, so those links keep
 * redirecting. Deleting an archived content again changes nothing.
 */
export async function deleteContent(db: Db, actor: AuditActor, organisationId: string, id: string, now = Date.now()): Promise<void> {
  const current = await getContentOrThrow(db, organisationId, id);
  const audit = (after: Record<string, unknown> | null) => auditInsert(db, organisationId, actor, { action: 'content.deleted', target: contentTarget(id), before: linkFields(current), after }, now);
  // One statement, so a link created meanwhile cannot be orphaned.
  const hasLinks = db.select({ id: links.id }).from(links).where(eq(links.contentId, id));
  const deleted = await db.delete(contents).where(and(eq(contents.organisationId, organisationId), eq(contents.id, id), notExists(hasLinks)));
  // Logged once it is known to have happened: the statements are conditional.
  if (deleted.meta.changes > 0) {
    await audit(null);
    return;
  }
  const archived = await db.update(contents).set({ status: 'archived', updatedAt: now }).where(and(eq(contents.id, id), ne(contents.status, 'archived')));
  if (archived.meta.changes === 0) return;
  await audit({ status: 'archived' });
  clearLinkCache();
}
