/** What the public `/privacy` page states about the deployment: who runs programmes on it, and how long clicks are kept. */
import { asc, max, sql } from 'drizzle-orm';
import { organisations } from '../../db/schema';
import type { Db } from '../lib/db';
import { TtlCache } from '../lib/ttl-cache';

/** More organisations than this are summed up as a count: the page stays small whatever the deployment holds. */
export const MAX_LISTED_ORGANISATIONS = 200;

export interface PrivacyNotice {
  /** The longest `retentionMonths` among the organisations (25 when there is none yet). */
  retentionMonths: number;
  organisations: Array<{ name: string; privacyContact: string | null }>;
  /** Organisations beyond the listed ones. */
  unlisted: number;
}

const DEFAULT_RETENTION_MONTHS = 25;
// A public page: at most two small queries per isolate and minute, however often it is read.
const cache = new TtlCache<PrivacyNotice>(60_000, 1);

/** The notice, read at most once a minute per isolate. */
export async function privacyNotice(db: Db, now = Date.now()): Promise<PrivacyNotice> {
  const cached = cache.get('notice', now);
  if (cached) return cached;
  const [listed, [totals]] = await db.batch([
    db
      .select({ name: organisations.name, privacyContact: organisations.privacyContact })
      .from(organisations)
      .orderBy(asc(organisations.name))
      .limit(MAX_LISTED_ORGANISATIONS),
    db.select({ retention: max(organisations.retentionMonths), count: sql<number>`count(*)` }).from(organisations),
  ]);
  const notice = {
    retentionMonths: totals?.retention ?? DEFAULT_RETENTION_MONTHS,
    organisations: listed,
    unlisted: Math.max(0, (totals?.count ?? 0) - listed.length),
  };
  cache.set('notice', notice, now);
  return notice;
}

/** Drops this isolate's copy (after an organisation is created or its settings change). */
export function forgetPrivacyNotice(): void {
  cache.clear();
}
