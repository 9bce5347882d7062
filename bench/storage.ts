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
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';
import { fmt } from './lib/report';
import { migrate } from './lib/seed';
import { bundle, disposeAll, killBundling, ROOT, serve, type Served } from './lib/serve';
import { dbstat, sizeOf } from './lib/storage-bytes';
import { costOf, formatCost, operationsPerMessage, PRICES, type PerClick } from './lib/storage-cost';
import { record, seedOrganisations, SIGNING_KEY, type Recording } from './lib/storage-record';

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
  const burst = await record(large, set, { clicks: CLICKS, days: DAYS, perWindow: CLICKS, batchSize: BATCH_SIZE, seed: 1 });
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
  const medium = await record(small, smallSet, { clicks: Number(opts.medium), days: DAYS, perWindow: 10, batchSize: BATCH_SIZE, seed: 2 });
  printRecording('10 clicks per window', medium);
  const sparse = await record(small, smallSet, { clicks: Number(opts.sparse), days: DAYS, perWindow: 1, batchSize: BATCH_SIZE, seed: 3 });
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
