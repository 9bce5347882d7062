/**
 * KPI scale bench: the time of `GET /api/v1/kpis` for 90 days at 10 000 and at 1 000 000 clicks.
 * Raw clicks are generated in SQL, then rolled up by the pipeline's own `rollupStatement` and
 * `afterIngestStatements` (unique visitors per organisation, `daily_visitors`), so both
 * databases hold what the click path would have produced. The KPI service runs against each local D1
 * (through wrangler's platform proxy) and the median of the timed runs is printed, with the ratio.
 *
 *   npm run bench:kpis -- --runs 15
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { drizzle } from 'drizzle-orm/d1';
import * as schema from '../db/schema';
import { addDays, dayOf } from '../worker/lib/days';
import { rollupStatement } from '../worker/services/clicks';
import { afterIngestStatements } from '../worker/services/ingest-rollups';
import { computeKpis } from '../worker/services/kpis';
import { openLocalD1 } from '../scripts/local-d1';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const RUNS = Number(values.runs);
const LINKS = 100;
const AMBASSADORS = 25;
const DAYS = 90;
const ORG = 'org_bench';

async function measure(clicks: number): Promise<{ clicks: number; rollupRows: number; medianMs: number; byAmbassadorMs: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'relais-bench-kpis-'));
  try {
    execFileSync('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dir], { stdio: 'ignore', env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' } });
    const local = await openLocalD1(dir);
    try {
      const db = drizzle(local.db, { schema });
      const to = dayOf(Date.now());
      const from = addDays(to, -(DAYS - 1));
      await seed(local.db, clicks, from);
      await db.batch([rollupStatement(db, 'bench'), ...afterIngestStatements(db, 'bench')]);
      const rollupRows = (await local.db.prepare('select count(*) n from daily_link_stats').first<{ n: number }>())?.n ?? 0;
      const time = async (groupBy?: 'ambassador') => {
        const samples: number[] = [];
        for (let i = 0; i < RUNS + 2; i++) {
          const start = performance.now();
          await computeKpis(db, ORG, { from, to, groupBy });
          if (i >= 2) samples.push(performance.now() - start);
        }
        return median(samples);
      };
      return { clicks, rollupRows, medianMs: await time(), byAmbassadorMs: await time('ambassador') };
    } finally {
      await local.dispose();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * An organisation with 25 ambassadors, 4 contents and 100 links, and `clicks` raw clicks spread so that every
 * link has clicks on every one of the 90 days: both sizes yield the same 9 000 rollup rows, as the same
 * programme would, and only the number of clicks differs.
 */
async function seed(d1: D1Database, clicks: number, from: string) {
  const now = Date.now();
  const statements = [
    `insert into organisations (id, slug, name, created_at, updated_at) values ('${ORG}', 'bench', 'Bench', ${now}, ${now})`,
    `insert into campaigns (id, organisation_id, slug, name, objective, status, created_at, updated_at) values ('cmp_bench', '${ORG}', 'bench', 'Bench', 'recruitment', 'active', ${now}, ${now})`,
    `with recursive n(i) as (select 0 union all select i + 1 from n where i < 3)
     insert into contents (id, organisation_id, campaign_id, kind, title, url, slug, created_at, updated_at)
     select 'cnt_' || i, '${ORG}', 'cmp_bench', 'job', 'Bench ' || i, 'https://example.com/' || i, 'bench-' || i, ${now}, ${now} from n`,
    `with recursive n(i) as (select 0 union all select i + 1 from n where i < ${AMBASSADORS - 1})
     insert into ambassadors (id, organisation_id, name, team, leaderboard_opt_in, status, joined_at, created_at, updated_at)
     select 'amb_' || i, '${ORG}', 'Person ' || i, 'Team ' || (i % 6), i % 2, 'active', 0, ${now}, ${now} from n`,
    `with recursive n(i) as (select 0 union all select i + 1 from n where i < ${LINKS - 1})
     insert into links (id, organisation_id, slug, ambassador_id, content_id, network, created_at)
     select 'lnk_' || i, '${ORG}', 'bench' || i, 'amb_' || (i % ${AMBASSADORS}), 'cnt_' || ((i / ${AMBASSADORS}) % 4), case i % 3 when 0 then 'linkedin' when 1 then 'x' else 'facebook' end, ${now} from n`,
    // 85 % human, the rest spread over the filtered classes; about a third of human clicks are a day's first visit.
    `with recursive n(i) as (select 0 union all select i + 1 from n where i < ${clicks - 1})
     insert into clicks (id, organisation_id, link_id, at, day, class, visitor_hash, first_of_day, ingest_id)
     select 'c' || i, '${ORG}', 'lnk_' || (i % ${LINKS}), ${now}, date('${from}', '+' || ((i / ${LINKS}) % ${DAYS}) || ' days'),
       case when i % 20 < 17 then 'human' when i % 20 = 17 then 'preview' when i % 20 = 18 then 'automated' else 'scanner' end,
       case when i % 20 < 17 then hex(i / 3) end, (i % 20 < 17 and i % 3 = 0), 'bench' from n`,
  ];
  for (const sql of statements) await d1.prepare(sql).run();
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const small = await measure(10_000);
const large = await measure(1_000_000);
const fmt = (r: typeof small) => `${r.clicks.toLocaleString('en')} clicks → ${r.rollupRows} rollup rows: ${r.medianMs.toFixed(1)} ms (groupBy=ambassador ${r.byAmbassadorMs.toFixed(1)} ms)`;
console.log(`KPI query, 90 days, median of ${RUNS} runs`);
console.log(`  ${fmt(small)}`);
console.log(`  ${fmt(large)}`);
const ratio = large.medianMs / small.medianMs;
console.log(`  ratio 1 000 000 / 10 000: ${ratio.toFixed(2)}× (target ≤ 1.5×)`);
console.log(`summary ${JSON.stringify({ kpis: { small, large, ratio: Number(ratio.toFixed(3)) } })}`);
