import { drizzle } from 'drizzle-orm/d1';
import * as schema from '../../db/schema';

/** A drizzle handle over the D1 binding, with the schema for relational queries. */
export function getDb(d1: D1Database) {
  return drizzle(d1, { schema });
}

export type Db = ReturnType<typeof getDb>;
