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
