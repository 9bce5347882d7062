/** The ambassador's side of the charter: read the current version, accept it; no link without it. */
import { and, desc, eq, max } from 'drizzle-orm';
import { charterAcceptances, charters } from '../../db/schema';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { renderMarkdown } from '../lib/markdown';
import { iso } from '../lib/time';
import type { MyCharter } from '../schemas/me';

/** The organisation's current (highest) charter version, or undefined when none is published. */
export function currentCharter(db: Db, organisationId: string) {
  return db.select().from(charters).where(eq(charters.organisationId, organisationId)).orderBy(desc(charters.version)).limit(1).get();
}

/** The highest charter version the ambassador accepted, or null. */
export async function acceptedVersionOf(db: Db, organisationId: string, ambassadorId: string): Promise<number | null> {
  const row = await db
    .select({ version: max(charterAcceptances.version) })
    .from(charterAcceptances)
    .where(and(eq(charterAcceptances.organisationId, organisationId), eq(charterAcceptances.ambassadorId, ambassadorId)))
    .get();
  return row?.version ?? null;
}

/** The current charter with the ambassador's highest accepted version; 404 when none is published. */
export async function getMyCharter(db: Db, organisationId: string, ambassadorId: string): Promise<MyCharter> {
  const [charter, acceptedVersion] = await Promise.all([currentCharter(db, organisationId), acceptedVersionOf(db, organisationId, ambassadorId)]);
  if (!charter) throw new ApiError('not_found', 'Your organisation has not published its social-media charter yet.');
  return { version: charter.version, body: charter.body, bodyHtml: renderMarkdown(charter.body), publishedAt: iso(charter.publishedAt), acceptedVersion };
}

/** Records that the ambassador accepted `version`, which must be the current one (409 otherwise); accepting again changes nothing. */
export async function acceptCharter(db: Db, organisationId: string, ambassadorId: string, version: number, now = Date.now()): Promise<MyCharter> {
  const charter = await currentCharter(db, organisationId);
  if (!charter) throw new ApiError('not_found', 'Your organisation has not published its social-media charter yet.');
  if (version !== charter.version) {
    throw new ApiError('conflict', `version ${version} is not the current charter: read version ${charter.version} and accept it.`, 'version');
  }
  await db.insert(charterAcceptances).values({ organisationId, ambassadorId, version, acceptedAt: now }).onConflictDoNothing();
  return getMyCharter(db, organisationId, ambassadorId);
}

/**
 * Throws `403 charter_not_accepted` unless the ambassador accepted the current charter. Without a
 * published charter there is nothing to accept yet, so no link is issued either (API.md: no link before
 * the current version is accepted).
 */
export async function assertCharterAccepted(db: Db, organisationId: string, ambassadorId: string): Promise<void> {
  const charter = await currentCharter(db, organisationId);
  const accepted = charter
    ? await db
        .select({ version: charterAcceptances.version })
        .from(charterAcceptances)
        .where(and(eq(charterAcceptances.ambassadorId, ambassadorId), eq(charterAcceptances.version, charter.version), eq(charterAcceptances.organisationId, organisationId)))
        .get()
    : undefined;
  if (accepted) return;
  throw new ApiError(
    'charter_not_accepted',
    charter ? `Accept the social-media charter (version ${charter.version}) before sharing: GET then POST /api/v1/me/charter/accept.` : 'Your organisation has not published its social-media charter yet: links are issued once you have accepted it.',
  );
}
