/** The ambassador's own profile: read it, change what is theirs to change, or leave the programme. */
import { and, eq } from 'drizzle-orm';
import { ambassadors, NETWORKS, organisations, type Network } from '../../db/schema';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { isoOrNull } from '../lib/time';
import type { Me, UpdateMeBody } from '../schemas/me';
import { acceptedVersionOf, currentCharter } from './charter-acceptance';
import { eraseAmbassador } from './erase-ambassador';

type AmbassadorRow = typeof ambassadors.$inferSelect;
type Audience = Partial<Record<Network, number>>;

/** The caller's own ambassador row; 404 if it is gone (it always exists while their session does). */
export async function getAmbassadorRowOrThrow(db: Db, organisationId: string, ambassadorId: string): Promise<AmbassadorRow> {
  const row = await db.select().from(ambassadors).where(and(eq(ambassadors.organisationId, organisationId), eq(ambassadors.id, ambassadorId))).get();
  if (!row) throw new ApiError('not_found', 'No such ambassador.');
  return row;
}

/** Maps the row and the charter versions to the API shape. */
export function toMeDto(row: AmbassadorRow, currentVersion: number | null, acceptedVersion: number | null, organisation: Me['organisation']): Me {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    displayName: row.displayName,
    language: row.language,
    team: row.team,
    profile: row.profile,
    audience: row.audience ?? {},
    leaderboardOptIn: row.leaderboardOptIn,
    status: row.status,
    joinedAt: isoOrNull(row.joinedAt),
    charter: { currentVersion, acceptedVersion, accepted: currentVersion !== null && acceptedVersion !== null && acceptedVersion >= currentVersion },
    organisation,
  };
}

/** The ambassador's profile with where they stand with the charter. */
export async function getMe(db: Db, organisationId: string, ambassadorId: string): Promise<Me> {
  const [row, charter, acceptedVersion, organisation] = await Promise.all([
    getAmbassadorRowOrThrow(db, organisationId, ambassadorId),
    currentCharter(db, organisationId),
    acceptedVersionOf(db, organisationId, ambassadorId),
    db.select({ name: organisations.name, logoUrl: organisations.logoUrl, disclosure: organisations.disclosure, updatedAt: organisations.updatedAt }).from(organisations).where(eq(organisations.id, organisationId)).get(),
  ]);
  if (!organisation) throw new ApiError('not_found', 'No such organisation.');
  // The settings' time in the path makes the browser load a changed logo at once.
  const logoPath = organisation.logoUrl ? `/api/v1/organisation/logo?v=${organisation.updatedAt}` : null;
  return toMeDto(row, charter?.version ?? null, acceptedVersion, { name: organisation.name, logoPath, disclosure: organisation.disclosure });
}

/** Merges the audience patch per network: a number sets it, null removes it. */
function mergeAudience(current: Audience | null, patch: Partial<Record<Network, number | null>>): Audience {
  const merged: Audience = { ...current };
  for (const network of NETWORKS) {
    const value = patch[network];
    if (value === null) delete merged[network];
    else if (value !== undefined) merged[network] = value;
  }
  return merged;
}

/** Applies a PATCH of the fields an ambassador owns: leaderboard opt-in, display name, language, audience. */
export async function updateMe(db: Db, organisationId: string, ambassadorId: string, patch: UpdateMeBody, now = Date.now()): Promise<Me> {
  const current = await getAmbassadorRowOrThrow(db, organisationId, ambassadorId);
  const { audience, ...plain } = patch;
  await db
    .update(ambassadors)
    .set({ ...plain, ...(audience ? { audience: mergeAudience(current.audience, audience) } : {}), updatedAt: now })
    .where(and(eq(ambassadors.organisationId, organisationId), eq(ambassadors.id, ambassadorId)));
  return getMe(db, organisationId, ambassadorId);
}

/** Leaves the programme: `eraseAmbassador` erases the person and their posts' texts and metrics in one batch. */
export async function leaveProgramme(db: Db, organisationId: string, ambassadorId: string, now = Date.now()): Promise<void> {
  await eraseAmbassador(db, { kind: 'ambassador', ambassadorId }, organisationId, ambassadorId, now);
}
