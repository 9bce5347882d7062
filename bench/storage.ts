/**
 * How it scales: what one stored click costs in bytes, D1 rows and queue operations, measured on a local D1
 * with the real migrations, fed by the pipeline's own code (the redirect's `describeHit` builds the events,
 * the isolate's sink coalesces them, the queue consumer records them); then how many clicks one D1 database
 * holds and what a million clicks cost at Cloudflare's list prices (bench/README.md explains the method).
 * Part of `npm run bench`.
 *
 *   npx tsx bench/storage.ts                       # 100 000 clicks, then 5 000 and 2 000 in smaller messages (≈ 3 min)
 *   npx tsx bench/storage.ts --clicks 10000        # a quick look
 *
 * Options: --clicks <n> --days <n> --links <n> --medium <n> --sparse <n> --redirect-cpu-us <µs>
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Miniflare } from 'miniflare';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';
import { getDb } from '../worker/lib/db';
import { resolveLink, type LinkTarget } from '../worker/services/link-targets';
import { costOf, formatCost, operationsPerMessage, PRICES, type PerClick } from './lib/storage-cost';
import { clickEvents } from './lib/storage-events';
import { coalesce, type Sent } from './lib/storage-pipeline';
import type { Consumed } from './lib/storage-worker';
import { fmt } from './lib/report';
import { bundle, cpuMicros, disposeAll, killBundling, ROOT, serve, type Served } from './lib/serve';
import { migrate, seedLinks, storedClicks, type LinkSet } from './lib/seed';

const { values: opts } = parseArgs({
  options: {
    clicks: { type: 'string', default: '100000' },
    days: { type: 'string', default: '30' },
    links: { type: 'string', default: '100' },
    medium: { type: 'string', default: '5000' },
    sparse: { type: 'string', default: '2000' },
    // The redirect's CPU per request from the README's benchmark figures (bench/README.md, "Results").
    'redirect-cpu-us': { type: 'string', default: '269' },
  },
});
const CLICKS = Number(opts.clicks);
const DAYS = Number(opts.days);
const LINKS = Number(opts.links);
const SIGNING_KEY = 'bench-click-signing-key';
const CONFIG = unstable_getMiniflareWorkerOptions(path.join(ROOT, 'wrangler.toml')).workerOptions;
const BATCH_SIZE = CONFIG.queueConsumers && !Array.isArray(CONFIG.queueConsumers) ? (CONFIG.queueConsumers['relais-clicks']?.maxBatchSize ?? 10) : 10;
const MESSAGE_EVENTS = 100; // MAX_EVENTS_PER_MESSAGE: a larger window still leaves in messages of 100

const tmp = mkdtempSync(path.join(os.tmpdir(), 'relais-bench-storage-'));
process.on('exit', () => {
  killBundling();
  rmSync(tmp, { recursive: true, force: true });
});

/** The bench's consumer Worker (bench/lib/storage-worker.ts), bundled once, served like the Worker with wrangler.toml's bindings. */
let bundled: Promise<string> | undefined;
async function consumerWorker(persist: string): Promise<Served> {
  bundled ??= bundle(path.join(tmp, 'bundle'), path.join(ROOT, 'bench', 'lib', 'storage-worker.ts'));
  const served = await serve({ dir: await bundled, persist, secrets: { CLICK_SIGNING_KEY: SIGNING_KEY } });
  await migrate(served.mf);
  return served;
}

interface Recording {
  clicks: number;
  sent: Sent;
  meter: Consumed;
  stored: { rows: number; rollup: number };
  seconds: number;
  /** CPU of the consumer Worker's workerd per click, µs: the consumer, the JSON it is handed, and local D1's SQLite. */
  cpuUsPerClick: number;
  /** Rows read per click in the first and the last tenth of the messages: what the growing tables add. */
  rowsReadFirstTenth: number;
  rowsReadLastTenth: number;
}

/**
 * `n` links in organisations of at most 50 (seedLinks inserts each table in one statement, and D1 binds at
 * most 100 parameters per statement).
 */
async function seedOrganisations(mf: Miniflare, n: number, label: string): Promise<LinkSet> {
  const set: LinkSet = { ids: [], slugs: [] };
  for (let i = 0; i * 50 < n; i++) {
    const part = await seedLinks(mf, Math.min(50, n - i * 50), `${label}-${i}`);
    set.ids.push(...part.ids);
    set.slugs.push(...part.slugs);
  }
  return set;
}

/** Links of `set` as the redirect resolves them (the events need their organisation). */
async function targetsOf(d1: D1Database, set: LinkSet): Promise<LinkTarget[]> {
  const now = Date.now();
  const targets = await Promise.all(set.slugs.map((slug) => resolveLink(getDb(d1), slug, now)));
  return targets.map((t, i) => t ?? failWith(`link ${set.slugs[i]} not found`));
}

function failWith(message: string): never {
  throw new Error(message);
}

const CHUNK = 100;

/** Builds `clicks` events, coalesces them `perWindow` at a time, and has the consumer Worker record them. */
async function record(served: Served, set: LinkSet, clicks: number, perWindow: number, seed: number): Promise<Recording> {
  const d1 = (await served.mf.getD1Database('DB')) as unknown as D1Database;
  const events = await clickEvents(d1, await targetsOf(d1, set), { clicks, days: DAYS, end: Date.now(), signingKey: SIGNING_KEY, seed });
  const sent = await coalesce(events, perWindow);
  const storedBefore = await storedClicks(served.mf, set);
  const cpuBefore = await cpuMicros(served.pid);
  const began = performance.now();
  const parts: Array<{ clicks: number; consumed: Consumed }> = [];
  for (let i = 0; i < sent.messages.length; i += CHUNK) {
    const messages = sent.messages.slice(i, i + CHUNK);
    // Through Miniflare's own client: a pooled keep-alive socket could outlive the previous instance on a reused port.
    const response = await served.mf.dispatchFetch(served.url, { method: 'POST', body: JSON.stringify({ messages, batchSize: BATCH_SIZE }) });
    if (!response.ok) throw new Error(`consumer Worker: ${response.status} ${await response.text()}`);
    parts.push({ clicks: messages.reduce((n, m) => n + (Array.isArray(m) ? m.length : 1), 0), consumed: (await response.json()) as Consumed });
  }
  const seconds = (performance.now() - began) / 1000;
  const cpuUsPerClick = ((await cpuMicros(served.pid)) - cpuBefore) / clicks;
  const storedAfter = await storedClicks(served.mf, set);
  const stored = { rows: storedAfter.rows - storedBefore.rows, rollup: storedAfter.rollup - storedBefore.rollup };
  const tenth = (from: number, to: number) => {
    const slice = parts.slice(Math.floor(from * parts.length), Math.max(Math.floor(from * parts.length) + 1, Math.floor(to * parts.length)));
    return slice.reduce((n, p) => n + p.consumed.rowsRead, 0) / slice.reduce((n, p) => n + p.clicks, 0);
  };
  return { clicks, sent, meter: merge(parts.map((p) => p.consumed)), stored, seconds, cpuUsPerClick, rowsReadFirstTenth: tenth(0, 0.1), rowsReadLastTenth: tenth(0.9, 1) };
}

function merge(parts: Consumed[]): Consumed {
  const bySql = new Map<string, { count: number; rowsRead: number; rowsWritten: number }>();
  for (const part of parts) {
    for (const [sql, k] of part.bySql) {
      const sum = bySql.get(sql) ?? { count: 0, rowsRead: 0, rowsWritten: 0 };
      bySql.set(sql, { count: sum.count + k.count, rowsRead: sum.rowsRead + k.rowsRead, rowsWritten: sum.rowsWritten + k.rowsWritten });
    }
  }
  const total = (key: 'invocations' | 'acked' | 'retried' | 'rowsRead' | 'rowsWritten' | 'statements' | 'calls') => parts.reduce((n, p) => n + p[key], 0);
  return {
    invocations: total('invocations'),
    acked: total('acked'),
    retried: total('retried'),
    rowsRead: total('rowsRead'),
    rowsWritten: total('rowsWritten'),
    statements: total('statements'),
    calls: total('calls'),
    bySql: [...bySql],
  };
}

/** The database's size now: page count × page size, as `meta.size_after` reports it. */
async function sizeOf(mf: Miniflare): Promise<number> {
  const d1 = (await mf.getD1Database('DB')) as unknown as D1Database;
  return (await d1.prepare('select 1').run()).meta.size_after;
}

interface Structure {
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
function dbstat(persist: string): Structure[] | undefined {
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

const int = (x: number) => Math.round(x).toLocaleString('en');
const per = (x: number, clicks: number, digits = 2) => fmt(x / clicks, digits);

function messageFigures(r: Recording) {
  const messages = r.sent.messages.length;
  const operations = r.sent.bytes.reduce((sum, b) => sum + operationsPerMessage(b), 0);
  return {
    messages,
    eventsPerMessage: r.clicks / messages,
    maxBytes: Math.max(...r.sent.bytes),
    meanBytes: r.sent.bytes.reduce((a, b) => a + b, 0) / messages,
    operationsPerClick: operations / r.clicks,
  };
}

function printRecording(label: string, r: Recording): void {
  const m = messageFigures(r);
  console.log(`\n${label}: ${int(r.clicks)} clicks → ${int(m.messages)} queue messages (${fmt(m.eventsPerMessage, 1)} events each, ${int(m.meanBytes)} B mean, ${int(m.maxBytes)} B max)`);
  console.log(
    `  consumer: ${int(r.meter.invocations)} invocations of ≤ ${BATCH_SIZE} messages, ${int(r.meter.acked)} acked, ${int(r.meter.retried)} retried, ${fmt(r.seconds, 1)} s (${int(r.clicks / r.seconds)} clicks/s into local D1), workerd CPU ${int(r.cpuUsPerClick)} µs per click`,
  );
  console.log(`  stored: ${int(r.stored.rows)} clicks, rollup ${int(r.stored.rollup)}, lost ${int(r.clicks - r.stored.rows)}`);
  console.log(
    `  D1 per click: ${per(r.meter.rowsWritten, r.clicks)} rows written, ${per(r.meter.rowsRead, r.clicks)} rows read (${fmt(r.rowsReadFirstTenth, 1)} in the first tenth of the messages, ${fmt(r.rowsReadLastTenth, 1)} in the last), ${per(r.meter.statements, r.clicks)} statements, ${per(r.meter.calls, r.clicks, 3)} round trips`,
  );
  console.log(`  queue operations per click: ${fmt(m.operationsPerClick, 3)} (write + read + delete per 64 KB message)`);
  console.log(`  ${'statement (per click)'.padEnd(66)} ${'runs'.padStart(6)} ${'written'.padStart(8)} ${'read'.padStart(8)}`);
  const kinds = r.meter.bySql.sort((a, b) => b[1].rowsRead + b[1].rowsWritten - (a[1].rowsRead + a[1].rowsWritten));
  for (const [sql, k] of kinds) {
    console.log(`    ${sql.slice(0, 64).padEnd(64)} ${per(k.count, r.clicks, 3).padStart(6)} ${per(k.rowsWritten, r.clicks).padStart(8)} ${per(k.rowsRead, r.clicks).padStart(8)}`);
  }
}

async function main(): Promise<void> {
  const began = Date.now();
  console.log(`storage: ${int(CLICKS)} clicks over ${DAYS} days on ${LINKS} links, recorded by the queue consumer (${BATCH_SIZE} messages per invocation) into a local D1`);

  // 1. The large recording: a burst, 100 events per message; bytes are measured on this database alone.
  const mainDir = path.join(tmp, 'main');
  const large = await consumerWorker(mainDir);
  const set = await seedOrganisations(large.mf, LINKS, 'storage');
  const before = await sizeOf(large.mf);
  const burst = await record(large, set, CLICKS, CLICKS, 1);
  const after = await sizeOf(large.mf);
  await disposeAll();
  printRecording(`burst (every click of a ${MESSAGE_EVENTS}-event window in one isolate)`, burst);

  const growth = after - before;
  console.log(`\nsize: ${int(before)} B before (schema, ${LINKS} links), ${int(after)} B after: ${int(growth)} B, ${fmt(growth / CLICKS, 1)} B per click`);
  const structures = dbstat(mainDir);
  const tables = ['clicks', 'daily_visitors', 'daily_link_stats'];
  const bytesOf = (table: string) => (structures ?? []).filter((s) => s.table === table).reduce((sum, s) => sum + s.bytes, 0);
  if (structures) {
    console.log(`  ${'structure'.padEnd(36)} ${'rows'.padStart(9)} ${'bytes'.padStart(12)} ${'B/click'.padStart(8)}`);
    for (const table of tables) {
      for (const s of structures.filter((x) => x.table === table)) {
        console.log(`  ${(s.type === 'index' ? `  ${s.name}` : s.name).padEnd(36)} ${int(s.cells).padStart(9)} ${int(s.bytes).padStart(12)} ${fmt(s.bytes / CLICKS, 1).padStart(8)}`);
      }
    }
    // Each table and index held one page before the recording (counted in `before`).
    const listed = structures.filter((x) => tables.includes(x.table));
    const rest = growth - listed.reduce((sum, x) => sum + x.bytes - x.bytes / x.pages, 0);
    console.log(`  ${'everything else (salts, free pages)'.padEnd(36)} ${''.padStart(9)} ${int(rest).padStart(12)} ${fmt(rest / CLICKS, 1).padStart(8)}`);
  } else {
    console.log('  (install the sqlite3 shell for the bytes of each table and index: local D1 refuses dbstat)');
  }

  // 2. The same pipeline in smaller messages, on a database of their own: rows and operations per click.
  const smallDir = path.join(tmp, 'small');
  const small = await consumerWorker(smallDir);
  const smallSet = await seedOrganisations(small.mf, LINKS, 'small');
  const medium = await record(small, smallSet, Number(opts.medium), 10, 2);
  printRecording('10 clicks per window', medium);
  const sparse = await record(small, smallSet, Number(opts.sparse), 1, 3);
  printRecording('sparse (one click per window)', sparse);
  await disposeAll();

  // 3. Capacity and cost.
  const d1 = PRICES.d1;
  const bytesPerClick = growth / CLICKS;
  const raw = structures ? bytesOf('clicks') / CLICKS : undefined;
  const rollups = structures ? (bytesOf('daily_visitors') + bytesOf('daily_link_stats')) / CLICKS : undefined;
  console.log(`\none D1 database (${d1.maxDatabaseBytes / 1e9} GB = 10¹⁰ B, less the ${int(before)} B schema):`);
  console.log(`  every click kept with its rollups: ${int((d1.maxDatabaseBytes - before) / bytesPerClick)} clicks (${fmt(bytesPerClick, 1)} B each)`);
  if (raw !== undefined && rollups !== undefined) {
    console.log(`  raw clicks alone (${fmt(raw, 1)} B each, rollups elsewhere): ${int((d1.maxDatabaseBytes - before) / raw)} clicks`);
    console.log(`  rollups alone, once raw clicks are purged (${fmt(rollups, 1)} B per click): ${int((d1.maxDatabaseBytes - before) / rollups)} clicks of history`);
  }

  const redirectCpuMs = Number(opts['redirect-cpu-us']) / 1000;
  const perClick = (r: Recording): PerClick => ({
    requests: 1 + r.meter.invocations / r.clicks,
    cpuMs: redirectCpuMs + r.cpuUsPerClick / 1000,
    queueOperations: messageFigures(r).operationsPerClick,
    rowsRead: r.meter.rowsRead / r.clicks,
    rowsWritten: r.meter.rowsWritten / r.clicks,
    bytesStored: bytesPerClick,
  });
  console.log(`\none million clicks at list prices read ${PRICES.readOn} (Workers Paid, USD, beyond the included amounts):`);
  console.log(`  sources: ${PRICES.workers.source}, ${PRICES.queues.source}, ${PRICES.d1.source}`);
  console.log(`  CPU per click: the redirect's ${fmt(redirectCpuMs, 3)} ms (bench/README.md) + the consumer's workerd CPU measured above (it includes local D1's SQLite: an upper bound)`);
  const costs: Record<string, number> = {};
  for (const [label, r] of [['burst', burst], ['10 per window', medium], ['sparse', sparse]] as const) {
    const lines = costOf(1_000_000, perClick(r));
    costs[label] = lines.reduce((sum, l) => sum + l.usd, 0);
    console.log(`  ${label}:`);
    for (const line of formatCost(lines)) console.log(line);
  }
  const w = PRICES.workers;
  console.log(
    `  included each month with the $${w.subscriptionPerMonth} plan: ${w.includedRequests / 1e6} M requests, ${w.includedCpuMs / 1e6} M CPU ms, ${PRICES.queues.includedOperations / 1e6} M queue operations, ${d1.includedRowsWritten / 1e6} M rows written, ${d1.includedRowsRead / 1e9} G rows read, ${d1.includedGb} GB`,
  );

  const summary = {
    storage: {
      clicks: CLICKS,
      bytesPerClick: Number(bytesPerClick.toFixed(1)),
      rawBytesPerClick: raw === undefined ? null : Number(raw.toFixed(1)),
      rollupBytesPerClick: rollups === undefined ? null : Number(rollups.toFixed(1)),
      clicksPerDatabase: Math.round((d1.maxDatabaseBytes - before) / bytesPerClick),
      perClick: Object.fromEntries(
        ([['burst', burst], ['medium', medium], ['sparse', sparse]] as const).map(([k, r]) => [
          k,
          { rowsWritten: Number((r.meter.rowsWritten / r.clicks).toFixed(2)), rowsRead: Number((r.meter.rowsRead / r.clicks).toFixed(2)), queueOperations: Number(messageFigures(r).operationsPerClick.toFixed(3)), lost: r.clicks - r.stored.rows },
        ]),
      ),
      usdPerMillion: Object.fromEntries(Object.entries(costs).map(([k, v]) => [k, Number(v.toFixed(2))])),
      seconds: Math.round((Date.now() - began) / 1000),
    },
  };
  console.log(`\nsummary ${JSON.stringify(summary)}`);
  const lost = [burst, medium, sparse].reduce((sum, r) => sum + (r.clicks - r.stored.rows) + (r.clicks - r.stored.rollup), 0);
  if (lost !== 0) process.exitCode = 1;
}

try {
  await main();
} finally {
  killBundling();
  await disposeAll();
}
