/**
 * A D1 binding that adds up what D1 bills: `meta.rows_read` and `meta.rows_written` of every statement,
 * alone or in a batch (index entries included: D1 counts a write to an index as a row written). The local
 * D1 runs on workerd's SQLite storage, whose counters are the ones `meta` reports in production.
 */

/** Running totals of one recording. */
export class D1Meter {
  rowsRead = 0;
  rowsWritten = 0;
  /** Statements executed, alone or inside a batch. */
  statements = 0;
  /** Round trips to D1: one per batch or lone statement. */
  calls = 0;
  /** Rows read and written per kind of statement (its SQL up to the first bound value or `where`). */
  readonly bySql = new Map<string, { count: number; rowsRead: number; rowsWritten: number }>();

  add(sql: string, meta: D1Meta | undefined): void {
    this.statements++;
    this.rowsRead += meta?.rows_read ?? 0;
    this.rowsWritten += meta?.rows_written ?? 0;
    const key = kindOf(sql);
    const kind = this.bySql.get(key) ?? { count: 0, rowsRead: 0, rowsWritten: 0 };
    kind.count++;
    kind.rowsRead += meta?.rows_read ?? 0;
    kind.rowsWritten += meta?.rows_written ?? 0;
    this.bySql.set(key, kind);
  }
}

/** A statement's kind: its first words and the tables it names, without values. */
function kindOf(sql: string): string {
  const verb = /^\s*(insert into|update|delete from|select)\s+"?(\w+)"?/i.exec(sql);
  const tables = [...new Set([...sql.matchAll(/\b(?:from|join|into|update)\s+"(\w+)"/gi)].map((m) => m[1]))];
  return `${verb?.[1]?.toLowerCase() ?? sql.slice(0, 20)} ${verb?.[2] ?? ''} (${tables.join(', ')})${/on conflict/i.test(sql) ? ' upsert' : ''}`;
}

class MeteredStatement {
  constructor(
    readonly inner: D1PreparedStatement,
    readonly sql: string,
    private readonly meter: D1Meter,
  ) {}

  bind(...values: unknown[]): MeteredStatement {
    return new MeteredStatement(this.inner.bind(...values), this.sql, this.meter);
  }

  async run<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    return this.all<T>();
  }

  async all<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    this.meter.calls++;
    const result = await this.inner.all<T>();
    this.meter.add(this.sql, result.meta);
    return result;
  }

  async first<T = Record<string, unknown>>(column?: string): Promise<T | null> {
    const row = (await this.all<Record<string, unknown>>()).results[0];
    if (!row) return null;
    return (column === undefined ? row : (row[column] ?? null)) as T | null;
  }

  // `raw()` returns no meta, so the rows come from `all()` in column order, as drizzle's own batch
  // mapping does (`d1ToRawMapping`); the statements the consumer runs never repeat a column name.
  async raw<T = unknown[]>(options?: { columnNames?: boolean }): Promise<T[]> {
    const rows = (await this.all<Record<string, unknown>>()).results;
    const values = rows.map((row) => Object.values(row));
    const names = options?.columnNames ? [Object.keys(rows[0] ?? {})] : [];
    return [...names, ...values] as T[];
  }
}

/** `d1` with every statement's rows read and written added to `meter`. */
export function meteredD1(d1: D1Database, meter: D1Meter): D1Database {
  const metered = {
    prepare: (sql: string) => new MeteredStatement(d1.prepare(sql), sql, meter),
    batch: async <T = unknown>(statements: D1PreparedStatement[]) => {
      meter.calls++;
      const inner = statements.map((s) => (s instanceof MeteredStatement ? s.inner : s));
      const results = await d1.batch<T>(inner);
      results.forEach((result, i) => {
        const statement = statements[i];
        meter.add(statement instanceof MeteredStatement ? statement.sql : '?', result.meta);
      });
      return results;
    },
    exec: (query: string) => d1.exec(query),
    withSession: () => {
      throw new Error('not metered: sessions');
    },
    dump: () => d1.dump(),
  };
  return metered as unknown as D1Database;
}
