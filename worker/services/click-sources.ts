/**
 * Where a content's or a link's clicks come from: totals and a daily series from the rollup (the same sums as
 * `/kpis`), and breakdowns of human clicks from raw clicks. A link belongs to one person, so per-link figures
 * follow the KPI visibility rules: only links of ambassadors shown by name appear, the rest are one "others"
 * row, and a remainder of 1 to 4 hidden people withholds every per-link figure (API.md, KPIs).
 */
import { and, eq } from 'drizzle-orm';
import { ambassadors, contents, links } from '../../db/schema';
import { addDays, dayOf } from '../lib/days';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { publicName } from '../lib/public-name';
import type { Breakdowns, ClickTotals, ContentStats, DailyClicks, LinkFigures, LinkStats } from '../schemas/click-sources';
import type { Period } from '../schemas/period';
import { isShownByName, type VisibilityFacts } from './ambassador-visibility';
import { readBreakdown, rollupByDayQuery, rollupByLinkQuery, visitorsByDayQuery, type LinkScope } from './click-source-queries';
import { MIN_REMAINDER, OTHERS } from './kpis';
import { getContentOrThrow } from './contents';
import { getOrganisationOrThrow } from './organisations';
import { MONTH_MS } from './retention';

type Organisation = Awaited<ReturnType<typeof getOrganisationOrThrow>>;
type LinkOwner = VisibilityFacts & { ambassadorId: string | null };

/**
 * Which of a content's ambassadors may be shown by name, and whether per-link figures are withheld because
 * 1 to 4 of its ambassadors are not (their "others" row would single them out by subtraction from the totals).
 * Links of people who left carry no person and stay in "others".
 */
export function linkVisibility(owners: readonly LinkOwner[], organisation: Pick<Organisation, 'ambassadorVisibility'>) {
  const showAll = organisation.ambassadorVisibility === 'all';
  const shown = new Set<string>();
  const hidden = new Set<string>();
  for (const owner of owners) if (owner.ambassadorId) (isShownByName(owner, showAll) ? shown : hidden).add(owner.ambassadorId);
  return { shown, withheld: hidden.size > 0 && hidden.size < MIN_REMAINDER };
}

/** The content's stats for a resolved period; another organisation's content answers 404. */
export async function getContentStats(db: Db, organisationId: string, contentId: string, period: Period, now = Date.now()): Promise<ContentStats> {
  const content = await getContentOrThrow(db, organisationId, contentId);
  const organisation = await getOrganisationOrThrow(db, organisationId);
  const scope: LinkScope = { organisationId, ...period, contentId };
  const [sources, perLink] = await Promise.all([readSources(db, scope, organisation, now), rollupByLinkQuery(db, scope)]);
  const { shown, withheld } = linkVisibility(perLink, organisation);
  return {
    ...sources,
    content: { id: content.id, title: content.title, campaignId: content.campaignId },
    links: withheld ? [] : await linkRows(db, scope, perLink, shown),
    linksWithheld: withheld,
  };
}

/** The link's stats for a resolved period; a link nobody may see by name (or another organisation's) answers 404, as an unknown one. */
export async function getLinkStats(db: Db, organisationId: string, linkId: string, period: Period, now = Date.now()): Promise<LinkStats> {
  const notFound = new ApiError('not_found', 'No such link.');
  const link = await db
    .select({ link: links, title: contents.title, campaignId: contents.campaignId, displayName: ambassadors.displayName, name: ambassadors.name })
    .from(links)
    .innerJoin(contents, eq(contents.id, links.contentId))
    .leftJoin(ambassadors, eq(ambassadors.id, links.ambassadorId))
    .where(and(eq(links.organisationId, organisationId), eq(links.id, linkId)))
    .get();
  if (!link?.link.ambassadorId) throw notFound;
  const organisation = await getOrganisationOrThrow(db, organisationId);
  const owners = await rollupByLinkQuery(db, { organisationId, ...period, contentId: link.link.contentId });
  const { shown, withheld } = linkVisibility(owners, organisation);
  if (withheld || !shown.has(link.link.ambassadorId)) throw notFound;
  const { id, slug, network, contentId } = link.link;
  return {
    ...(await readSources(db, { organisationId, ...period, linkId }, organisation, now)),
    link: { id, slug, network, contentId, contentTitle: link.title, campaignId: link.campaignId, ambassadorName: publicName(link.displayName, link.name) },
  };
}

/** Totals, the daily series and the breakdowns of a scope. */
async function readSources(db: Db, scope: LinkScope, organisation: Organisation, now: number) {
  const [rollup, visitors, breakdowns] = await Promise.all([rollupByDayQuery(db, scope), visitorsByDayQuery(db, scope), readBreakdowns(db, scope, organisation, now)]);
  const clicksOn = new Map(rollup.map((row) => [row.day, row.clicks]));
  const visitorsOn = new Map(visitors.map((row) => [row.day, row.visitors]));
  const days: DailyClicks[] = [];
  for (let day = scope.from; day <= scope.to; day = addDays(day, 1)) days.push({ day, clicks: clicksOn.get(day) ?? 0, uniqueVisitors: visitorsOn.get(day) ?? 0 });
  const add = (pick: (row: (typeof rollup)[number]) => number) => rollup.reduce((acc, row) => acc + pick(row), 0);
  const totals: ClickTotals = {
    clicks: add((r) => r.clicks),
    uniqueVisitors: days.reduce((acc, d) => acc + d.uniqueVisitors, 0),
    filtered: { preview: add((r) => r.previews), scanner: add((r) => r.scanners), automated: add((r) => r.automated), self: add((r) => r.self), optout: add((r) => r.optouts) },
    conversions: add((r) => r.conversions),
  };
  return { from: scope.from, to: scope.to, totals, days, breakdowns };
}

/** Raw clicks are purged after the organisation's `retentionMonths`: the breakdowns start where they still exist. */
async function readBreakdowns(db: Db, scope: LinkScope, organisation: Organisation, now: number): Promise<Breakdowns> {
  const kept = dayOf(now - organisation.retentionMonths * MONTH_MS);
  const within = { ...scope, from: kept > scope.from ? kept : scope.from };
  const [referrers, countries, devices] = await Promise.all([readBreakdown(db, within, 'refererHost'), readBreakdown(db, within, 'country'), readBreakdown(db, within, 'device')]);
  return { from: within.from, referrers, countries, devices };
}

type LinkSums = Awaited<ReturnType<typeof rollupByLinkQuery>>[number];

/** One row per shown ambassador's link, most clicked first, then everyone else's links as one "others" row. */
async function linkRows(db: Db, scope: LinkScope, perLink: readonly LinkSums[], shown: ReadonlySet<string>): Promise<LinkFigures[]> {
  const isShown = (row: LinkSums) => !!row.ambassadorId && shown.has(row.ambassadorId);
  const rows = perLink
    .filter(isShown)
    .map((row): LinkFigures => ({ key: row.id, slug: row.slug, network: row.network, ambassadorName: publicName(row.displayName, row.name), links: 1, clicks: row.clicks, uniqueVisitors: row.uniqueVisitors, conversions: row.conversions }))
    .sort((a, b) => b.clicks - a.clicks || a.key.localeCompare(b.key));
  const rest = perLink.filter((row) => !isShown(row));
  if (rest.length === 0) return rows;
  const visitors = await visitorsByDayQuery(db, scope, [...shown]);
  const sumOf = (pick: (row: LinkSums) => number) => rest.reduce((acc, row) => acc + pick(row), 0);
  const others: LinkFigures = {
    key: OTHERS,
    slug: null,
    network: null,
    ambassadorName: null,
    links: rest.length,
    clicks: sumOf((r) => r.clicks),
    uniqueVisitors: visitors.reduce((acc, row) => acc + row.visitors, 0),
    conversions: sumOf((r) => r.conversions),
  };
  return [...rows, others];
}
