/**
 * Badges, computed on each read from what Relais already stores (nothing extra is kept about anyone).
 * They reward taking part in one's own words and what posts achieved, never volume alone: no badge
 * counts posts that read as copies, and none counts posts made, only distinct contents written about.
 */
import { and, asc, eq, isNotNull, min, sum } from 'drizzle-orm';
import { charterAcceptances, dailyLinkStats, shares } from '../../db/schema';
import { dayOf } from '../lib/days';
import type { Db } from '../lib/db';
import type { Badges } from '../schemas/me';
import { postedOnly } from './ambassador-stats';

/** The facts badges are earned from. */
export interface BadgeFacts {
  /** When the ambassador first accepted a charter version (epoch ms), or null. */
  charterAcceptedAt: number | null;
  /** Their posts confirmed published, oldest first (by when they confirmed). */
  posts: readonly { contentId: string; nearCopy: boolean; postedAt: number }[];
  /** Their links' daily totals from the rollup, oldest day first. */
  days: readonly { day: string; clicks: number; uniqueVisitors: number; conversions: number }[];
}

interface Progress {
  current: number;
  earnedOn: string | null;
}

/** The first day on which a running total of `values` reaches `target`. */
function firstDayReaching<T>(items: readonly T[], value: (item: T) => number, day: (item: T) => string, target: number): Progress {
  let total = 0;
  let earnedOn: string | null = null;
  for (const item of items) {
    total += value(item);
    if (earnedOn === null && total >= target) earnedOn = day(item);
  }
  return { current: Math.min(total, target), earnedOn };
}

/** The first own-words post on each content, oldest first. */
function personalContents(posts: BadgeFacts['posts']): BadgeFacts['posts'] {
  const seen = new Set<string>();
  const firsts = [];
  for (const post of posts) {
    if (post.nearCopy || seen.has(post.contentId)) continue;
    seen.add(post.contentId);
    firsts.push(post);
  }
  return firsts;
}

const postDay = (post: { postedAt: number }) => dayOf(post.postedAt);

interface BadgeRule {
  code: string;
  name: string;
  rule: string;
  target: number;
  progress: (facts: BadgeFacts) => Progress;
}

/** The badge rules, in the order they are shown (the README states the same rules). */
export const BADGE_RULES: readonly BadgeRule[] = [
  {
    code: 'charter_signed',
    name: 'Charter signed',
    rule: 'You accepted the social-media charter.',
    target: 1,
    progress: (f) => (f.charterAcceptedAt === null ? { current: 0, earnedOn: null } : { current: 1, earnedOn: dayOf(f.charterAcceptedAt) }),
  },
  {
    code: 'first_share',
    name: 'In my own words',
    rule: 'Your first post written in your own words: a post that reads as a copy of the talking points or of a colleague’s post does not count.',
    target: 1,
    progress: (f) => firstDayReaching(personalContents(f.posts), () => 1, postDay, 1),
  },
  {
    code: 'first_click',
    name: 'First click',
    rule: 'Someone clicked one of your links (people only: link previews, bots, scanners and your own clicks do not count).',
    target: 1,
    progress: (f) => firstDayReaching(f.days, (d) => Math.min(d.clicks, 1), (d) => d.day, 1),
  },
  {
    code: 'first_conversion',
    name: 'First conversion',
    rule: 'A visit through one of your links led to a conversion (an application, a download, a lead…).',
    target: 1,
    progress: (f) => firstDayReaching(f.days, (d) => Math.min(d.conversions, 1), (d) => d.day, 1),
  },
  {
    code: 'hundred_visitors',
    name: '100 visitors',
    rule: 'Your links brought 100 visitors in all (unique visitors per link and day, added up).',
    target: 100,
    progress: (f) => firstDayReaching(f.days, (d) => d.uniqueVisitors, (d) => d.day, 100),
  },
  {
    code: 'five_personal_posts',
    name: 'Five in my own words',
    rule: 'You wrote in your own words about five different contents (posts that read as copies, and further posts about the same content, do not count).',
    target: 5,
    progress: (f) => firstDayReaching(personalContents(f.posts), () => 1, postDay, 5),
  },
];

/** Evaluates every rule against the facts. */
export function evaluateBadges(facts: BadgeFacts): Badges {
  return {
    items: BADGE_RULES.map(({ code, name, rule, target, progress }) => {
      const { current, earnedOn } = progress(facts);
      return { code, name, rule, earned: earnedOn !== null, earnedOn, progress: { current, target } };
    }),
  };
}

/** Reads the ambassador's facts and evaluates their badges. */
export async function getMyBadges(db: Db, organisationId: string, ambassadorId: string): Promise<Badges> {
  const [acceptance, posts, days] = await Promise.all([
    db
      .select({ at: min(charterAcceptances.acceptedAt) })
      .from(charterAcceptances)
      .where(and(eq(charterAcceptances.organisationId, organisationId), eq(charterAcceptances.ambassadorId, ambassadorId)))
      .get(),
    db
      .select({ contentId: shares.contentId, nearCopy: shares.nearCopy, postedAt: shares.postedAt })
      .from(shares)
      .where(and(eq(shares.organisationId, organisationId), eq(shares.ambassadorId, ambassadorId), isNotNull(shares.postedAt)))
      .orderBy(asc(shares.postedAt)),
    db
      .select({ day: dailyLinkStats.day, clicks: sum(dailyLinkStats.clicks).mapWith(Number), uniqueVisitors: sum(dailyLinkStats.uniqueVisitors).mapWith(Number), conversions: sum(dailyLinkStats.conversions).mapWith(Number) })
      .from(dailyLinkStats)
      .where(and(eq(dailyLinkStats.organisationId, organisationId), eq(dailyLinkStats.ambassadorId, ambassadorId)))
      .groupBy(dailyLinkStats.day)
      .orderBy(asc(dailyLinkStats.day)),
  ]);
  return evaluateBadges({ charterAcceptedAt: acceptance?.at ?? null, posts: postedOnly(posts), days });
}
