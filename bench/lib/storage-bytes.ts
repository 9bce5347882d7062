/** The storage bench's bytes: the database's size, and each table's and index's pages. */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Miniflare } from 'miniflare';

/** The database's size now: page count × page size, as `meta.size_after` reports it. */
export async function sizeOf(mf: Miniflare): Promise<number> {
  const d1 = (await mf.getD1Database('DB')) as unknown as D1Database;
  return (await d1.prepare('select 1').run()).meta.size_after;
}

export interface Structure {
  name: string;
  table: string;
  type: string;
  pages: number;
  bytes: number;
  cells: number;
}

/**
 * Bytes per table and index, from SQLite's `dbstat` (local D1 refuses it, so the `sqlite3` shell reads the
 * database file once workerd has closed it). Undefined when `sqlite3` is not installed.
 */
export function dbstat(persist: string): Structure[] | undefined {
  const dir = path.join(persist, 'd1', 'miniflare-D1DatabaseObject');
  const file = readdirSync(dir).find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite');
  if (!file) throw new Error(`no database file in ${dir}`);
  const sql = `select s.name, coalesce(m.tbl_name, s.name) as "table", coalesce(m.type, 'table') as type, count(*) as pages, sum(s.pgsize) as bytes, sum(case when s.pagetype = 'leaf' then s.ncell else 0 end) as cells
    from dbstat s left join sqlite_schema m on m.name = s.name group by s.name order by bytes desc`;
  try {
    return JSON.parse(execFileSync('sqlite3', ['-readonly', '-json', path.join(dir, file), sql], { encoding: 'utf8' }) || '[]') as Structure[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
