import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { rollupStatement } from '../../worker/services/clicks';
import { afterIngestStatements } from '../../worker/services/ingest-rollups';
import { db } from './builders';

/** Tables that grow with every click: a statement the consumer runs per message must never scan them whole. */
const GROWING = ['clicks', 'daily_visitors', 'daily_link_stats', 'conversions'];

async function planOf(statement: { toSQL: () => { sql: string; params: unknown[] } }): Promise<string[]> {
  const { sql, params } = statement.toSQL();
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
  return results.map((row) => row.detail);
}

describe('the consumer’s statements per message', () => {
  it('reach the rows of their own run through an index, never by scanning a table that grows with clicks', async () => {
    const statements = [rollupStatement(db(), 'ing_plan'), ...afterIngestStatements(db(), 'ing_plan')];
    for (const [i, statement] of statements.entries()) {
      const plan = await planOf(statement);
      expect(plan.length, `statement ${i}`).toBeGreaterThan(0);
      const scans = plan.filter((detail) => GROWING.some((table) => new RegExp(`^SCAN ${table}\\b`).test(detail)));
      expect(scans, `statement ${i}: ${plan.join(' | ')}`).toEqual([]);
    }
  });
});
