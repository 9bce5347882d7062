import { createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clicks, conversions, dailyLinkStats, dailySalts, dailyVisitors, idempotencyKeys, invitations, sessions } from '../../db/schema';
import { runInBatches, type BatchStep } from '../../worker/lib/bounded-delete';
import { newId } from '../../worker/lib/ids';
import { runHousekeeping } from '../../worker/scheduled';
import { retentionPurges } from '../../worker/services/retention';
import worker from '../../worker/index';
import { db, makeLink, makeOrganisation } from './builders';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

afterEach(() => vi.restoreAllMocks());

/** Counts the statements D1 is asked to prepare whose SQL matches `pattern`. */
function countStatements(pattern: RegExp) {
  const prepare = env.DB.prepare.bind(env.DB);
  const seen: string[] = [];
  vi.spyOn(env.DB, 'prepare').mockImplementation((query: string) => {
    if (pattern.test(query)) seen.push(query);
    return prepare(query);
  });
  return seen;
}

/** `count` expired sessions of `organisationId`, inserted in one statement. */
async function insertExpiredSessions(organisationId: string, count: number, prefix: string, expiresAt: number) {
  await env.DB.prepare(
    `with recursive n(i) as (select 1 union all select i + 1 from n where i < ?1)
     insert into sessions (id, organisation_id, subject_type, subject_id, created_at, expires_at) select ?2 || i, ?3, 'admin', 'a', 0, ?4 from n`,
  )
    .bind(count, prefix, organisationId, expiresAt)
    .run();
}

async function sessionsWithPrefix(prefix: string): Promise<number> {
  const row = await env.DB.prepare('select count(*) as n from sessions where id like ?1').bind(`${prefix}%`).first<{ n: number }>();
  return row?.n ?? 0;
}

describe('scheduled handler', () => {
  it('deletes salts older than 48 hours and keeps today’s and yesterday’s', async () => {
    const now = Date.UTC(2026, 10, 25, 10, 0);
    const days = ['2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25'];
    await db().insert(dailySalts).values(days.map((day) => ({ day, salt: `salt-${day}`, createdAt: now })));
    await worker.scheduled(createScheduledController({ scheduledTime: now, cron: '17 * * * *' }), env);
    const left = await db().select({ day: dailySalts.day }).from(dailySalts).orderBy(dailySalts.day);
    expect(left.map((r) => r.day)).toEqual(['2026-11-24', '2026-11-25']);
  });
});

describe('retention: time moves forward, what is personal goes, rollups stay', () => {
  it('purges each kind of row at its own time and keeps the rest', async () => {
    const { link, organisation, ambassador } = await makeLink({ organisation: { retentionMonths: 1 } });
    const t0 = Date.UTC(2030, 0, 10, 12);
    const org = organisation.id;
    const click = { organisationId: org, linkId: link.id, class: 'human' as const, ingestId: 'x' };
    await db().insert(clicks).values([
      { ...click, id: 'old-click', at: t0, day: '2030-01-10' },
      { ...click, id: 'new-click', at: t0 + 20 * DAY, day: '2030-01-30' },
    ]);
    await db().insert(dailyLinkStats).values({ organisationId: org, linkId: link.id, ambassadorId: ambassador.id, day: '2030-01-10', clicks: 1 });
    await db().insert(dailyVisitors).values([
      { organisationId: org, linkId: link.id, day: '2030-01-10', visitorHash: 'old-visitor', ingestId: 'x' },
      { organisationId: org, linkId: link.id, day: '2030-01-30', visitorHash: 'new-visitor', ingestId: 'x' },
    ]);
    const visitorsLeft = async () => (await db().select({ hash: dailyVisitors.visitorHash }).from(dailyVisitors).where(eq(dailyVisitors.linkId, link.id)).orderBy(dailyVisitors.visitorHash)).map((r) => r.hash);
    const conversion = { organisationId: org, clickId: 'c', linkId: link.id, type: 'application' as const, value: 0, currency: 'EUR', occurredAt: t0, clickAt: t0, clickDay: '2030-01-10', attributed: true };
    await db().insert(conversions).values([
      { ...conversion, id: 'old-conversion', externalId: 'ats-old', createdAt: t0 },
      { ...conversion, id: 'new-conversion', externalId: 'ats-new', createdAt: t0 + 20 * DAY },
    ]);
    const invitation = { organisationId: org, subjectType: 'ambassador' as const, subjectId: ambassador.id, createdAt: t0 };
    await db().insert(invitations).values([
      { ...invitation, id: 'inv-used', expiresAt: t0 + 60 * DAY, usedAt: t0 + DAY },
      { ...invitation, id: 'inv-expired', expiresAt: t0 + 14 * DAY },
      { ...invitation, id: 'inv-live', expiresAt: t0 + 60 * DAY },
    ]);
    await db().insert(sessions).values([
      { id: 'expired', organisationId: org, subjectType: 'admin', subjectId: 'a', createdAt: t0, expiresAt: t0 + 7 * DAY },
      { id: 'live', organisationId: org, subjectType: 'admin', subjectId: 'a', createdAt: t0, expiresAt: t0 + 60 * DAY },
    ]);
    const later = t0 + 40 * DAY;
    await db().insert(idempotencyKeys).values([
      { organisationId: org, key: 'old', requestHash: 'h', state: 'done', createdAt: later - 25 * HOUR },
      { organisationId: org, key: 'new', requestHash: 'h', state: 'done', createdAt: later - HOUR },
    ]);

    // Two days later: only the used invitation is past its time (it can never be used again).
    await runHousekeeping(db(), t0 + 2 * DAY);
    expect(await db().select({ id: clicks.id }).from(clicks).where(eq(clicks.linkId, link.id)).orderBy(clicks.id)).toEqual([{ id: 'new-click' }, { id: 'old-click' }]);
    expect(await visitorsLeft()).toEqual(['new-visitor', 'old-visitor']);
    expect(await db().select({ id: conversions.id, externalId: conversions.externalId }).from(conversions).where(eq(conversions.organisationId, org)).orderBy(conversions.id)).toEqual([
      { id: 'new-conversion', externalId: 'ats-new' },
      { id: 'old-conversion', externalId: 'ats-old' },
    ]);
    expect((await db().select({ id: invitations.id }).from(invitations).where(eq(invitations.organisationId, org)).orderBy(invitations.id)).map((r) => r.id)).toEqual(['inv-expired', 'inv-live']);
    expect((await db().select({ id: sessions.id }).from(sessions).where(eq(sessions.organisationId, org)).orderBy(sessions.id)).map((r) => r.id)).toEqual(['expired', 'live']);

    // 40 days later: past one month's retention for the old click and conversion, the expired invitation and session.
    await runHousekeeping(db(), later);
    expect((await db().select({ id: clicks.id }).from(clicks).where(eq(clicks.linkId, link.id))).map((r) => r.id)).toEqual(['new-click']);
    // The visitor hashes a link saw per day go with the raw clicks of that day.
    expect(await visitorsLeft()).toEqual(['new-visitor']);
    expect(await db().select({ id: conversions.id, externalId: conversions.externalId }).from(conversions).where(eq(conversions.organisationId, org)).orderBy(conversions.id)).toEqual([
      { id: 'new-conversion', externalId: 'ats-new' },
      { id: 'old-conversion', externalId: null },
    ]);
    expect((await db().select({ id: invitations.id }).from(invitations).where(eq(invitations.organisationId, org))).map((r) => r.id)).toEqual(['inv-live']);
    expect((await db().select({ id: sessions.id }).from(sessions).where(eq(sessions.organisationId, org))).map((r) => r.id)).toEqual(['live']);
    expect((await db().select({ key: idempotencyKeys.key }).from(idempotencyKeys).where(eq(idempotencyKeys.organisationId, org))).map((r) => r.key)).toEqual(['new']);
    // The rollup of the purged click's day stays.
    expect(await db().select({ day: dailyLinkStats.day, clicks: dailyLinkStats.clicks }).from(dailyLinkStats).where(eq(dailyLinkStats.linkId, link.id))).toEqual([{ day: '2030-01-10', clicks: 1 }]);
  });

  it('follows each organisation’s own retention', async () => {
    const short = await makeLink({ organisation: { retentionMonths: 1 } });
    const long = await makeLink({ organisation: { retentionMonths: 25 } });
    const t0 = Date.UTC(2031, 0, 10);
    for (const { link, organisation } of [short, long]) {
      await db().insert(clicks).values({ id: `old-${link.id}`, organisationId: organisation.id, linkId: link.id, class: 'human', ingestId: 'x', at: t0, day: '2031-01-10' });
    }
    await runHousekeeping(db(), t0 + 60 * DAY);
    const left = await db().select({ id: clicks.id }).from(clicks).where(inArray(clicks.linkId, [short.link.id, long.link.id]));
    expect(left.map((r) => r.id)).toEqual([`old-${long.link.id}`]);
  });
});

describe('housekeeping cannot stall D1', () => {
  it('deletes 2 500 expired rows in batches of 1 000: three bounded statements, none unbounded', async () => {
    const organisation = await makeOrganisation();
    const at = Date.UTC(2032, 0, 1);
    const prefix = `bulk-${newId('t')}-`;
    await insertExpiredSessions(organisation.id, 2_500, prefix, at - DAY);
    const deletes = countStatements(/^delete from "sessions"/);
    const outcomes = await runHousekeeping(db(), at, { batchSize: 1_000, budgetMs: 60_000 });
    expect(outcomes.sessions).toMatchObject({ done: true, failed: false });
    expect(outcomes.sessions?.changed).toBeGreaterThanOrEqual(2_500);
    expect(deletes.length).toBeGreaterThanOrEqual(3);
    for (const statement of deletes) expect(statement).toMatch(/limit \?\)$/);
    expect(await sessionsWithPrefix(prefix)).toBe(0);
  });

  it('stops when its time budget is spent, and the next run finishes the job', async () => {
    const organisation = await makeOrganisation();
    const at = Date.UTC(2033, 0, 1);
    const prefix = `budget-${newId('t')}-`;
    await insertExpiredSessions(organisation.id, 2_500, prefix, at - DAY);
    // A clock that advances 1 ms each time it is read, so the budget is counted in reads, not in real time:
    // read 0 sets the deadline, then each round reads once and once more before its statement.
    let ms = 0;
    const clock = () => ms++;
    const purges = retentionPurges(db(), at);
    const first = await runInBatches({ sessions: purges.sessions as BatchStep }, { batchSize: 1_000, budgetMs: 5, clock });
    expect(first.sessions).toMatchObject({ changed: 2_000, statements: 2, done: false });
    expect(await sessionsWithPrefix(prefix)).toBe(500);
    const second = await runHousekeeping(db(), at);
    expect(second.sessions?.done).toBe(true);
    expect(await sessionsWithPrefix(prefix)).toBe(0);
  });

  it('runs every purge even when one fails, and logs the failure without personal data', async () => {
    const { link, organisation } = await makeLink({ organisation: { retentionMonths: 1 } });
    const at = Date.UTC(2034, 0, 1);
    await db().insert(clicks).values({ id: `old-${link.id}`, organisationId: organisation.id, linkId: link.id, class: 'human', ingestId: 'x', at: at - 90 * DAY, day: '2033-10-03' });
    await db().insert(sessions).values({ id: `expired-${link.id}`, organisationId: organisation.id, subjectType: 'admin', subjectId: 'a', createdAt: 0, expiresAt: at - 1 });
    const conversion = { organisationId: organisation.id, clickId: 'c', linkId: link.id, type: 'application' as const, value: 0, currency: 'EUR', occurredAt: 0, clickAt: 0, clickDay: '2033-10-03', attributed: true };
    await db().insert(conversions).values({ ...conversion, id: `cv-${link.id}`, externalId: 'person-4711@example.com', createdAt: at - 90 * DAY });
    const prepare = env.DB.prepare.bind(env.DB);
    vi.spyOn(env.DB, 'prepare').mockImplementation((query: string) => prepare(/^delete from "clicks"/.test(query) ? `${query} )( broken` : query));
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      errors.push(JSON.stringify(args));
    });
    const outcomes = await runHousekeeping(db(), at);
    expect(outcomes.clicks).toMatchObject({ failed: true, done: false });
    expect(outcomes.sessions).toMatchObject({ failed: false, done: true });
    expect(outcomes.conversionExternalIds).toMatchObject({ failed: false, done: true });
    expect(await db().select({ id: sessions.id }).from(sessions).where(eq(sessions.id, `expired-${link.id}`))).toEqual([]);
    expect(await db().select({ externalId: conversions.externalId }).from(conversions).where(eq(conversions.id, `cv-${link.id}`))).toEqual([{ externalId: null }]);
    expect(errors.length).toBe(1);
    expect(errors[0]).toContain('purge failed');
    expect(errors[0]).toContain('clicks');
    expect(errors[0]).not.toContain('params');
  });

  it('gives every purge its turn: a long purge never starves the others', async () => {
    const calls: string[] = [];
    const endless = async (limit: number) => {
      calls.push('endless');
      return limit;
    };
    const short = async () => {
      calls.push('short');
      return 0;
    };
    let ms = 0;
    const outcomes = await runInBatches({ endless, short }, { batchSize: 10, budgetMs: 10, clock: () => ms++ });
    expect(calls.slice(0, 3)).toEqual(['endless', 'short', 'endless']);
    expect(outcomes.short).toMatchObject({ done: true, statements: 1 });
    expect(outcomes.endless?.done).toBe(false);
  });
});
