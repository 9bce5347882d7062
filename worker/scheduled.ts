import { getDb } from './lib/db';
import { purgeIdempotencyKeys } from './services/idempotency';
import { purgeEndedRateLimits } from './services/rate-limits';
import { purgeExpiredClicks } from './services/retention';
import { purgeExpiredSessions } from './services/sessions';
import { purgeSalts } from './services/visitors';

/**
 * The hourly cron: visitor-hash salts older than 48 h, raw clicks past retention, idempotency keys
 * older than 24 h, expired sessions and ended rate-limit windows are deleted.
 */
export async function runScheduled(controller: ScheduledController, env: Env): Promise<void> {
  const db = getDb(env.DB);
  const now = controller.scheduledTime;
  const purged = {
    salts: await purgeSalts(db, now),
    clicks: await purgeExpiredClicks(db, now),
    idempotencyKeys: await purgeIdempotencyKeys(db, now),
    sessions: await purgeExpiredSessions(db, now),
    rateLimits: await purgeEndedRateLimits(db, now),
  };
  if (Object.values(purged).some((n) => n > 0)) console.info('purged', purged);
}
