/** Deletes raw clicks older than each organisation's `retentionMonths`; the daily rollups stay. */
import { and, eq, lt } from 'drizzle-orm';
import { clicks, organisations } from '../../db/schema';
import type { Db } from '../lib/db';

const MONTH_MS = 30.44 * 86_400_000;

export async function purgeExpiredClicks(db: Db, now = Date.now()): Promise<number> {
  const orgs = await db.select({ id: organisations.id, months: organisations.retentionMonths }).from(organisations);
  let purged = 0;
  for (const org of orgs) {
    const result = await db.delete(clicks).where(and(eq(clicks.organisationId, org.id), lt(clicks.at, now - org.months * MONTH_MS)));
    purged += result.meta.changes;
  }
  return purged;
}
