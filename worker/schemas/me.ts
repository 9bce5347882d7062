/** The ambassador's own space: profile, charter, feed, results, badges, leaderboard and export. */
import { createSelectSchema } from 'drizzle-valibot';
import * as v from 'valibot';
import { invitations, LOCALES, links, NETWORKS, sessions, type Network } from '../../db/schema';
import { AmbassadorRowSchema } from './ambassadors';
import { bodyMessage, CampaignRowSchema } from './campaigns';
import { AcceptanceRowSchema, CharterRowSchema } from './charters';
import { ContentRowSchema, PreviewCardSchema } from './contents';
import { asPicklist, asTimestamp, NameSchema, TimestampSchema } from './common';
import { ShareSchema, ShareStatsSchema } from './shares';

const MAX_FOLLOWERS = 1_000_000_000;

const Followers = v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(0, 'must be zero or more'), v.maxValue(MAX_FOLLOWERS, 'is too large'));
const perNetwork = <S extends v.GenericSchema>(schema: S) => Object.fromEntries(NETWORKS.map((n) => [n, schema])) as Record<Network, S>;

/** Followers per network, as the ambassador declared them (used for estimated reach). */
export const AudienceSchema = v.pipe(v.partial(v.object(perNetwork(v.number()))), v.description('followers per network, as declared by the ambassador'));

const ambassador = AmbassadorRowSchema.entries;

const MeEntries = {
  ...v.pick(AmbassadorRowSchema, ['id', 'name', 'email', 'displayName', 'team', 'profile']).entries,
  displayName: v.pipe(ambassador.displayName, v.description('the name shown on the leaderboard; when null, the first name and the initial of the last (“Camille M.”)')),
  language: v.pipe(v.nullable(v.picklist(LOCALES)), v.description('the language they chose for their space and e-mails; null: their browser’s')),
  // Null in the table until declared; the API then shows {}.
  audience: AudienceSchema,
  leaderboardOptIn: v.pipe(ambassador.leaderboardOptIn, v.description('whether they chose to appear, by name, on the leaderboard')),
  status: ambassador.status,
  joinedAt: ambassador.joinedAt,
  charter: v.object({
    currentVersion: v.pipe(v.nullable(v.number()), v.description('the organisation’s current charter version; null when none is published')),
    acceptedVersion: v.pipe(v.nullable(v.number()), v.description('the highest version they accepted')),
    accepted: v.pipe(v.boolean(), v.description('true when they accepted the current version: only then are links issued')),
  }),
};

/** The ambassador's own profile. */
export const MeSchema = v.pipe(
  v.object({
    ...MeEntries,
    organisation: v.pipe(
      v.object({
        name: v.pipe(v.string(), v.description('the organisation’s name')),
        logoPath: v.pipe(v.nullable(v.string()), v.description('where a browser loads its logo from this Relais (GET /api/v1/organisation/logo); null without a logo')),
        disclosure: v.pipe(v.nullable(v.string()), v.description('the disclosure line the organisation proposes (e.g. « Je travaille chez Acme »): the composer offers to add it, never adds it silently; null: none')),
      }),
      v.description('the organisation running the programme, shown in the ambassador’s space'),
    ),
  }),
  v.title('Me'),
);
export type Me = v.InferOutput<typeof MeSchema>;

/** `PATCH /api/v1/me`: absent fields stay; `audience` merges per network, null removes one. */
export const UpdateMeBodySchema = v.strictObject(
  {
    leaderboardOptIn: v.optional(v.pipe(v.boolean('must be true or false'), v.description('true to appear by name on the leaderboard and in `groupBy=ambassador`'))),
    displayName: v.optional(v.pipe(v.nullable(NameSchema(100)), v.description('the name shown on the leaderboard instead of their full name, or null (then the first name and the last name’s initial)'))),
    language: v.optional(v.pipe(v.nullable(v.picklist(LOCALES, 'must be fr or en')), v.description('`fr` or `en` for their space and e-mails, or null for their browser’s'))),
    audience: v.optional(
      v.pipe(
        v.partial(v.strictObject(perNetwork(v.nullable(Followers)), 'is not a network')),
        v.description('followers per network, for the estimated reach; merged per network, null removes one'),
      ),
    ),
  },
  bodyMessage('your profile'),
);
export type UpdateMeBody = v.InferOutput<typeof UpdateMeBodySchema>;

/** `GET /api/v1/me/charter`: the current charter and the highest version this ambassador accepted. */
export const MyCharterSchema = v.pipe(
  v.object({
    ...v.pick(CharterRowSchema, ['version', 'body']).entries,
    body: v.pipe(CharterRowSchema.entries.body, v.description('Markdown')),
    bodyHtml: v.pipe(v.string(), v.description('the body rendered to safe HTML')),
    publishedAt: CharterRowSchema.entries.publishedAt,
    acceptedVersion: v.pipe(v.nullable(v.number()), v.description('the highest version they accepted; links need the current one')),
  }),
  v.title('MyCharter'),
);
export type MyCharter = v.InferOutput<typeof MyCharterSchema>;

/** `POST /api/v1/me/charter/accept`: the version read, which must be the current one. */
export const AcceptCharterBodySchema = v.strictObject(
  { version: v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more'), v.description('the version read, which must be the current one (409 otherwise)')) },
  bodyMessage('a charter acceptance'),
);

/** One content of the feed: what to share, with ideas to write about (not a text to paste). */
export const FeedItemSchema = v.pipe(
  v.object({
    id: ContentRowSchema.entries.id,
    campaign: v.pick(CampaignRowSchema, ['id', 'name', 'objective']),
    ...v.pick(ContentRowSchema, ['kind', 'title', 'url', 'talkingPoints']).entries,
    talkingPoints: v.pipe(ContentRowSchema.entries.talkingPoints, v.description('Markdown: ideas, not a text to paste')),
    talkingPointsHtml: v.pipe(v.string(), v.description('the talking points rendered to safe HTML')),
    networks: ContentRowSchema.entries.networks,
    linkedNetworks: v.pipe(v.array(v.picklist(NETWORKS)), v.description('networks on which the ambassador already has a personal link to this content')),
    preview: v.pipe(
      v.nullable(v.pick(PreviewCardSchema, ['title', 'description', 'imagePath'])),
      v.description('the page’s card (Open Graph title, description and image, the image served from this Relais); null: show the content’s own title'),
    ),
    createdAt: ContentRowSchema.entries.createdAt,
  }),
  v.title('FeedItem'),
);
export type FeedItem = v.InferOutput<typeof FeedItemSchema>;

/** `?from=&to=`: the one period policy (schemas/period.ts). */
export { PeriodQuerySchema, type PeriodQuery } from './period';

/** `GET /api/v1/me/stats`: own results over a period. */
export const MyStatsSchema = v.pipe(
  v.object({
    from: v.string(),
    to: v.string(),
    currency: v.string(),
    totals: v.object({
      ...ShareStatsSchema.entries,
      shares: v.pipe(v.number(), v.description('posts made in the period')),
      engagementRate: v.pipe(v.number(), v.description('engagements / impressions; 0 without impressions')),
      conversionRate: v.pipe(v.number(), v.description('conversions / uniqueVisitors; 0 without visitors')),
    }),
    byDay: v.array(v.object({ day: v.string(), shares: v.number(), clicks: v.number(), uniqueVisitors: v.number(), conversions: v.number() })),
    byShare: v.pipe(
      v.array(v.object({ shareId: v.string(), contentId: v.string(), contentTitle: v.string(), network: v.picklist(NETWORKS), createdAt: TimestampSchema, ...ShareStatsSchema.entries })),
      v.description('posts made in the period or whose link was clicked in it'),
    ),
  }),
  v.title('MyStats'),
);
export type MyStats = v.InferOutput<typeof MyStatsSchema>;

/** `GET /api/v1/me/badges`: every badge, earned or not, with the rule that awards it. */
export const BadgesSchema = v.object({
  items: v.array(
    v.object({
      code: v.string(),
      name: v.string(),
      rule: v.string(),
      earned: v.boolean(),
      earnedOn: v.pipe(v.nullable(v.string()), v.description('the day it was earned (YYYY-MM-DD)')),
      progress: v.object({ current: v.number(), target: v.number() }),
    }),
  ),
});
export type Badges = v.InferOutput<typeof BadgesSchema>;

/** `GET /api/v1/leaderboard`: opted-in ambassadors ranked by results, never by share count. */
export const LeaderboardSchema = v.pipe(
  v.object({
    from: v.string(),
    to: v.string(),
    items: v.array(
      v.object({
        rank: v.pipe(v.number(), v.description('1 for the best; equal results share a rank')),
        ambassadorId: v.string(),
        displayName: v.string(),
        conversions: v.pipe(v.nullable(v.number()), v.description('null when 1 to 4 ambassadors are not on the leaderboard: names and ranks only, so nobody’s figures follow by subtraction')),
        uniqueVisitors: v.nullable(v.number()),
        engagements: v.nullable(v.number()),
        me: v.pipe(v.boolean(), v.description('true on the caller’s own row')),
      }),
    ),
  }),
  v.title('Leaderboard'),
);
export type Leaderboard = v.InferOutput<typeof LeaderboardSchema>;

const SessionRowSchema = createSelectSchema(sessions, { createdAt: asTimestamp, expiresAt: asTimestamp });
const InvitationRowSchema = createSelectSchema(invitations, { createdAt: asTimestamp, expiresAt: asTimestamp, usedAt: asTimestamp });
const link = createSelectSchema(links, { network: asPicklist(links.network), createdAt: asTimestamp }).entries;

/** `GET /api/v1/me/export`: everything Relais stores about the ambassador (GDPR art. 15 and 20). */
export const PersonalExportSchema = v.pipe(
  v.object({
    exportedAt: TimestampSchema,
    ambassador: v.object({ ...MeEntries, invitedAt: ambassador.createdAt, leftAt: ambassador.leftAt }),
    charterAcceptances: v.array(v.pick(AcceptanceRowSchema, ['version', 'acceptedAt'])),
    sessions: v.pipe(v.array(v.pick(SessionRowSchema, ['createdAt', 'expiresAt'])), v.description('open sessions (the token itself is never stored)')),
    invitations: v.array(v.pick(InvitationRowSchema, ['createdAt', 'expiresAt', 'usedAt'])),
    links: v.array(v.object({ slug: link.slug, shortUrl: v.string(), contentId: link.contentId, contentTitle: v.string(), network: link.network, createdAt: link.createdAt })),
    shares: v.array(ShareSchema),
    dailyStats: v.pipe(
      v.array(v.object({ day: v.string(), slug: v.string(), clicks: v.number(), uniqueVisitors: v.number(), filtered: v.number(), conversions: v.number(), conversionValue: v.number() })),
      v.description('the daily counts of their links (no visitor data: Relais keeps none that names a person)'),
    ),
    conversions: v.pipe(
      v.array(v.object({ id: v.string(), type: v.string(), value: v.number(), currency: v.string(), attributed: v.boolean(), occurredAt: TimestampSchema, slug: v.string() })),
      v.description('conversions attributed to their links, without the reporting system’s own ids'),
    ),
  }),
  v.title('PersonalExport'),
);
export type PersonalExport = v.InferOutput<typeof PersonalExportSchema>;

/** `GET /api/v1/me/guide`: which language the shipped guide is read in (an organisation's own guide has one). */
export const GuideQuerySchema = v.object({ lang: v.optional(v.pipe(v.picklist(LOCALES, 'must be fr or en'), v.description('the language of the guide Relais ships: `fr` (default) or `en`')), 'fr') });

/** The "Sharing well" guide: the organisation's own, or the one Relais ships. */
export const SharingGuideSchema = v.pipe(
  v.object({
    markdown: v.pipe(v.string(), v.description('the guide, Markdown')),
    html: v.pipe(v.string(), v.description('the guide rendered to safe HTML')),
    custom: v.pipe(v.boolean(), v.description('true when the organisation wrote its own; false: the guide Relais ships, in `lang`')),
  }),
  v.title('SharingGuide'),
);
export type SharingGuide = v.InferOutput<typeof SharingGuideSchema>;
