/**
 * The one schema of Relais. Every row carries its organisation; times are epoch ms;
 * days are `YYYY-MM-DD` (UTC). Migrations are generated from this file by drizzle-kit.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const NETWORKS = ['linkedin', 'x', 'facebook', 'instagram', 'email', 'other'] as const;
export type Network = (typeof NETWORKS)[number];

/** The languages of the admin and the ambassador's space. */
export const LOCALES = ['fr', 'en'] as const;

/** A content's card in the feed, read from its page's Open Graph tags. */
export interface ContentPreview {
  title: string | null;
  description: string | null;
  /** The page's image (`og:image`), an https URL the Worker fetches; never shown to a browser as is. */
  image: string | null;
  fetchedAt: number;
}

/** What a company's system may report as a conversion. */
export const CONVERSION_TYPES = ['application', 'download', 'lead', 'signup', 'purchase', 'custom'] as const;
export type ConversionType = (typeof CONVERSION_TYPES)[number];

/** How a hit was classified: `human` counts as a click, every other class is a filtered reason (API.md, KPIs). */
export const HIT_CLASSES = ['human', 'preview', 'scanner', 'automated', 'self', 'optout'] as const;
export type HitClass = (typeof HIT_CLASSES)[number];

export const DEVICES = ['mobile', 'tablet', 'desktop', 'bot'] as const;
export type Device = (typeof DEVICES)[number];

/** Per-network money and reach settings used by EMV and estimated reach. */
export type NetworkRates = Partial<Record<Network, { cpc: number; cpm: number; organicReach: number }>>;
export type ConversionValues = Partial<Record<string, number>>;

const createdAt = () => integer('created_at').notNull();
const updatedAt = () => integer('updated_at').notNull();

export const organisations = sqliteTable('organisations', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  attributionWindowDays: integer('attribution_window_days').notNull().default(30),
  fallbackUrl: text('fallback_url'),
  utmMedium: text('utm_medium').notNull().default('employee_advocacy'),
  currency: text('currency').notNull().default('EUR'),
  rates: text('rates', { mode: 'json' }).$type<NetworkRates>().notNull().default(sql`'{}'`),
  conversionValues: text('conversion_values', { mode: 'json' }).$type<ConversionValues>().notNull().default(sql`'{}'`),
  ambassadorVisibility: text('ambassador_visibility', { enum: ['opt-in', 'all'] }).notNull().default('opt-in'),
  retentionMonths: integer('retention_months').notNull().default(25),
  // Shown in the ambassador's space (fetched by the Worker, never hot-linked from a browser).
  logoUrl: text('logo_url'),
  // The "Sharing well" guide, Markdown; null: the one Relais ships.
  sharingGuide: text('sharing_guide'),
  // Who audiences and ambassadors write to about their data (an e-mail or a URL), shown on /privacy and in the documents.
  privacyContact: text('privacy_contact'),
  // The day (YYYY-MM-DD) the works council (CSE) was informed: required before `ambassadorVisibility` = 'all'.
  cseInformedOn: text('cse_informed_on'),
  auditRetentionMonths: integer('audit_retention_months').notNull().default(25),
  // A disclosure line the composer proposes ("Je travaille chez Acme"); null: none proposed.
  disclosure: text('disclosure'),
  // When a setting the generated documents (CSE note, DPIA) reflect last changed; their date.
  trustSettingsAt: integer('trust_settings_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const campaigns = sqliteTable(
  'campaigns',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    objective: text('objective', { enum: ['awareness', 'leads', 'recruitment', 'engagement'] }).notNull(),
    status: text('status', { enum: ['draft', 'active', 'archived'] }).notNull().default('draft'),
    startsAt: integer('starts_at'),
    endsAt: integer('ends_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('campaigns_org_slug').on(t.organisationId, t.slug), index('campaigns_org_created').on(t.organisationId, t.createdAt)],
);

export const contents = sqliteTable(
  'contents',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    campaignId: text('campaign_id').notNull().references(() => campaigns.id),
    kind: text('kind', { enum: ['article', 'job', 'event', 'news', 'whitepaper', 'video'] }).notNull(),
    title: text('title').notNull(),
    url: text('url').notNull(),
    slug: text('slug').notNull(),
    talkingPoints: text('talking_points').notNull().default(''),
    networks: text('networks', { mode: 'json' }).$type<Network[]>().notNull().default(sql`'[]'`),
    status: text('status', { enum: ['active', 'archived'] }).notNull().default('active'),
    // Past this time the content leaves the feed and its links go to the fallback URL (a job offer closes).
    endsAt: integer('ends_at'),
    // Title, description and image read from the page's Open Graph tags when the admin saved it.
    preview: text('preview', { mode: 'json' }).$type<ContentPreview>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('contents_org_slug').on(t.organisationId, t.slug),
    index('contents_campaign').on(t.campaignId),
    index('contents_org_created').on(t.organisationId, t.createdAt),
  ],
);

export const ambassadors = sqliteTable(
  'ambassadors',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    // Personal fields: erased (set to null) when the ambassador leaves.
    name: text('name'),
    email: text('email'),
    displayName: text('display_name'),
    team: text('team'),
    profile: text('profile', { enum: ['expert', 'reporter', 'supporter', 'hr'] }),
    audience: text('audience', { mode: 'json' }).$type<Partial<Record<Network, number>>>(),
    leaderboardOptIn: integer('leaderboard_opt_in', { mode: 'boolean' }).notNull().default(false),
    // The language the ambassador chose for their space and e-mails; null: their browser's.
    language: text('language', { enum: LOCALES }),
    status: text('status', { enum: ['invited', 'active', 'left'] }).notNull().default('invited'),
    joinedAt: integer('joined_at'),
    leftAt: integer('left_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('ambassadors_org_email').on(t.organisationId, t.email), index('ambassadors_org_created').on(t.organisationId, t.createdAt)],
);

/** A personal short link: one ambassador × one content × one network. */
export const links = sqliteTable(
  'links',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull().unique(),
    // Null once the ambassador has left: the link keeps redirecting, unattributed.
    ambassadorId: text('ambassador_id').references(() => ambassadors.id, { onDelete: 'set null' }),
    contentId: text('content_id').notNull().references(() => contents.id),
    network: text('network', { enum: NETWORKS }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('links_org').on(t.organisationId),
    index('links_ambassador').on(t.ambassadorId),
    index('links_content').on(t.contentId),
    uniqueIndex('links_owner_content_network').on(t.ambassadorId, t.contentId, t.network),
  ],
);

/**
 * One row per hit on a short link, keyed by the click id (so a redelivered message counts once).
 * Holds no IP and no user agent: only the daily visitor hash (human hits), country, referrer host and device class.
 * An `optout` hit keeps only its id, link and day.
 */
export const clicks = sqliteTable(
  'clicks',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull(),
    linkId: text('link_id').notNull(),
    at: integer('at').notNull(),
    day: text('day').notNull(),
    class: text('class', { enum: HIT_CLASSES }).notNull(),
    visitorHash: text('visitor_hash'),
    // 1 when this is the visitor's first human click on this link this day.
    firstOfDay: integer('first_of_day', { mode: 'boolean' }).notNull().default(false),
    country: text('country'),
    refererHost: text('referer_host'),
    device: text('device', { enum: DEVICES }),
    // Which consumer run inserted the row: the rollup adds exactly the rows of its own run.
    ingestId: text('ingest_id').notNull(),
  },
  (t) => [
    index('clicks_link_day_visitor').on(t.linkId, t.day, t.visitorHash),
    index('clicks_ingest').on(t.ingestId),
    index('clicks_org_at').on(t.organisationId, t.at),
  ],
);

/**
 * Click events that could never be recorded (their queue message dead-lettered and still failing, or
 * malformed): counted per organisation and day of the click, so the loss stays visible to the admin.
 * `organisation_id` is '' when the event did not name one.
 */
export const deadLetters = sqliteTable(
  'dead_letters',
  {
    organisationId: text('organisation_id').notNull(),
    day: text('day').notNull(),
    events: integer('events').notNull().default(0),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.day] })],
);

/**
 * The daily rollup every KPI reads: one row per organisation × day × link, with the link's
 * attribution copied in so that KPIs never join raw clicks.
 */
export const dailyLinkStats = sqliteTable(
  'daily_link_stats',
  {
    organisationId: text('organisation_id').notNull(),
    day: text('day').notNull(),
    linkId: text('link_id').notNull(),
    ambassadorId: text('ambassador_id'),
    contentId: text('content_id'),
    campaignId: text('campaign_id'),
    network: text('network', { enum: NETWORKS }),
    clicks: integer('clicks').notNull().default(0),
    uniqueVisitors: integer('unique_visitors').notNull().default(0),
    previews: integer('previews').notNull().default(0),
    scanners: integer('scanners').notNull().default(0),
    automated: integer('automated').notNull().default(0),
    self: integer('self').notNull().default(0),
    optouts: integer('optouts').notNull().default(0),
    conversions: integer('conversions').notNull().default(0),
    conversionValue: real('conversion_value').notNull().default(0),
    // Visitors whose first human click of the day in the organisation (in the link's campaign) was on this link:
    // summed over links they give the organisation's (the campaign's) distinct visitors, from the rollup alone.
    orgVisitors: integer('org_visitors').notNull().default(0),
    campaignVisitors: integer('campaign_visitors').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.day, t.linkId] }),
    index('daily_link_stats_org_day').on(t.organisationId, t.day),
    index('daily_link_stats_link').on(t.linkId),
    index('daily_link_stats_org_ambassador_day').on(t.organisationId, t.ambassadorId, t.day),
  ],
);

/**
 * Which links each daily visitor hash reached: one row per organisation × day × visitor × link, kept like the
 * rollup (the hash's daily salt is gone after 48 h), so unique visitors of any group — a team, the "others" —
 * are distinct per organisation and day, and stay so after raw clicks are purged.
 */
export const dailyVisitors = sqliteTable(
  'daily_visitors',
  {
    organisationId: text('organisation_id').notNull(),
    day: text('day').notNull(),
    visitorHash: text('visitor_hash').notNull(),
    linkId: text('link_id').notNull(),
    // The consumer run that first saw this visitor on this link (see `clicks.ingest_id`).
    ingestId: text('ingest_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.day, t.visitorHash, t.linkId] }),
    index('daily_visitors_link_day').on(t.linkId, t.day),
    // The consumer's rollup reads the rows of its own run: without it every run scans the whole table.
    index('daily_visitors_ingest').on(t.ingestId),
  ],
);

/** A random salt per UTC day for visitor hashes; deleted after 48 h so hashes cannot be linked across days. */
export const dailySalts = sqliteTable('daily_salts', {
  day: text('day').primaryKey(),
  salt: text('salt').notNull(),
  createdAt: createdAt(),
});

/** Server-side sessions (admins and ambassadors). The id is the SHA-256 of the cookie's token. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    subjectType: text('subject_type', { enum: ['admin', 'ambassador'] }).notNull(),
    subjectId: text('subject_id').notNull(),
    createdAt: createdAt(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_subject').on(t.subjectType, t.subjectId), index('sessions_expires').on(t.expiresAt)],
);

export const ADMIN_ROLES = ['owner', 'editor', 'analyst'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

export const API_KEY_SCOPES = ['conversions:write', 'kpis:read', 'admin'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/**
 * People who run the programme: one row per person and organisation (a person may run several, each with
 * its own password); e-mails are unique within an organisation only, so no organisation can squat one.
 */
export const admins = sqliteTable(
  'admins',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ADMIN_ROLES }).notNull(),
    // PBKDF2 record (`pbkdf2-sha256$iterations$salt$hash`); null until the invitation is accepted.
    passwordHash: text('password_hash'),
    status: text('status', { enum: ['invited', 'active'] }).notNull().default('invited'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('admins_org_email').on(t.organisationId, t.email), index('admins_email').on(t.email), index('admins_org_created').on(t.organisationId, t.createdAt)],
);

/** API keys for companies' systems; only the SHA-256 of the secret is kept. */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    scopes: text('scopes', { mode: 'json' }).$type<ApiKeyScope[]>().notNull(),
    secretHash: text('secret_hash').notNull().unique(),
    // The first characters of the secret, so people can tell keys apart without the secret.
    prefix: text('prefix').notNull(),
    createdAt: createdAt(),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('api_keys_org_created').on(t.organisationId, t.createdAt)],
);

/** Versions of the social-media charter; the highest published version is the current one. */
export const charters = sqliteTable(
  'charters',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    publishedAt: integer('published_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('charters_org_version').on(t.organisationId, t.version)],
);

/** Which ambassador accepted which charter version, and when. */
export const charterAcceptances = sqliteTable(
  'charter_acceptances',
  {
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    ambassadorId: text('ambassador_id').notNull().references(() => ambassadors.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    acceptedAt: integer('accepted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ambassadorId, t.version] }), index('charter_acceptances_org_version').on(t.organisationId, t.version)],
);

/** One-time invitation links (admins and ambassadors). The id is the SHA-256 of the token in the link. */
export const invitations = sqliteTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    subjectType: text('subject_type', { enum: ['admin', 'ambassador'] }).notNull(),
    subjectId: text('subject_id').notNull(),
    createdAt: createdAt(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
  },
  (t) => [index('invitations_subject').on(t.subjectType, t.subjectId)],
);

/**
 * Fixed-window counters for rate limits, one row per counted thing and window. The key is an HMAC under
 * the day's secret (`rate_limit_secrets`), never a plain hash of an e-mail or an IP; ended windows are purged.
 */
export const rateLimits = sqliteTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    windowStart: integer('window_start').notNull(),
    count: integer('count').notNull(),
    // When the window ends; 0 for rows written before this column existed (purged at once).
    expiresAt: integer('expires_at').notNull().default(0),
  },
  (t) => [index('rate_limits_expires').on(t.expiresAt)],
);

/** A random secret per UTC day keying `rate_limits`; deleted once its day's windows have all ended. */
export const rateLimitSecrets = sqliteTable('rate_limit_secrets', {
  day: text('day').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: createdAt(),
});

/**
 * A post an ambassador made (or is about to make) with their own text, through their personal link.
 * `text` is personal data, erased when the ambassador leaves; the figures stay, detached from the person.
 */
export const shares = sqliteTable(
  'shares',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    ambassadorId: text('ambassador_id').references(() => ambassadors.id, { onDelete: 'set null' }),
    contentId: text('content_id').notNull().references(() => contents.id),
    campaignId: text('campaign_id').notNull(),
    linkId: text('link_id').notNull().references(() => links.id),
    network: text('network', { enum: NETWORKS }).notNull(),
    text: text('text'),
    similarity: real('similarity').notNull().default(0),
    nearCopy: integer('near_copy', { mode: 'boolean' }).notNull().default(false),
    impressions: integer('impressions'),
    reactions: integer('reactions'),
    comments: integer('comments'),
    reshares: integer('reshares'),
    metricsReportedAt: integer('metrics_reported_at'),
    // When the ambassador confirmed they published the post: only confirmed shares count (API.md, KPIs).
    postedAt: integer('posted_at'),
    // Set when the ambassador is erased, so a past report keeps its figures: a random marker shared by that
    // person's shares (distinct sharers still count once) and their declared audience on this network.
    anonymousSharer: text('anonymous_sharer'),
    erasedAudience: integer('erased_audience'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('shares_org_created').on(t.organisationId, t.createdAt),
    index('shares_org_posted').on(t.organisationId, t.postedAt),
    index('shares_content').on(t.contentId),
    index('shares_ambassador').on(t.ambassadorId),
    index('shares_link').on(t.linkId),
  ],
);

/** A conversion reported by a company's system, attributed (or not) through its click id. */
export const conversions = sqliteTable(
  'conversions',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    clickId: text('click_id').notNull(),
    linkId: text('link_id').notNull(),
    ambassadorId: text('ambassador_id'),
    contentId: text('content_id'),
    campaignId: text('campaign_id'),
    network: text('network', { enum: NETWORKS }),
    type: text('type', { enum: CONVERSION_TYPES }).notNull(),
    value: real('value').notNull(),
    currency: text('currency').notNull(),
    externalId: text('external_id'),
    occurredAt: integer('occurred_at').notNull(),
    clickAt: integer('click_at').notNull(),
    // The click's day: the rollup row this conversion was counted in.
    clickDay: text('click_day').notNull(),
    attributed: integer('attributed', { mode: 'boolean' }).notNull(),
    // What this conversion added to its rollup's conversion_value: 0 when reported in another currency.
    countedValue: real('counted_value').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('conversions_org_type_external').on(t.organisationId, t.type, t.externalId),
    index('conversions_click').on(t.clickId),
    index('conversions_org_created').on(t.organisationId, t.createdAt),
    index('conversions_link').on(t.linkId),
    index('conversions_ambassador').on(t.ambassadorId),
  ],
);

/** Idempotency-Key records (IETF draft): kept at least 24 h, replayed for the same key and body. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    organisationId: text('organisation_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    state: text('state', { enum: ['processing', 'done'] }).notNull(),
    status: integer('status'),
    response: text('response'),
    // While `processing`: until when the request holding the key owns it; past it, another request may reclaim the key.
    leaseExpiresAt: integer('lease_expires_at').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.key] }), index('idempotency_keys_created').on(t.createdAt)],
);

export const AUDIT_ACTOR_KINDS = ['admin', 'api_key', 'ambassador', 'operator', 'system'] as const;

/**
 * Every change to who sees what or where a link leads (API.md, audit log): who, when, what, and only the fields
 * that changed, never a secret. Kept per the organisation's `auditRetentionMonths`.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    actorKind: text('actor_kind', { enum: AUDIT_ACTOR_KINDS }).notNull(),
    actorId: text('actor_id'),
    // The admin's e-mail or the API key's name at the time; an ambassador appears by id only.
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    before: text('before', { mode: 'json' }).$type<Record<string, unknown>>(),
    after: text('after', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_org_at').on(t.organisationId, t.at), index('audit_log_org_action_at').on(t.organisationId, t.action, t.at)],
);
