import { env } from 'cloudflare:workers';

/** Every text value of every table, read through sqlite_master so that a new table cannot escape a privacy check. */
export async function everyStoredText(): Promise<string[]> {
  const tables = await env.DB.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name != 'd1_migrations'").all<{ name: string }>();
  const values: string[] = [];
  for (const { name } of tables.results) {
    const rows = await env.DB.prepare(`select * from "${name}"`).all<Record<string, unknown>>();
    for (const row of rows.results) for (const value of Object.values(row)) if (typeof value === 'string') values.push(value);
  }
  return values;
}
