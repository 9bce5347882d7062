/**
 * The local demo organisation (API.md, "Local demo"): admin `admin@demo.relais.test` / `relais-demo`, a
 * published charter, two campaigns, content, five ambassadors who accepted the charter, their links and
 * shares, and 90 days of clicks and conversions. Clicks go through `recordClicks` and conversions through
 * `recordConversion`, the very code the pipeline and the API use, so every rollup is real. A seeded PRNG
 * makes the data the same on every run (relative to today). Never run against a deployed database.
 */
import { drizzle } from 'drizzle-orm/d1';
import type { ClickEvent } from '../worker/lib/click-event';
import { signClickId } from '../worker/lib/click-id';
import { sha256Hex } from '../worker/lib/encoding';
import { hashPassword } from '../worker/lib/passwords';
import { recordClicks } from '../worker/services/clicks';
import { recordConversion } from '../worker/services/conversions';
import * as schema from './schema';

export const DEMO = {
  organisationId: 'org_demo',
  adminEmail: 'admin@demo.relais.test',
  adminPassword: 'relais-demo',
  slug: 'demo-lyon',
  landingUrl: 'https://example.com/jobs/developpeur-lyon?ref=careers#apply',
} as const;

const DAY_MS = 86_400_000;
const DAYS = 90;

/** mulberry32: a tiny deterministic PRNG, so the demo is the same on every machine. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + Math.imul(t ^ (t >>> 14), 49 | t));
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AMBASSADORS = [
  { key: 'camille', name: 'Camille Martin', team: 'Engineering', profile: 'expert', optIn: true, audience: { linkedin: 1800, x: 600 } },
  { key: 'karim', name: 'Karim Benali', team: 'Engineering', profile: 'reporter', optIn: true, audience: { linkedin: 950 } },
  { key: 'lea', name: 'Léa Dubois', team: 'Marketing', profile: 'supporter', optIn: false, audience: { linkedin: 2400, instagram: 1300 } },
  { key: 'thomas', name: 'Thomas Nguyen', team: 'Engineering', profile: 'expert', optIn: true, audience: { linkedin: 640, x: 1500 } },
  { key: 'sophie', name: 'Sophie Laurent', team: 'RH', profile: 'hr', optIn: false, audience: { linkedin: 3100, facebook: 420 } },
] as const;

const CONTENTS = [
  { key: 'dev-lyon', campaign: 'recrutement', kind: 'job', title: 'Développeur·se TypeScript — Lyon', url: DEMO.landingUrl, points: '- Équipe produit de 12 personnes\n- Télétravail deux jours par semaine\n- Stack : TypeScript, Cloudflare Workers' },
  { key: 'data-lyon', campaign: 'recrutement', kind: 'job', title: 'Data engineer — Lyon', url: 'https://example.com/jobs/data-engineer-lyon', points: '- Données au service des équipes terrain\n- Parcours de formation interne' },
  { key: 'article-equipe', campaign: 'recrutement', kind: 'article', title: 'Une journée avec l’équipe plateforme', url: 'https://example.com/blog/journee-equipe-plateforme', points: '- Ce que vous aimez dans votre quotidien\n- Un projet dont vous êtes fier·e' },
  { key: 'livre-blanc-ia', campaign: 'ia', kind: 'whitepaper', title: 'Livre blanc : l’IA responsable en entreprise', url: 'https://example.com/ressources/livre-blanc-ia-responsable', points: '- Trois risques concrets\n- La grille d’évaluation en annexe' },
] as const;

// Which ambassador shared which content on which network, and how many days ago.
const SHARES: Array<[string, string, schema.Network, number]> = [
  ['camille', 'dev-lyon', 'linkedin', 84], ['camille', 'article-equipe', 'linkedin', 52], ['camille', 'livre-blanc-ia', 'x', 20],
  ['karim', 'dev-lyon', 'linkedin', 80], ['karim', 'data-lyon', 'linkedin', 45],
  ['lea', 'livre-blanc-ia', 'linkedin', 30], ['lea', 'article-equipe', 'instagram', 50],
  ['thomas', 'data-lyon', 'x', 60], ['thomas', 'dev-lyon', 'x', 12],
  ['sophie', 'dev-lyon', 'linkedin', 75], ['sophie', 'data-lyon', 'facebook', 40], ['sophie', 'livre-blanc-ia', 'linkedin', 8],
];

const HUMAN_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
];
const OTHER_AGENTS = [
  'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
  'Twitterbot/1.0',
  'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  'curl/8.5.0',
];
const REFERERS = ['www.linkedin.com', 'lnkd.in', 't.co', 'www.facebook.com', 'l.instagram.com', undefined];

/** Seeds the demo organisation unless it exists; returns whether anything was written. */
export async function seedDemo(d1: D1Database, signingKey: string, now = Date.now()): Promise<boolean> {
  const db = drizzle(d1, { schema });
  const exists = await db.query.organisations.findFirst({ where: (t, { eq }) => eq(t.id, DEMO.organisationId) });
  if (exists) return false;
  const random = prng(20261125);
  const org = DEMO.organisationId;
  const start = now - DAYS * DAY_MS;
  await db.batch([
    db.insert(schema.organisations).values({
      id: org, slug: 'demo', name: 'Demo', fallbackUrl: 'https://example.com/careers', createdAt: start, updatedAt: start,
      conversionValues: { application: 400, download: 30, lead: 120 },
    }),
    db.insert(schema.admins).values({
      id: 'adm_demo_owner', organisationId: org, email: DEMO.adminEmail, name: 'Admin Demo', role: 'owner',
      passwordHash: await hashPassword(DEMO.adminPassword), status: 'active', createdAt: start, updatedAt: start,
    }),
    db.insert(schema.charters).values({
      id: 'chr_demo_v1', organisationId: org, version: 1, publishedAt: start, createdAt: start,
      body: '# Charte des ambassadeurs\n\nParticiper est **volontaire** et vous pouvez arrêter à tout moment.\n\n- Écrivez avec vos propres mots.\n- Ne partagez rien de confidentiel.\n- Signalez votre lien avec l’entreprise.',
    }),
    db.insert(schema.campaigns).values([
      { id: 'cmp_demo_recrutement', organisationId: org, slug: 'recrutement-lyon', name: 'Recrutement ingénieurs Lyon', objective: 'recruitment', status: 'active', startsAt: start, createdAt: start, updatedAt: start },
      { id: 'cmp_demo_ia', organisationId: org, slug: 'livre-blanc-ia', name: 'Livre blanc IA responsable', objective: 'leads', status: 'active', startsAt: start + 40 * DAY_MS, createdAt: start + 40 * DAY_MS, updatedAt: start + 40 * DAY_MS },
    ]),
    db.insert(schema.contents).values(
      CONTENTS.map((c, i) => ({
        id: `cnt_demo_${c.key.replace(/-/g, '_')}`, organisationId: org, campaignId: `cmp_demo_${c.campaign === 'ia' ? 'ia' : 'recrutement'}`,
        kind: c.kind, title: c.title, url: c.url, slug: c.key, talkingPoints: c.points, networks: [...schema.NETWORKS],
        createdAt: start + i * DAY_MS, updatedAt: start + i * DAY_MS,
      })),
    ),
    db.insert(schema.ambassadors).values(
      AMBASSADORS.map((a, i) => ({
        id: `amb_demo_${a.key}`, organisationId: org, name: a.name, displayName: a.name.split(' ')[0] ?? a.name,
        email: `${a.key}@demo.relais.test`, team: a.team, profile: a.profile, audience: a.audience, leaderboardOptIn: a.optIn,
        status: 'active' as const, joinedAt: start + i * DAY_MS, createdAt: start + i * DAY_MS, updatedAt: start + i * DAY_MS,
      })),
    ),
    db.insert(schema.charterAcceptances).values(AMBASSADORS.map((a, i) => ({ organisationId: org, ambassadorId: `amb_demo_${a.key}`, version: 1, acceptedAt: start + i * DAY_MS }))),
  ]);
  for (const [index, [who, what, network, daysAgo]] of SHARES.entries()) {
    await seedShare(db, signingKey, random, { index, who, what, network, sharedAt: now - daysAgo * DAY_MS, now });
  }
  return true;
}

type Db = ReturnType<typeof drizzle<typeof schema>>;

async function seedShare(db: Db, signingKey: string, random: () => number, s: { index: number; who: string; what: string; network: schema.Network; sharedAt: number; now: number }) {
  const content = CONTENTS.find((c) => c.key === s.what);
  if (!content) throw new Error(`unknown demo content ${s.what}`);
  const linkId = `lnk_ZGVtb2xpbmsA${String(s.index).padStart(2, '0')}AA`;
  const contentId = `cnt_demo_${s.what.replace(/-/g, '_')}`;
  const ambassadorId = `amb_demo_${s.who}`;
  const slug = s.index === 0 ? DEMO.slug : `demo${s.index.toString(36)}${s.who.slice(0, 3)}`;
  const impressions = random() < 0.7 ? Math.round(300 + random() * 2500) : null;
  await db.batch([
    db.insert(schema.links).values({ id: linkId, organisationId: DEMO.organisationId, slug, ambassadorId, contentId, network: s.network, createdAt: s.sharedAt }),
    db.insert(schema.shares).values({
      id: `shr_demo_${s.index}`, organisationId: DEMO.organisationId, ambassadorId, contentId, campaignId: `cmp_demo_${content.campaign === 'ia' ? 'ia' : 'recrutement'}`,
      linkId, network: s.network, text: `${content.title} : ce que j’en retiens, avec mes mots (${s.who}).`, similarity: 0.1 + random() * 0.3, nearCopy: false,
      impressions, reactions: impressions ? Math.round(impressions * (0.01 + random() * 0.04)) : null, comments: impressions ? Math.round(random() * 12) : null,
      reshares: impressions ? Math.round(random() * 5) : null, metricsReportedAt: impressions ? s.sharedAt + 3 * DAY_MS : null, postedAt: s.sharedAt, createdAt: s.sharedAt, updatedAt: s.sharedAt,
    }),
  ]);
  const events: ClickEvent[] = [];
  const visitors = Array.from({ length: 60 }, (_, i) => `demo-visitor-${s.index}-${i}`);
  for (let day = 0; s.sharedAt + day * DAY_MS < s.now; day++) {
    const expected = 14 * Math.exp(-day / 6) + 0.6;
    const count = Math.floor(expected * (0.5 + random()));
    for (let i = 0; i < count; i++) {
      const at = Math.min(s.now - 1000, s.sharedAt + day * DAY_MS + Math.floor(random() * DAY_MS));
      const human = random() < 0.8;
      const event: ClickEvent = {
        id: await signClickId(signingKey, linkId, at), linkId, organisationId: DEMO.organisationId, at,
        userAgent: human ? HUMAN_AGENTS[Math.floor(random() * HUMAN_AGENTS.length)] : OTHER_AGENTS[Math.floor(random() * OTHER_AGENTS.length)],
        refererHost: REFERERS[Math.floor(random() * REFERERS.length)], country: random() < 0.85 ? 'FR' : 'BE',
        visitor: await sha256Hex(`${visitors[Math.floor(random() * visitors.length)]}-${day}`),
      };
      events.push(random() < 0.03 ? { id: event.id, linkId, organisationId: DEMO.organisationId, at, optout: true } : event);
    }
  }
  for (let i = 0; i < events.length; i += 100) await recordClicks(db, events.slice(i, i + 100), s.now);
  const converting = events.filter((e) => !e.optout && HUMAN_AGENTS.includes(e.userAgent ?? '') && random() < 0.04);
  for (const [n, click] of converting.entries()) {
    await recordConversion(db, signingKey, DEMO.organisationId, {
      clickId: click.id, type: content.kind === 'whitepaper' ? 'download' : content.kind === 'job' ? 'application' : 'lead',
      externalId: `demo-${s.index}-${n}`, occurredAt: click.at + Math.floor(random() * 2 * DAY_MS),
    }, s.now);
  }
}
