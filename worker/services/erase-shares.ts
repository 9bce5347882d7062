/** The sharing side of erasing an ambassador, as statements to run in the same batch as `eraseAmbassador`. */
import { and, eq, sql } from 'drizzle-orm';
import { ambassadors, conversions, shares } from '../../db/schema';
import type { Db } from '../lib/db';
import { newId } from '../lib/ids';

/**
 * Statements (not run: drizzle runs a query when it is awaited or batched) that erase the ambassador's
 * posts' text and detach their posts and conversions from them. Shares keep their content, network, link,
 * similarity, date and reported figures (impressions, reactions, comments, reshares), a random marker common to
 * this person's shares (so they still count as one active ambassador) and the audience they had declared on
 * the share's network (the estimated reach of an unreported share): once detached from the person they are
 * anonymous aggregates, and a past report re-run after the erasure shows the same figures.
 *
 * @example
 * await db.batch([...eraseSharesStatements(db, organisationId, ambassadorId, now), ...otherStatements]);
 */
export function eraseSharesStatements(db: Db, organisationId: string, ambassadorId: string, now: number) {
  return [
    db
      .update(shares)
      .set({
        text: null,
        ambassadorId: null,
        anonymousSharer: newId('anon'),
        erasedAudience: sql`(select json_extract(${ambassadors.audience}, '$.' || ${shares.network}) from ${ambassadors} where ${ambassadors.id} = ${ambassadorId})`,
        updatedAt: now,
      })
      .where(and(eq(shares.organisationId, organisationId), eq(shares.ambassadorId, ambassadorId))),
    db.update(conversions).set({ ambassadorId: null }).where(and(eq(conversions.organisationId, organisationId), eq(conversions.ambassadorId, ambassadorId))),
  ] as const;
}
