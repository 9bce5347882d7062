/** Contents: what ambassadors share, as the API shows and accepts it. */
import { createSelectSchema } from 'drizzle-valibot';
import * as v from 'valibot';
import { contents, NETWORKS } from '../../db/schema';
import { bodyMessage } from './campaigns';
import { asPicklist, asTimestamp, NameSchema, PageQuerySchema, SlugSchema, TargetUrlSchema, TimeInputSchema, TimestampSchema } from './common';

/** The kinds of content. */
export const CONTENT_KINDS = contents.kind.enumValues;
/** Active content can be shared; archived content stops appearing, its links keep redirecting. */
export const CONTENT_STATUSES = contents.status.enumValues;
/** The longest talking points accepted, in characters. */
export const MAX_TALKING_POINTS = 5000;

const KindSchema = v.pipe(v.picklist(CONTENT_KINDS, `must be one of ${CONTENT_KINDS.join(', ')}`), v.description('what the page is'));
const StatusSchema = v.pipe(v.picklist(CONTENT_STATUSES, `must be one of ${CONTENT_STATUSES.join(', ')}`), v.description('active (in the feed) or archived (out of the feed; its links go to the fallback URL)'));
const CampaignIdSchema = v.pipe(v.string('must be a string'), v.minLength(1, 'is required'), v.maxLength(64, 'is too long'), v.description('the campaign it belongs to (one of the organisation’s)'));
const TitleSchema = v.pipe(NameSchema(300), v.description('shown to ambassadors, 1 to 300 characters'));
const UrlSchema = v.pipe(TargetUrlSchema, v.description('the page short links lead to: http or https, public host, not a short link of this Relais'));
const ContentSlugSchema = v.pipe(SlugSchema, v.description('sent as utm_content; derived from the title when absent'));
const TalkingPointsSchema = v.pipe(
  v.string('must be a string'),
  v.maxLength(MAX_TALKING_POINTS, `must be at most ${MAX_TALKING_POINTS} characters`),
  v.description('Markdown: ideas for the ambassador, not a text to paste'),
);
/** A non-empty subset of the networks, deduplicated and in the canonical order. */
const NetworksSchema = v.pipe(
  v.array(v.picklist(NETWORKS, `must be one of ${NETWORKS.join(', ')}`), 'must be a list of networks'),
  v.minLength(1, 'must name at least one network'),
  v.transform((list) => NETWORKS.filter((network) => list.includes(network))),
  v.description('where ambassadors may share it (default: every network)'),
);
const BODY_MESSAGE = bodyMessage('a content');
const ENDS_AT = 'ISO 8601 time the content closes (a job offer filled): it leaves the feed and its links lead to the fallback URL';

/** A content row in the API's types (times as ISO strings), from which every content shape picks. */
export const ContentRowSchema = createSelectSchema(contents, {
  kind: asPicklist(contents.kind),
  status: asPicklist(contents.status),
  networks: () => v.array(v.picklist(NETWORKS)),
  endsAt: asTimestamp,
  createdAt: asTimestamp,
  updatedAt: asTimestamp,
});

/** The card read from the page's Open Graph tags when the content was saved. */
export const PreviewCardSchema = v.object({
      title: v.pipe(v.nullable(v.string()), v.description('og:title, else the page’s <title>; at most 200 characters')),
      description: v.pipe(v.nullable(v.string()), v.description('og:description, else the description meta tag; at most 500 characters')),
      image: v.pipe(v.nullable(v.string()), v.description('og:image (else twitter:image) as the page names it: a public address, never loaded by a browser')),
      imagePath: v.pipe(v.nullable(v.string()), v.description('where a browser loads that image from this Relais (GET /api/v1/contents/{id}/image); null without an image')),
      fetchedAt: TimestampSchema,
    });
/** A content's `preview`: the card, or null. */
export const ContentPreviewSchema = v.pipe(
  v.nullable(PreviewCardSchema),
  v.description('the page’s preview card, read by Relais when the content is saved or its URL changes (POST /contents/{id}/preview reads it again); null when the page said nothing or could not be read'),
);
export type ContentPreviewDto = v.InferOutput<typeof ContentPreviewSchema>;

/** A content as the API shows it. */
export const ContentSchema = v.pipe(
  v.object({
    ...v.pick(ContentRowSchema, ['id', 'campaignId', 'kind', 'title', 'url', 'slug', 'talkingPoints', 'networks', 'status', 'endsAt', 'createdAt', 'updatedAt']).entries,
    endsAt: v.pipe(ContentRowSchema.entries.endsAt, v.description('when it closes (a job offer filled): from then on it leaves the feed and its links lead to the fallback URL; null: open')),
    slug: v.pipe(ContentRowSchema.entries.slug, v.description('sent as utm_content on every short link to this content')),
    talkingPoints: v.pipe(ContentRowSchema.entries.talkingPoints, v.description('Markdown: ideas for the ambassador, not a text to paste')),
    preview: ContentPreviewSchema,
  }),
  v.title('Content'),
);
export type Content = v.InferOutput<typeof ContentSchema>;

/** `POST /api/v1/contents`: `slug` is derived from the title when absent; `networks` default to all. */
export const CreateContentBodySchema = v.strictObject(
  {
    campaignId: CampaignIdSchema,
    kind: KindSchema,
    title: TitleSchema,
    url: UrlSchema,
    slug: v.optional(ContentSlugSchema),
    talkingPoints: v.optional(TalkingPointsSchema, ''),
    networks: v.optional(NetworksSchema, () => [...NETWORKS]),
    endsAt: v.optional(v.pipe(v.nullable(TimeInputSchema), v.description(ENDS_AT)), null),
  },
  BODY_MESSAGE,
);
export type CreateContentBody = v.InferOutput<typeof CreateContentBodySchema>;

/** `PATCH /api/v1/contents/{id}`: absent fields stay unchanged; `endsAt: null` reopens. */
export const UpdateContentBodySchema = v.strictObject(
  {
    campaignId: v.optional(CampaignIdSchema),
    kind: v.optional(KindSchema),
    title: v.optional(TitleSchema),
    url: v.optional(UrlSchema),
    slug: v.optional(ContentSlugSchema),
    talkingPoints: v.optional(TalkingPointsSchema),
    networks: v.optional(NetworksSchema),
    status: v.optional(StatusSchema),
    endsAt: v.optional(v.pipe(v.nullable(TimeInputSchema), v.description(`${ENDS_AT}; null reopens it`))),
  },
  BODY_MESSAGE,
);
export type UpdateContentBody = v.InferOutput<typeof UpdateContentBodySchema>;

/** `GET /api/v1/contents`: a page, optionally of one campaign and of one status. */
export const ListContentsQuerySchema = v.object({
  ...PageQuerySchema.entries,
  campaignId: v.optional(CampaignIdSchema),
  status: v.optional(StatusSchema),
});
export type ListContentsQuery = v.InferOutput<typeof ListContentsQuerySchema>;
