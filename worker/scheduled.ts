import { getDb } from './lib/db';
import { purgeSalts } from './services/visitors';

/** The hourly cron: deletes visitor-hash salts older than 48 h. */
export async function runScheduled(controller: ScheduledController, env: Env): Promise<void> {
  const purged = await purgeSalts(getDb(env.DB), controller.scheduledTime);
  if (purged > 0) console.info('salts purged', { purged });
}
