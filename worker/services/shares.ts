/**
 * Posts and personal links. One link per ambassador × content × network (the unique index decides,
 * so two concurrent requests get the same link); one share row per post, with the ambassador's text.
 */
import { and, desc, eq, inArray, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { campaigns, contents, links, shares, type Network } from '../../db/schema';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { newId, randomSlug } from '../lib/ids';
import { pageClauses, toPage } from '../lib/pagination';
import { iso, isoOrNull } from '../lib/time';
import { RESERVED } from '../redirect';
import { implausibleMetrics, type CreateShareBody, type MyShare, type ReportMetricsBody, type Share } from '../schemas/shares';
import { creditToShares, inChunks, networkRates, ownRollupRows, postedOnly, shareStatsOf, zeroCounts } from './ambassador-stats';
import { assertCharterAccepted } from './charter-acceptance';
import { intentUrl, linkShareUrl, qrSvg, withLink } from './intents';
import { getAmbassadorRowOrThrow } from './me';
import { getOrganisationOrThrow } from './organisations';
import { measureSimilarity, type Similarity } from './similarity';
import { isClosed } from './content-closing';

type ShareRow = typeof shares.$inferSelect;

/** How many of the newest colleagues' posts on the same content a new post is compared with. */
export const MAX_COMPARED_POSTS = 500;
const SLUG_ATTEMPTS = 5;

/** The short URL of a slug on this deployment. */
export const shortUrlOf = (origin: string, slug: string) => `${origin}/${slug}`;

/** Maps a share row and its link's slug to the API shape. */
export function toShareDto(row: ShareRow, slug: string, origin: string): Share {
  return {
    id: row.id,
    contentId: row.contentId,
    campaignId: row.campaignId,
    network: row.network,
    text: row.text ?? '',
    link: { slug, shortUrl: shortUrlOf(origin, slug) },
    similarity: { score: row.similarity, nearCopy: row.nearCopy },
    metrics: { impressions: row.impressions, reactions: row.reactions, comments: row.comments, reshares: row.reshares, reportedAt: isoOrNull(row.metricsReportedAt) },
    postedAt: isoOrNull(row.postedAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** The content an ambassador may share: 404 unknown (or another organisation's), 422 archived or closed, campaign not active, or network not offered. */
async function shareableContentOrThrow(db: Db, organisationId: string, contentId: string, network: Network) {
  const row = await db
    .select({ content: contents, campaignStatus: campaigns.status })
    .from(contents)
    .innerJoin(campaigns, eq(campaigns.id, contents.campaignId))
    .where(and(eq(contents.organisationId, organisationId), eq(contents.id, contentId)))
    .get();
  if (!row) throw new ApiError('not_found', 'No such content.', 'contentId');
  if (row.content.status !== 'active') throw new ApiError('validation_failed', 'contentId names an archived content: it can no longer be shared', 'contentId');
  if (isClosed(row.content, Date.now())) throw new ApiError('validation_failed', 'contentId names a closed content: it can no longer be shared', 'contentId');
  if (row.campaignStatus !== 'active') throw new ApiError('validation_failed', `contentId belongs to a campaign that is ${row.campaignStatus}: it cannot be shared now`, 'contentId');
  if (!row.content.networks.includes(network)) throw new ApiError('validation_failed', `network must be one of this content’s networks: ${row.content.networks.join(', ')}`, 'network');
  return row.content;
}

/** The ambassador's link to `contentId` on `network`, created on first use with a random, non-reserved slug. */
export async function issueLink(db: Db, organisationId: string, ambassadorId: string, contentId: string, network: Network, now = Date.now()) {
  const owned = and(eq(links.ambassadorId, ambassadorId), eq(links.contentId, contentId), eq(links.network, network));
  for (let attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
    const existing = await db.select().from(links).where(owned).get();
    if (existing) return existing;
    const slug = randomSlug(8);
    if (RESERVED.has(slug)) continue;
    // A new slug needs no clearLinkCache(): nothing can have cached it, apart from a miss on a random guess.
    // Either unique index may refuse the row: the owner's (a concurrent request won: read it back) or the slug's (try another).
    await db.insert(links).values({ id: newId('lnk'), organisationId, slug, ambassadorId, contentId, network, createdAt: now }).onConflictDoNothing();
  }
  const created = await db.select().from(links).where(owned).get();
  if (!created) throw new Error('could not issue a link with a free slug');
  return created;
}

/** The similarity of `text` to the content's talking points and to colleagues' posts on it (never the ambassador's own). */
async function similarityFor(db: Db, organisationId: string, ambassadorId: string, content: { id: string; talkingPoints: string }, text: string): Promise<Similarity> {
  const colleagues = await db
    .select({ shareId: shares.id, text: shares.text })
    .from(shares)
    .where(and(eq(shares.organisationId, organisationId), eq(shares.contentId, content.id), ne(shares.ambassadorId, ambassadorId), isNotNull(shares.text)))
    .orderBy(desc(shares.createdAt))
    .limit(MAX_COMPARED_POSTS);
  return measureSimilarity(text, content.talkingPoints, colleagues.map((c) => ({ shareId: c.shareId, text: c.text ?? '' })));
}

/** The similarity `createShare` would answer for this text, recording nothing; the same 403, 404 and 422 as a share. */
export async function previewShare(db: Db, organisationId: string, ambassadorId: string, input: CreateShareBody): Promise<{ similarity: Similarity }> {
  await assertCharterAccepted(db, organisationId, ambassadorId);
  const content = await shareableContentOrThrow(db, organisationId, input.contentId, input.network);
  return { similarity: await similarityFor(db, organisationId, ambassadorId, content, input.text) };
}

/** Records a post and answers its personal link, share intent, QR code and similarity; 403 `charter_not_accepted` before the current charter is accepted. */
export async function createShare(db: Db, organisationId: string, ambassadorId: string, input: CreateShareBody, origin: string, now = Date.now()) {
  await assertCharterAccepted(db, organisationId, ambassadorId);
  const content = await shareableContentOrThrow(db, organisationId, input.contentId, input.network);
  const link = await issueLink(db, organisationId, ambassadorId, content.id, input.network, now);
  const similarity = await similarityFor(db, organisationId, ambassadorId, content, input.text);
  const row: ShareRow = {
    id: newId('shr'),
    organisationId,
    ambassadorId,
    contentId: content.id,
    campaignId: content.campaignId,
    linkId: link.id,
    network: input.network,
    text: input.text,
    similarity: similarity.score,
    nearCopy: similarity.nearCopy,
    impressions: null,
    reactions: null,
    comments: null,
    reshares: null,
    metricsReportedAt: null,
    anonymousSharer: null,
    erasedAudience: null,
    postedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await db.insert(shares).values(row);
  const shortUrl = shortUrlOf(origin, link.slug);
  return {
    share: toShareDto(row, link.slug, origin),
    link: { slug: link.slug, shortUrl },
    intentUrl: intentUrl({ network: input.network, shortUrl, text: input.text, title: content.title }),
    linkShareUrl: linkShareUrl(input.network, shortUrl),
    message: withLink(input.text, shortUrl),
    similarity,
    qrSvg: qrSvg(shortUrl),
  };
}

/**
 * Stores the numbers the ambassador read off their post (the fields sent; the others stay) and answers the
 * post with its results recomputed; 404 for anyone else's post, 422 when the figures cannot be true together,
 * 409 when another report changed the post meanwhile (the check and the write see the same figures).
 */
export async function reportMetrics(db: Db, organisationId: string, ambassadorId: string, shareId: string, metrics: ReportMetricsBody, origin: string, now = Date.now()): Promise<MyShare> {
  const mine = and(eq(shares.organisationId, organisationId), eq(shares.ambassadorId, ambassadorId), eq(shares.id, shareId));
  const stored = await db
    .select({ impressions: shares.impressions, reactions: shares.reactions, comments: shares.comments, reshares: shares.reshares, updatedAt: shares.updatedAt })
    .from(shares)
    .where(mine)
    .get();
  if (!stored) throw new ApiError('not_found', 'No such share.');
  const implausible = implausibleMetrics(stored, metrics);
  if (implausible) throw new ApiError('validation_failed', implausible.message, implausible.field);
  const [row] = await db
    .update(shares)
    // Someone who reads numbers off their post has published it: the report confirms it too (the first time stays).
    .set({ ...metrics, metricsReportedAt: now, postedAt: sql`coalesce(${shares.postedAt}, ${now})`, updatedAt: Math.max(now, stored.updatedAt + 1) })
    .where(and(mine, eq(shares.updatedAt, stored.updatedAt)))
    .returning({ id: shares.id });
  if (!row) throw new ApiError('conflict', 'The post’s numbers changed meanwhile: send them again.');
  const [post] = (await mySharesWhere(db, organisationId, ambassadorId, eq(shares.id, shareId), 1, origin)).map((r) => r.item);
  if (!post) throw new ApiError('not_found', 'No such share.');
  return post;
}

/**
 * Records that the ambassador published the post, from which moment it counts (KPIs, stats, badges, the
 * leaderboard); confirming again keeps the first time. 404 for anyone else's post, as for an unknown one.
 */
export async function confirmPosted(db: Db, organisationId: string, ambassadorId: string, shareId: string, origin: string, now = Date.now()): Promise<MyShare> {
  const mine = and(eq(shares.organisationId, organisationId), eq(shares.ambassadorId, ambassadorId), eq(shares.id, shareId));
  await db
    .update(shares)
    .set({ postedAt: now, updatedAt: sql`max(${now}, ${shares.updatedAt} + 1)` })
    .where(and(mine, isNull(shares.postedAt)));
  const [post] = (await mySharesWhere(db, organisationId, ambassadorId, eq(shares.id, shareId), 1, origin)).map((r) => r.item);
  if (!post) throw new ApiError('not_found', 'No such share.');
  return post;
}

/** A page of the ambassador's posts, newest first, each with its content's title and its results so far. */
export async function listMyShares(db: Db, organisationId: string, ambassadorId: string, page: { limit: number; cursor?: string | undefined }, origin: string) {
  const { where } = pageClauses(shares, page.cursor);
  const rows = await mySharesWhere(db, organisationId, ambassadorId, where, page.limit + 1, origin);
  return toPage(rows, page.limit, (row) => row.item);
}

/** The ambassador's posts matching `where`, newest first, at most `limit`, each as `MyShare`. */
async function mySharesWhere(db: Db, organisationId: string, ambassadorId: string, where: SQL | undefined, limit: number, origin: string) {
  const { orderBy } = pageClauses(shares, undefined);
  const mine = and(eq(shares.organisationId, organisationId), eq(shares.ambassadorId, ambassadorId));
  const rows = await db
    .select({ share: shares, slug: links.slug, contentTitle: contents.title })
    .from(shares)
    .innerJoin(links, eq(links.id, shares.linkId))
    .innerJoin(contents, eq(contents.id, shares.contentId))
    .where(and(mine, where))
    .orderBy(...orderBy)
    .limit(limit);
  const linkIds = [...new Set(rows.map((row) => row.share.linkId))];
  const [organisation, ambassador, onSameLinks, rollups] = await Promise.all([
    getOrganisationOrThrow(db, organisationId),
    getAmbassadorRowOrThrow(db, organisationId, ambassadorId),
    inChunks(linkIds, (chunk) => db.select({ id: shares.id, linkId: shares.linkId, postedAt: shares.postedAt }).from(shares).where(and(mine, isNotNull(shares.postedAt), inArray(shares.linkId, chunk)))),
    ownRollupRows(db, organisationId, ambassadorId, { linkIds }),
  ]);
  const credited = creditToShares(postedOnly(onSameLinks), rollups);
  const reachRates = networkRates(organisation);
  return rows.map((row) => ({
    id: row.share.id,
    createdAt: row.share.createdAt,
    item: {
      ...toShareDto(row.share, row.slug, origin),
      contentTitle: row.contentTitle,
      stats: shareStatsOf(row.share, credited.get(row.share.id) ?? zeroCounts(), ambassador.audience, reachRates),
    } satisfies MyShare,
  }));
}
