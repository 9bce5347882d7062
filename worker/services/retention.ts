/**
 * What housekeeping removes, and when: everything personal past its time. Raw clicks, the visitor hashes
 * each link saw per day (`daily_visitors`) and conversions' external ids (an ATS or CRM person id) past each
 * organisation's `retentionMonths`, used and expired
 * invitations, expired sessions, idempotency keys past 24 h, visitor-hash salts past 48 h, ended
 * rate-limit windows, audit entries past each organisation's `auditRetentionMonths`. The daily rollups stay. Each purge is bounded (`lib/bounded-delete.ts`).
 */
import { and, eq, isNotNull, lt, or, sql } from 'drizzle-orm';
import { auditLog, clicks, conversions, dailySalts, dailyVisitors, idempotencyKeys, invitations, organisations, sessions } from '../../db/schema';
import { deleteStep, nullifyStep, rowidsWhere, type BatchStep, type RowidQuery } from '../lib/bounded-delete';
import { addDays, dayOf } from '../lib/days';
import type { Db } from '../lib/db';
import { IDEMPOTENCY_TTL_MS } from './idempotency';
import { purgeEndedRateLimits } from './rate-limits';

/** A month of retention, in ms (the average Gregorian month). */
export const MONTH_MS = 30.44 * 86_400_000;

/** Every purge, by name, for a run at `at` (the cron's scheduled time). */
export function retentionPurges(db: Db, at: number): Record<string, BatchStep> {
  // Organisations drive the joins below, so each organisation's expired rows are one index range.
  const cutoff = (column: typeof clicks.at | typeof conversions.createdAt) => sql`${column} < ${at} - ${organisations.retentionMonths} * ${MONTH_MS}`;
  const expiredClicks: RowidQuery = (limit) =>
    db
      .select({ rowid: sql<number>`${clicks}.rowid` })
      .from(organisations)
      .innerJoin(clicks, and(eq(clicks.organisationId, organisations.id), cutoff(clicks.at)))
      .limit(limit);
  const expiredExternalIds: RowidQuery = (limit) =>
    db
      .select({ rowid: sql<number>`${conversions}.rowid` })
      .from(organisations)
      .innerJoin(conversions, and(eq(conversions.organisationId, organisations.id), cutoff(conversions.createdAt), isNotNull(conversions.externalId)))
      .limit(limit);
  // Its days are UTC dates: the cutoff day of the same window, per organisation (the primary key's range).
  const expiredVisitors: RowidQuery = (limit) =>
    db
      .select({ rowid: sql<number>`${dailyVisitors}.rowid` })
      .from(organisations)
      .innerJoin(
        dailyVisitors,
        and(eq(dailyVisitors.organisationId, organisations.id), sql`${dailyVisitors.day} < date((${at} - ${organisations.retentionMonths} * ${MONTH_MS}) / 1000, 'unixepoch')`),
      )
      .limit(limit);
  const expiredAudit: RowidQuery = (limit) =>
    db
      .select({ rowid: sql<number>`${auditLog}.rowid` })
      .from(organisations)
      .innerJoin(auditLog, and(eq(auditLog.organisationId, organisations.id), sql`${auditLog.at} < ${at} - ${organisations.auditRetentionMonths} * ${MONTH_MS}`))
      .limit(limit);
  return {
    clicks: deleteStep(db, clicks, expiredClicks),
    auditLog: deleteStep(db, auditLog, expiredAudit),
    dailyVisitors: deleteStep(db, dailyVisitors, expiredVisitors),
    conversionExternalIds: nullifyStep(db, conversions, [conversions.externalId], expiredExternalIds),
    invitations: deleteStep(db, invitations, rowidsWhere(db, invitations, or(isNotNull(invitations.usedAt), lt(invitations.expiresAt, at)))),
    sessions: deleteStep(db, sessions, rowidsWhere(db, sessions, lt(sessions.expiresAt, at))),
    idempotencyKeys: deleteStep(db, idempotencyKeys, rowidsWhere(db, idempotencyKeys, lt(idempotencyKeys.createdAt, at - IDEMPOTENCY_TTL_MS))),
    // Today's and yesterday's salts stay: hashes of the last 24 h must still match.
    salts: deleteStep(db, dailySalts, rowidsWhere(db, dailySalts, lt(dailySalts.day, addDays(dayOf(at), -1)))),
    // Bounded by its own rounds (services/rate-limits.ts).
    rateLimits: async () => ({ changed: await purgeEndedRateLimits(db, at), done: true }),
  };
}
