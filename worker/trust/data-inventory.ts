/**
 * The one data inventory of Relais: every column of `db/schema.ts` that holds personal data, grouped by the people
 * it is about, with what it is, why it is kept, how long and who sees it. The CSE note, the DPIA and the
 * ambassador's transparency page are all written from it; a test fails on any column that is neither here nor
 * in `NO_PERSONAL_DATA`.
 */
import type { Retention } from './retention';
import type { Access } from './who-sees';
import { w, type Words } from './words';

/** The groups of people whose data Relais holds. */
export const PEOPLE = ['audiences', 'ambassadors', 'admins', 'customers'] as const;
export type People = (typeof PEOPLE)[number];

/** One personal datum: where it lives (`table.column`, as in the database), what it is, why, how long, who sees it. */
export interface Datum {
  people: readonly People[];
  columns: readonly string[];
  what: Words;
  purpose: Words;
  retention: Retention;
  access: Access;
}

/** Each group's name in the documents. */
export const PEOPLE_WORDS: Record<People, Words> = {
  audiences: w('Audiences (personnes qui cliquent sur un lien)', 'Audiences (people who click a link)'),
  ambassadors: w('Ambassadeurs (salariés qui partagent)', 'Ambassadors (employees who share)'),
  admins: w('Administrateurs du programme', 'The programme’s admins'),
  customers: w('Clients et candidats des systèmes de l’entreprise (ATS, CRM)', 'Customers and candidates of the company’s systems (ATS, CRM)'),
};

const MEASURE = w('Mesurer l’audience du programme (clics humains, visiteurs uniques), sans cookie ni IP conservée', 'Measure the programme’s audience (human clicks, unique visitors), with no cookie and no stored IP');

/** The inventory, in the order the documents show it. */
export const DATA_INVENTORY: readonly Datum[] = [
  {
    people: ['audiences'],
    columns: ['clicks.id', 'clicks.link_id', 'clicks.at', 'clicks.day', 'clicks.class', 'clicks.country', 'clicks.referer_host', 'clicks.device'],
    what: w('Un clic : son identifiant (rl_cid), le lien, l’heure, le pays, l’hôte référent, le type d’appareil, sa classe (humain, aperçu, robot…)', 'A click: its id (rl_cid), the link, the time, the country, the referring host, the device class, its class (human, preview, bot…)'),
    purpose: MEASURE,
    retention: 'clicks',
    access: 'aggregate',
  },
  {
    people: ['audiences'],
    columns: ['clicks.visitor_hash', 'clicks.first_of_day', 'daily_visitors.visitor_hash', 'daily_visitors.day', 'daily_visitors.link_id'],
    what: w('Une empreinte quotidienne du visiteur (hachage salé de l’IP et du navigateur, l’IP n’étant jamais stockée)', 'A daily visitor hash (salted hash of IP and browser; the IP is never stored)'),
    purpose: w('Compter les visiteurs uniques d’un jour', 'Count one day’s unique visitors'),
    retention: 'clicks',
    access: 'aggregate',
  },
  {
    people: ['audiences'],
    columns: ['daily_salts.salt'],
    what: w('Le sel du jour des empreintes', 'The day’s salt of the hashes'),
    purpose: w('Rendre les empreintes impossibles à relier d’un jour à l’autre', 'Keep hashes from being linked across days'),
    retention: 'salts',
    access: 'system',
  },
  {
    people: ['audiences', 'ambassadors', 'admins'],
    columns: ['rate_limits.key', 'rate_limits.window_start', 'rate_limits.count', 'rate_limits.expires_at', 'rate_limit_secrets.secret'],
    what: w('Compteurs de tentatives (connexion, invitations, liens inconnus), indexés par un HMAC de l’adresse IP ou de l’e-mail sous une clé du jour', 'Attempt counters (sign-in, invitations, unknown links), keyed by an HMAC of the IP address or e-mail under a daily key'),
    purpose: w('Protéger les comptes contre les attaques par force brute', 'Protect accounts against brute force'),
    retention: 'rateLimits',
    access: 'system',
  },
  {
    people: ['ambassadors'],
    columns: ['ambassadors.name', 'ambassadors.email', 'ambassadors.display_name', 'ambassadors.team', 'ambassadors.profile', 'ambassadors.language'],
    what: w('Nom, e-mail, nom affiché, équipe, profil, langue', 'Name, e-mail, display name, team, profile, language'),
    purpose: w('Inviter l’ambassadeur, lui écrire s’il l’a choisi, lui proposer des contenus adaptés', 'Invite the ambassador, write to them when they chose it, suggest content that fits'),
    retention: 'membership',
    access: 'people',
  },
  {
    people: ['ambassadors'],
    columns: ['ambassadors.audience', 'ambassadors.leaderboard_opt_in'],
    what: w('Audience déclarée par réseau (nombre d’abonnés) et choix d’apparaître au classement', 'Declared audience per network (followers) and the choice to appear on the leaderboard'),
    purpose: w('Estimer la portée (clairement marquée comme estimation) ; respecter le choix d’être nommé', 'Estimate reach (clearly marked as an estimate); honour the choice to be named'),
    retention: 'membership',
    access: 'figures',
  },
  {
    people: ['ambassadors'],
    columns: ['ambassadors.id', 'ambassadors.status', 'ambassadors.joined_at', 'ambassadors.left_at', 'ambassadors.created_at', 'ambassadors.updated_at'],
    what: w('Identifiant, statut (invité, actif, parti) et dates d’invitation, d’arrivée et de départ', 'Id, status (invited, active, left) and the dates of invitation, joining and leaving'),
    purpose: w('Savoir qui participe ; compter le taux de participation', 'Know who takes part; count the participation rate'),
    retention: 'rollup',
    access: 'people',
  },
  {
    people: ['ambassadors'],
    columns: ['shares.text'],
    what: w('Le texte de chaque publication, écrit par l’ambassadeur', 'Each post’s text, written by the ambassador'),
    purpose: w('Préparer la publication ; prévenir l’ambassadeur d’une quasi-copie', 'Prepare the post; warn the ambassador of a near copy'),
    retention: 'membership',
    access: 'self',
  },
  {
    people: ['ambassadors'],
    columns: [
      'links.id', 'links.slug', 'links.ambassador_id', 'links.network', 'links.created_at',
      'shares.id', 'shares.ambassador_id', 'shares.link_id', 'shares.network', 'shares.similarity', 'shares.near_copy', 'shares.impressions', 'shares.reactions', 'shares.comments', 'shares.reshares', 'shares.metrics_reported_at', 'shares.posted_at', 'shares.anonymous_sharer', 'shares.erased_audience', 'shares.created_at', 'shares.updated_at',
      'daily_link_stats.ambassador_id', 'daily_link_stats.link_id', 'daily_link_stats.day', 'daily_link_stats.clicks', 'daily_link_stats.unique_visitors', 'daily_link_stats.previews', 'daily_link_stats.scanners', 'daily_link_stats.automated', 'daily_link_stats.self', 'daily_link_stats.optouts', 'daily_link_stats.conversions', 'daily_link_stats.conversion_value', 'daily_link_stats.org_visitors', 'daily_link_stats.campaign_visitors',
      'conversions.ambassador_id', 'conversions.link_id', 'conversions.attributed',
    ],
    what: w('Liens personnels, publications confirmées, chiffres déclarés (impressions, réactions…) et résultats par jour (clics, visiteurs, conversions)', 'Personal links, confirmed posts, reported figures (impressions, reactions…) and daily results (clicks, visitors, conversions)'),
    purpose: w('Montrer à l’ambassadeur ses résultats et reconnaître sa contribution ; mesurer le programme', 'Show the ambassador their results and recognise their contribution; measure the programme'),
    retention: 'rollup',
    access: 'figures',
  },
  {
    people: ['ambassadors'],
    columns: ['charter_acceptances.ambassador_id', 'charter_acceptances.version', 'charter_acceptances.accepted_at'],
    what: w('Quelle version de la charte l’ambassadeur a acceptée, et quand', 'Which charter version the ambassador accepted, and when'),
    purpose: w('Prouver que la charte a été acceptée avant tout lien', 'Prove the charter was accepted before any link'),
    retention: 'membership',
    access: 'people',
  },
  {
    people: ['ambassadors', 'admins'],
    columns: ['sessions.id', 'sessions.subject_type', 'sessions.subject_id', 'sessions.created_at', 'sessions.expires_at'],
    what: w('Sessions ouvertes (empreinte SHA-256 du jeton du cookie, jamais le jeton)', 'Open sessions (SHA-256 of the cookie’s token, never the token)'),
    purpose: w('Garder la personne connectée', 'Keep the person signed in'),
    retention: 'sessions',
    access: 'system',
  },
  {
    people: ['ambassadors', 'admins'],
    columns: ['invitations.id', 'invitations.subject_type', 'invitations.subject_id', 'invitations.created_at', 'invitations.expires_at', 'invitations.used_at'],
    what: w('Invitations (empreinte du jeton du lien, jamais le jeton)', 'Invitations (hash of the link’s token, never the token)'),
    purpose: w('Laisser la personne invitée rejoindre, une seule fois', 'Let the invited person join, once'),
    retention: 'invitations',
    access: 'system',
  },
  {
    people: ['admins'],
    columns: ['admins.id', 'admins.email', 'admins.name', 'admins.role', 'admins.password_hash', 'admins.status', 'admins.created_at', 'admins.updated_at', 'organisations.privacy_contact'],
    what: w('Nom, e-mail, rôle, empreinte PBKDF2 du mot de passe ; le contact « données personnelles » de l’organisation', 'Name, e-mail, role, PBKDF2 record of the password; the organisation’s privacy contact'),
    purpose: w('Administrer le programme ; répondre aux demandes sur les données', 'Run the programme; answer requests about data'),
    retention: 'account',
    access: 'team',
  },
  {
    people: ['admins', 'ambassadors'],
    columns: ['audit_log.at', 'audit_log.actor_id', 'audit_log.actor_label', 'audit_log.target_id', 'audit_log.before', 'audit_log.after'],
    what: w('Journal d’audit : qui a changé quoi (auteur, heure, avant, après), jamais un secret', 'Audit log: who changed what (actor, time, before, after), never a secret'),
    purpose: w('Rendre vérifiable toute modification de qui voit quoi ou d’où mène un lien', 'Make every change to who sees what or where a link leads verifiable'),
    retention: 'audit',
    access: 'owners',
  },
  {
    people: ['customers'],
    columns: ['conversions.external_id'],
    what: w('L’identifiant de la personne dans le système de l’entreprise (par exemple un identifiant de candidat de l’ATS)', 'The person’s id in the company’s system (e.g. an ATS candidate id)'),
    purpose: w('Ne compter qu’une fois une même conversion', 'Count the same conversion once'),
    retention: 'externalIds',
    access: 'conversions',
  },
  {
    people: ['customers'],
    columns: ['conversions.id', 'conversions.click_id', 'conversions.type', 'conversions.value', 'conversions.currency', 'conversions.occurred_at', 'conversions.click_at'],
    what: w('Une conversion : le clic d’origine, le type (candidature, achat…), la valeur, l’heure', 'A conversion: the originating click, the type (application, purchase…), the value, the time'),
    purpose: w('Attribuer les résultats au programme', 'Attribute results to the programme'),
    retention: 'rollup',
    access: 'conversions',
  },
  {
    people: ['customers'],
    columns: ['idempotency_keys.key', 'idempotency_keys.request_hash', 'idempotency_keys.response'],
    what: w('La réponse déjà donnée à une requête de conversion (avec son identifiant externe)', 'The answer already given to a conversion request (with its external id)'),
    purpose: w('Rejouer la même réponse si le système de l’entreprise renvoie la requête', 'Replay the same answer when the company’s system sends the request again'),
    retention: 'idempotency',
    access: 'system',
  },
];

/** Columns that hold no personal data, per table: settings, content, technical counters and references. */
export const NO_PERSONAL_DATA: Readonly<Record<string, readonly string[]>> = {
  organisations: [
    'id', 'slug', 'name', 'attribution_window_days', 'fallback_url', 'utm_medium', 'currency', 'rates', 'conversion_values', 'ambassador_visibility',
    'retention_months', 'logo_url', 'sharing_guide', 'cse_informed_on', 'audit_retention_months', 'disclosure', 'trust_settings_at', 'created_at', 'updated_at',
  ],
  campaigns: ['id', 'organisation_id', 'slug', 'name', 'objective', 'status', 'starts_at', 'ends_at', 'created_at', 'updated_at'],
  contents: ['id', 'organisation_id', 'campaign_id', 'kind', 'title', 'url', 'slug', 'talking_points', 'networks', 'status', 'ends_at', 'preview', 'created_at', 'updated_at'],
  ambassadors: ['organisation_id'],
  links: ['organisation_id', 'content_id'],
  clicks: ['organisation_id', 'ingest_id'],
  dead_letters: ['organisation_id', 'day', 'events', 'updated_at'],
  daily_link_stats: ['organisation_id', 'content_id', 'campaign_id', 'network'],
  daily_visitors: ['organisation_id', 'ingest_id'],
  daily_salts: ['day', 'created_at'],
  sessions: ['organisation_id'],
  admins: ['organisation_id'],
  api_keys: ['id', 'organisation_id', 'name', 'scopes', 'secret_hash', 'prefix', 'created_at', 'last_used_at', 'revoked_at'],
  charters: ['id', 'organisation_id', 'version', 'body', 'published_at', 'created_at'],
  charter_acceptances: ['organisation_id'],
  invitations: ['organisation_id'],
  rate_limits: [],
  rate_limit_secrets: ['day', 'created_at'],
  shares: ['organisation_id', 'content_id', 'campaign_id'],
  conversions: ['organisation_id', 'content_id', 'campaign_id', 'network', 'click_day', 'counted_value', 'created_at'],
  idempotency_keys: ['organisation_id', 'state', 'status', 'lease_expires_at', 'created_at'],
  audit_log: ['id', 'organisation_id', 'actor_kind', 'action', 'target_type'],
};

/** The inventory's lines about one group of people. */
export const dataAbout = (people: People): Datum[] => DATA_INVENTORY.filter((datum) => datum.people.includes(people));
