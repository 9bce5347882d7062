import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { dailySalts } from '../../db/schema';
import worker from '../../worker/index';
import { db } from './builders';

describe('scheduled handler', () => {
  it('deletes salts older than 48 hours and keeps today’s and yesterday’s', async () => {
    const now = Date.UTC(2026, 10, 25, 10, 0);
    const days = ['2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25'];
    await db().insert(dailySalts).values(days.map((day) => ({ day, salt: `salt-${day}`, createdAt: now })));
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: now, cron: '17 * * * *' }), env);
    await waitOnExecutionContext(ctx);
    const left = await db().select({ day: dailySalts.day }).from(dailySalts).orderBy(dailySalts.day);
    expect(left.map((r) => r.day)).toEqual(['2026-11-24', '2026-11-25']);
  });
});

describe('retention', () => {
  it('deletes raw clicks past the organisation’s retention, expired sessions and old idempotency keys, and keeps the rest', async () => {
    const { clicks, idempotencyKeys, sessions } = await import('../../db/schema');
    const { makeLink } = await import('./builders');
    const { link, organisation } = await makeLink({ organisation: { retentionMonths: 1 } });
    const now = Date.now();
    const row = { organisationId: organisation.id, linkId: link.id, day: '2026-01-01', class: 'human' as const, ingestId: 'x' };
    await db().insert(clicks).values([{ ...row, id: 'old-click', at: now - 40 * 86_400_000 }, { ...row, id: 'new-click', at: now - 86_400_000 }]);
    await db().insert(sessions).values([
      { id: 'expired', organisationId: organisation.id, subjectType: 'admin', subjectId: 'a', createdAt: 0, expiresAt: now - 1 },
      { id: 'live', organisationId: organisation.id, subjectType: 'admin', subjectId: 'a', createdAt: 0, expiresAt: now + 60_000 },
    ]);
    await db().insert(idempotencyKeys).values([
      { organisationId: organisation.id, key: 'old', requestHash: 'h', state: 'done', createdAt: now - 25 * 3_600_000 },
      { organisationId: organisation.id, key: 'new', requestHash: 'h', state: 'done', createdAt: now },
    ]);
    await worker.scheduled(createScheduledController({ scheduledTime: now, cron: '17 * * * *' }), env);
    const { eq } = await import('drizzle-orm');
    expect((await db().select({ id: clicks.id }).from(clicks).where(eq(clicks.linkId, link.id))).map((r) => r.id)).toEqual(['new-click']);
    expect((await db().select({ id: sessions.id }).from(sessions).where(eq(sessions.organisationId, organisation.id))).map((r) => r.id)).toEqual(['live']);
    expect((await db().select({ key: idempotencyKeys.key }).from(idempotencyKeys).where(eq(idempotencyKeys.organisationId, organisation.id))).map((r) => r.key)).toEqual(['new']);
  });
});
