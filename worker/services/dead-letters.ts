/**
 * Keeps lost clicks visible: a count per organisation and day of the events that could never be
 * recorded. Counts only (no click id, visitor or anything else an event carried).
 */
import { sql } from 'drizzle-orm';
import { deadLetters } from '../../db/schema';
import type { LostEvent } from '../lib/click-event';
import { dayOf } from '../lib/days';
import type { Db } from '../lib/db';


/** Adds `lost` to the dead-letter counts of their organisation and day, in one batch; returns how many. */
export async function countDeadLetters(db: Db, lost: readonly LostEvent[], now = Date.now()): Promise<number> {
  const groups = new Map<string, { organisationId: string; day: string; events: number }>();
  for (const event of lost) {
    const organisationId = event.organisationId ?? '';
    const day = dayOf(event.at ?? now);
    const key = `${organisationId}\u0000${day}`;
    const group = groups.get(key) ?? { organisationId, day, events: 0 };
    group.events += 1;
    groups.set(key, group);
  }
  const statements = [...groups.values()].map((group) =>
    db
      .insert(deadLetters)
      .values({ ...group, updatedAt: now })
      .onConflictDoUpdate({ target: [deadLetters.organisationId, deadLetters.day], set: { events: sql`${deadLetters.events} + excluded.events`, updatedAt: now } }),
  );
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
  return lost.length;
}
