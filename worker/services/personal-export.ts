/**
 * Everything Relais stores about an ambassador, as one JSON document (GDPR right of access and
 * portability). Nothing about their audience's visitors is included, because nothing stored names them;
 * conversions come without the reporting system's own ids, which are about a candidate or a customer.
 */
import { and, asc, eq } from 'drizzle-orm';
import { charterAcceptances, contents, conversions, dailyLinkStats, invitations, links, sessions, shares } from '../../db/schema';
import type { Db } from '../lib/db';
import { iso, isoOrNull } from '../lib/time';
import type { PersonalExport } from '../schemas/me';
import { getMe, getAmbassadorRowOrThrow } from './me';
import { shortUrlOf, toShareDto } from './shares';

/** Reads every table that holds something about the ambassador. */
export async function exportPersonalData(db: Db, organisationId: string, ambassadorId: string, origin: string, now = Date.now()): Promise<PersonalExport> {
  const [me, row, accepted, open, invited, ownLinks, posts, days, converted] = await Promise.all([
    getMe(db, organisationId, ambassadorId),
    getAmbassadorRowOrThrow(db, organisationId, ambassadorId),
    db
      .select()
      .from(charterAcceptances)
      .where(and(eq(charterAcceptances.organisationId, organisationId), eq(charterAcceptances.ambassadorId, ambassadorId)))
      .orderBy(asc(charterAcceptances.version)),
    db.select().from(sessions).where(and(eq(sessions.subjectType, 'ambassador'), eq(sessions.subjectId, ambassadorId))).orderBy(asc(sessions.createdAt)),
    db.select().from(invitations).where(and(eq(invitations.subjectType, 'ambassador'), eq(invitations.subjectId, ambassadorId))).orderBy(asc(invitations.createdAt)),
    db
      .select({ link: links, contentTitle: contents.title })
      .from(links)
      .innerJoin(contents, eq(contents.id, links.contentId))
      .where(and(eq(links.organisationId, organisationId), eq(links.ambassadorId, ambassadorId)))
      .orderBy(asc(links.createdAt)),
    db
      .select({ share: shares, slug: links.slug })
      .from(shares)
      .innerJoin(links, eq(links.id, shares.linkId))
      .where(and(eq(shares.organisationId, organisationId), eq(shares.ambassadorId, ambassadorId)))
      .orderBy(asc(shares.createdAt)),
    db
      .select({ stats: dailyLinkStats, slug: links.slug })
      .from(dailyLinkStats)
      .innerJoin(links, eq(links.id, dailyLinkStats.linkId))
      .where(and(eq(dailyLinkStats.organisationId, organisationId), eq(dailyLinkStats.ambassadorId, ambassadorId)))
      .orderBy(asc(dailyLinkStats.day), asc(links.slug)),
    db
      .select({ conversion: conversions, slug: links.slug })
      .from(conversions)
      .innerJoin(links, eq(links.id, conversions.linkId))
      .where(and(eq(conversions.organisationId, organisationId), eq(conversions.ambassadorId, ambassadorId)))
      .orderBy(asc(conversions.occurredAt)),
  ]);
  return {
    exportedAt: iso(now),
    ambassador: { ...me, invitedAt: iso(row.createdAt), leftAt: isoOrNull(row.leftAt) },
    charterAcceptances: accepted.map((a) => ({ version: a.version, acceptedAt: iso(a.acceptedAt) })),
    sessions: open.map((s) => ({ createdAt: iso(s.createdAt), expiresAt: iso(s.expiresAt) })),
    invitations: invited.map((i) => ({ createdAt: iso(i.createdAt), expiresAt: iso(i.expiresAt), usedAt: isoOrNull(i.usedAt) })),
    links: ownLinks.map(({ link, contentTitle }) => ({ slug: link.slug, shortUrl: shortUrlOf(origin, link.slug), contentId: link.contentId, contentTitle, network: link.network, createdAt: iso(link.createdAt) })),
    shares: posts.map(({ share, slug }) => toShareDto(share, slug, origin)),
    dailyStats: days.map(({ stats: d, slug }) => ({
      day: d.day,
      slug,
      clicks: d.clicks,
      uniqueVisitors: d.uniqueVisitors,
      filtered: d.previews + d.scanners + d.automated + d.self + d.optouts,
      conversions: d.conversions,
      conversionValue: d.conversionValue,
    })),
    conversions: converted.map(({ conversion: c, slug }) => ({ id: c.id, type: c.type, value: c.value, currency: c.currency, attributed: c.attributed, occurredAt: iso(c.occurredAt), slug })),
  };
}
