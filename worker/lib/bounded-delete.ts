/**
 * Housekeeping that cannot stall D1: D1 has one writer for every tenant, so a purge never deletes (or
 * rewrites) more than one batch per statement, purges take turns one statement at a time, and a run stops
 * when its time budget is spent (the next run carries on). One failing purge is logged and the others go on.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './db';
import { logError } from './log';

/**
 * One bounded statement: changes at most `limit` rows and says how many (fewer than `limit`: nothing is left),
 * or a purge bounded by its own means, which says whether it is done.
 */
export type BatchStep = (limit: number) => Promise<number | { changed: number; done: boolean }>;

/** The rowids of at most `limit` rows to change, as a subquery (it may join other tables to decide). */
export type RowidQuery = (limit: number) => SQLWrapper;

/** The rowids of at most `limit` rows of `table` matching `where`. */
export function rowidsWhere(db: Db, table: SQLiteTable, where: SQL | undefined): RowidQuery {
  return (limit) => db.select({ rowid: sql<number>`${table}.rowid` }).from(table).where(where).limit(limit);
}

/** Deletes the rows `rowids` picks, one batch per call. */
export function deleteStep(db: Db, table: SQLiteTable, rowids: RowidQuery): (limit: number) => Promise<number> {
  return async (limit) => (await db.delete(table).where(sql`${table}.rowid in ${rowids(limit)}`).run()).meta.changes;
}

/** Sets `columns` to null on the rows `rowids` picks, one batch per call (personal fields of rows that stay). */
export function nullifyStep(db: Db, table: SQLiteTable, columns: SQLiteColumn[], rowids: RowidQuery): (limit: number) => Promise<number> {
  const set = sql.join(
    columns.map((column) => sql`${sql.identifier(column.name)} = null`),
    sql`, `,
  );
  return async (limit) => (await db.run(sql`update ${table} set ${set} where ${table}.rowid in ${rowids(limit)}`)).meta.changes;
}

/** How one purge went in one run. */
export interface PurgeOutcome {
  changed: number;
  statements: number;
  /** Nothing is left for now (false: the budget ran out first, or it failed). */
  done: boolean;
  failed: boolean;
}

export interface BoundedOptions {
  /** Rows per statement. */
  batchSize: number;
  /** Wall time a run may take, in ms, measured with `clock`. */
  budgetMs: number;
  clock?: () => number;
}

/**
 * Runs `purges` in turns (one statement each per round) until every one is done or failed, or the budget
 * is spent; a step that changes fewer rows than the batch size is done.
 *
 * @example
 * await runInBatches({ sessions: deleteStep(db, sessions, rowidsWhere(db, sessions, lt(sessions.expiresAt, now))) }, { batchSize: 1000, budgetMs: 20_000 });
 */
export async function runInBatches(purges: Record<string, BatchStep>, options: BoundedOptions): Promise<Record<string, PurgeOutcome>> {
  const clock = options.clock ?? Date.now;
  const deadline = clock() + options.budgetMs;
  const outcomes: Record<string, PurgeOutcome> = {};
  for (const name of Object.keys(purges)) outcomes[name] = { changed: 0, statements: 0, done: false, failed: false };
  let pending = Object.keys(purges);
  while (pending.length > 0 && clock() < deadline) {
    for (const name of pending) {
      if (clock() >= deadline) break;
      const outcome = outcomes[name];
      const step = purges[name];
      if (!outcome || !step) continue;
      try {
        outcome.statements++;
        const result = await step(options.batchSize);
        const changed = typeof result === 'number' ? result : result.changed;
        outcome.changed += changed;
        outcome.done = typeof result === 'number' ? changed < options.batchSize : result.done;
      } catch (error) {
        outcome.failed = true;
        logError('purge failed', error, { purge: name });
      }
    }
    pending = pending.filter((name) => !outcomes[name]?.done && !outcomes[name]?.failed);
  }
  return outcomes;
}
