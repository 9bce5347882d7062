/** The ambassador's feed: active, still open content of active campaigns, newest first, with its talking points. */
import { and, eq } from 'drizzle-orm';
import { campaigns, contents, links, NETWORKS, type ContentPreview, type Network } from '../../db/schema';
import type { Db } from '../lib/db';
import { renderMarkdown } from '../lib/markdown';
import { pageClauses, toPage } from '../lib/pagination';
import { iso } from '../lib/time';
import type { FeedItem } from '../schemas/me';
import { stillOpen } from './content-closing';
import { toPreviewDto } from './content-preview';

/** A page of the feed; `linkedNetworks` says where the ambassador already has a personal link to each content. */
export async function listFeed(db: Db, organisationId: string, ambassadorId: string, page: { limit: number; cursor?: string | undefined }, now = Date.now()) {
  const { where, orderBy } = pageClauses(contents, page.cursor);
  const rows = await db
    .select({ content: contents, campaign: { id: campaigns.id, name: campaigns.name, objective: campaigns.objective } })
    .from(contents)
    .innerJoin(campaigns, and(eq(campaigns.id, contents.campaignId), eq(campaigns.organisationId, organisationId)))
    .where(and(eq(contents.organisationId, organisationId), eq(contents.status, 'active'), stillOpen(now), eq(campaigns.status, 'active'), where))
    .orderBy(...orderBy)
    .limit(page.limit + 1);
  // All the ambassador's links (a few hundred at most) rather than `in (…page ids)`: D1 binds at most 100 parameters.
  const mine = await db
    .select({ contentId: links.contentId, network: links.network })
    .from(links)
    .where(and(eq(links.organisationId, organisationId), eq(links.ambassadorId, ambassadorId)));
  const linked = new Map<string, Network[]>();
  for (const link of mine) linked.set(link.contentId, [...(linked.get(link.contentId) ?? []), link.network]);
  const items = rows.map((row) => ({ ...row.content, campaign: row.campaign, linkedNetworks: linked.get(row.content.id) ?? [] }));
  return toPage(items, page.limit, toFeedItem);
}

function feedPreview(contentId: string, preview: ContentPreview | null): FeedItem['preview'] {
  const card = toPreviewDto(contentId, preview);
  return card && { title: card.title, description: card.description, imagePath: card.imagePath };
}

function toFeedItem(row: typeof contents.$inferSelect & { campaign: FeedItem['campaign']; linkedNetworks: Network[] }): FeedItem {
  return {
    id: row.id,
    campaign: row.campaign,
    kind: row.kind,
    title: row.title,
    url: row.url,
    talkingPoints: row.talkingPoints,
    talkingPointsHtml: renderMarkdown(row.talkingPoints),
    networks: row.networks,
    linkedNetworks: NETWORKS.filter((network) => row.linkedNetworks.includes(network)),
    preview: feedPreview(row.id, row.preview),
    createdAt: iso(row.createdAt),
  };
}
