/** Shares: an ambassador's posts with their own text, through their personal link. */
import { createSelectSchema } from 'drizzle-valibot';
import * as v from 'valibot';
import { NETWORKS, shares } from '../../db/schema';
import { bodyMessage } from './campaigns';
import { asNumber, asPicklist, asTimestamp } from './common';

export const MAX_SHARE_TEXT = 5000;
/** The most a post's figure can plausibly be (a viral post on LinkedIn reaches a few million impressions). */
export const MAX_REPORTED_COUNT = 10_000_000;

const NetworkSchema = v.picklist(NETWORKS, `must be one of ${NETWORKS.join(', ')}`);
const CountSchema = v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(0, 'must be zero or more'), v.maxValue(MAX_REPORTED_COUNT, `must be at most ${MAX_REPORTED_COUNT}`));

/** A personal short link: one ambassador × one content × one network. */
export const PersonalLinkSchema = v.object({
  slug: v.string(),
  shortUrl: v.pipe(v.string(), v.description('<origin>/<slug>: the link to post')),
});

const ShareRowSchema = createSelectSchema(shares, {
  network: asPicklist(shares.network),
  similarity: () => v.pipe(v.number(), v.description('0–1, share of the text’s word triples found in the talking points')),
  nearCopy: (schema) => v.pipe(schema, v.description('true when the post reads as a copy of the talking points or of a colleague’s post (see Similarity)')),
  impressions: asNumber,
  reactions: asNumber,
  comments: asNumber,
  reshares: asNumber,
  metricsReportedAt: asTimestamp,
  postedAt: asTimestamp,
  createdAt: asTimestamp,
  updatedAt: asTimestamp,
});
const row = ShareRowSchema.entries;
const described = <S extends v.GenericSchema>(schema: S, description: string) => v.pipe(schema, v.description(description));

const ShareEntries = {
  ...v.pick(ShareRowSchema, ['id', 'contentId', 'campaignId', 'network']).entries,
  // Erased with the ambassador (null in the table); the API then shows ''.
  text: v.pipe(v.string(), v.description('the ambassador’s own text')),
  link: PersonalLinkSchema,
  similarity: v.object({ score: row.similarity, nearCopy: row.nearCopy }),
  metrics: v.object({
    impressions: described(row.impressions, 'reported by the ambassador from their network; null until reported'),
    reactions: described(row.reactions, 'reported'),
    comments: described(row.comments, 'reported'),
    reshares: described(row.reshares, 'reported'),
    reportedAt: row.metricsReportedAt,
  }),
  postedAt: described(row.postedAt, 'when the ambassador confirmed they published the post (or reported its numbers); null until then, and only then does the post count'),
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
};

/** One post as its author sees it. */
export const ShareSchema = v.pipe(v.object(ShareEntries), v.title('Share'));
export type Share = v.InferOutput<typeof ShareSchema>;

/** `POST /api/v1/me/shares`. */
export const CreateShareBodySchema = v.strictObject(
  {
    contentId: v.pipe(v.string('must be a string'), v.minLength(1, 'is required'), v.maxLength(64, 'is too long'), v.description('the content shared, from the feed')),
    network: v.pipe(NetworkSchema, v.description('where it is posted: the link’s `utm_source`')),
    text: v.pipe(
      v.string('must be a string'),
      v.trim(),
      v.minLength(1, 'is required: write the post in your own words'),
      v.maxLength(MAX_SHARE_TEXT, `must be at most ${MAX_SHARE_TEXT} characters`),
      v.description('the post, in the ambassador’s own words'),
    ),
  },
  bodyMessage('a share'),
);
export type CreateShareBody = v.InferOutput<typeof CreateShareBodySchema>;

/** The similarity of a new post: a score against the talking points, a flag, a share id; nothing measured against a colleague's text. */
export const SimilaritySchema = v.pipe(
  v.object({
    score: v.pipe(v.number(), v.description('0–1: the share of the post’s word triples found verbatim in the talking points (and nothing else)')),
    nearCopy: v.pipe(
      v.boolean(),
      v.description(
        'true when score ≥ 0.5, or when the post is a near copy of a colleague’s post on the same content: at least 12 word triples, half of them in that post beyond the talking points, making half of that post',
      ),
    ),
    nearestShareId: v.pipe(v.nullable(v.string()), v.description('the colleague’s share the post is a near copy of, when the talking points are not what it copies; never their text')),
  }),
  v.title('Similarity'),
);

/** `POST /api/v1/me/shares/preview`: the same body as a share. */
export const PreviewShareBodySchema = CreateShareBodySchema;

/** `200` answer of `POST /api/v1/me/shares/preview`. */
export const PreviewShareResponseSchema = v.object({ similarity: SimilaritySchema });

/** `201` answer of `POST /api/v1/me/shares`. */
export const CreateShareResponseSchema = v.object({
  share: ShareSchema,
  link: PersonalLinkSchema,
  intentUrl: v.pipe(
    v.nullable(v.string()),
    v.description('opens the network’s composer with the text and link (LinkedIn feed composer, X intent, Facebook sharer, mailto:, WhatsApp for other); null for Instagram, which has no web intent'),
  ),
  linkShareUrl: v.pipe(
    v.nullable(v.string()),
    v.description('a share of the link alone through the network’s documented URL (LinkedIn’s share-offsite), which works where the text intent does not (the text is pasted); null for other networks'),
  ),
  message: v.pipe(v.string(), v.description('the post as it is published: the text followed by the short link, unless the text already holds it')),
  similarity: SimilaritySchema,
  qrSvg: v.pipe(v.string(), v.description('the short link as a QR code, an SVG document')),
});

/** `POST /api/v1/me/shares/{id}/metrics`: numbers read off the post; each optional, at least one. */
export const ReportMetricsBodySchema = v.pipe(
  v.strictObject(
    {
      impressions: v.optional(v.pipe(CountSchema, v.description('impressions the network shows for the post'))),
      reactions: v.optional(v.pipe(CountSchema, v.description('likes and other reactions'))),
      comments: v.optional(v.pipe(CountSchema, v.description('comments'))),
      reshares: v.optional(v.pipe(CountSchema, v.description('reposts'))),
    },
    bodyMessage('post metrics'),
  ),
  v.check((body) => Object.values(body).some((value) => value !== undefined), 'Send at least one of impressions, reactions, comments, reshares.'),
);
export type ReportMetricsBody = v.InferOutput<typeof ReportMetricsBodySchema>;

type PostMetrics = { [K in keyof ReportMetricsBody]-?: number | null };
const ENGAGEMENTS = ['reactions', 'comments', 'reshares'] as const;

/**
 * Why a post's figures, once `sent` is merged into `stored`, cannot be true together (each engagement figure
 * is at most the impressions, when those are known), as the field to blame (the one sent) and a message;
 * undefined when they can.
 */
export function implausibleMetrics(stored: PostMetrics, sent: ReportMetricsBody): { field: string; message: string } | undefined {
  const impressions = sent.impressions ?? stored.impressions;
  if (impressions === null) return undefined;
  for (const name of ENGAGEMENTS) {
    const value = sent[name] ?? stored[name];
    if (value !== null && value > impressions) {
      const field = sent[name] === undefined ? 'impressions' : name;
      return { field, message: `${name} (${value}) cannot be more than impressions (${impressions})` };
    }
  }
  return undefined;
}

/** What one post brought: clicks and conversions from the daily rollup, reach and engagement from the reported metrics. */
export const ShareStatsSchema = v.object({
  clicks: v.number(),
  uniqueVisitors: v.number(),
  conversions: v.number(),
  conversionValue: v.number(),
  impressions: v.number(),
  reach: v.pipe(v.number(), v.description('impressions reported, or audience × the network’s organic reach rate when none were')),
  reachEstimated: v.pipe(v.number(), v.description('the estimated part of reach')),
  engagements: v.pipe(v.number(), v.description('reactions + comments + reshares reported')),
});
export type ShareStats = v.InferOutput<typeof ShareStatsSchema>;

/** One of the ambassador's posts with its content's title and its results so far. */
export const MyShareSchema = v.pipe(v.object({ ...ShareEntries, contentTitle: v.string(), stats: ShareStatsSchema }), v.title('MyShare'));
export type MyShare = v.InferOutput<typeof MyShareSchema>;
