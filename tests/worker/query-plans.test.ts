import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { rollupStatement } from '../../worker/services/clicks';
import { afterIngestStatements } from '../../worker/services/ingest-rollups';
import { sharedRowsQuery } from '../../worker/services/kpis';
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

describe('the KPIs’ share query', () => {
  it('reads the period’s confirmed shares through shares_org_posted, never by scanning the shares', async () => {
    const plan = await planOf(sharedRowsQuery(db(), 'org_plan', '2026-01-01', '2026-03-31', undefined));
    expect(plan.join(' | ')).toMatch(/SEARCH shares USING INDEX shares_org_posted \(organisation_id=\? AND posted_at>\? AND posted_at<\?\)/);
    expect(plan.filter((detail) => /^SCAN shares\b/.test(detail))).toEqual([]);
  });
});
