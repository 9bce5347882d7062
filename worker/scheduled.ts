import { runInBatches, type BoundedOptions, type PurgeOutcome } from './lib/bounded-delete';
import { getDb, type Db } from './lib/db';
import { retentionPurges } from './services/retention';

/** Rows per statement, and the wall time one hourly run may hold D1's writer for. */
export const HOUSEKEEPING: BoundedOptions = { batchSize: 1_000, budgetMs: 20_000 };

/** Every purge for a run at `at`, bounded by `options`; a purge left unfinished carries on at the next run. */
export async function runHousekeeping(db: Db, at: number, options: BoundedOptions = HOUSEKEEPING): Promise<Record<string, PurgeOutcome>> {
  const outcomes = await runInBatches(retentionPurges(db, at), options);
  const purged = Object.fromEntries(Object.entries(outcomes).map(([name, o]) => [name, o.changed]));
  const unfinished = Object.keys(outcomes).filter((name) => !outcomes[name]?.done);
  if (Object.values(purged).some((n) => n > 0) || unfinished.length) console.info('purged', { ...purged, unfinished });
  return outcomes;
}

/** The hourly cron: everything personal past its time is deleted (`services/retention.ts`). */
export async function runScheduled(controller: ScheduledController, env: Env): Promise<void> {
  await runHousekeeping(getDb(env.DB), controller.scheduledTime);
}
