/**
 * The redirect (`GET /{slug}`) against a constant-302 Worker, both bundled by `wrangler deploy --dry-run`
 * and served by Miniflare on 127.0.0.1 (bench/README.md explains the method). Part of `npm run bench`.
 *
 *   npx tsx bench/redirect.ts                            # 3 rounds × 2 runs of 10 s, then 100 000 counted requests on 200 connections
 *   npx tsx bench/redirect.ts --duration 3 --rounds 1    # quick look
 *   npx tsx bench/redirect.ts --steps                    # + CPU per request of each step of the redirect
 *
 * Options: --duration <s> --rounds <n> --links <n> --requests <n> --counted-connections <n> --drain <s> --machine-wait <s>
 *          --tool wrk|autocannon --via-entry
 *          --steps --step-rounds <n>
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CONNECTIONS, pickTool, stopLoad } from './lib/load';
import { measure, waitQuiet, type Measured, type RunContext } from './lib/measure';
import { fixedCountCheck } from './lib/fixed-count';
import { bundle, disposeAll, killBundling, ROOT, serve, type Served } from './lib/serve';
import { migrate, seedLinks } from './lib/seed';
import { runSteps } from './lib/steps';
import { digestOutput, fmt, median, printRuns, spread } from './lib/report';

const { values: opts } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    links: { type: 'string', default: '64' },
    requests: { type: 'string', default: '100000' },
    'counted-connections': { type: 'string', default: '200' },
    drain: { type: 'string', default: '90' },
    'machine-wait': { type: 'string', default: '15' },
    tool: { type: 'string' },
    'via-entry': { type: 'boolean', default: false },
    steps: { type: 'boolean', default: false },
    'step-rounds': { type: 'string', default: '2' },
  },
});
const seconds = Number(opts.duration);
const rounds = Number(opts.rounds);
const linkCount = Math.max(40, Number(opts.links));
const drainMs = Number(opts.drain) * 1000;
const machineWaitMs = Number(opts['machine-wait']) * 1000;
const SECRETS = { CLICK_SIGNING_KEY: 'bench-click-signing-key', OPERATOR_TOKEN: 'bench-operator-token' };

const tmp = mkdtempSync(path.join(os.tmpdir(), 'relais-bench-'));
const served: Served[] = [];
/** Stops everything the bench started, gracefully, and deletes its temp dir. */
async function cleanup(): Promise<void> {
  stopLoad();
  killBundling();
  await disposeAll();
  rmSync(tmp, { recursive: true, force: true });
}
// Interrupts: wrangler and Miniflare install SIGINT/SIGTERM handlers that exit at once (Miniflare's also
// stops workerd), so what must not outlive the bench is stopped here, synchronously, on any exit.
process.on('exit', () => {
  stopLoad();
  killBundling();
  rmSync(tmp, { recursive: true, force: true });
});

async function main(): Promise<void> {
  const began = Date.now();
  const tool = pickTool(opts.tool);
  console.log(`load: ${tool}${tool === 'wrk' ? ' (2 threads)' : ' (in-process: it competes with workerd for the 2 cores)'}, ${CONNECTIONS} connections, ${seconds} s per run, ${rounds} rounds (A B B A …), ${linkCount} random slugs`);
  console.log(`served: one Miniflare (one workerd) per Worker, ${opts['via-entry'] ? "through Miniflare's entry Worker" : 'each Worker on its own socket (no Miniflare entry Worker)'}, request logging off, no inspector`);

  const [redirectDir, constantDir] = await Promise.all([
    bundle(path.join(tmp, 'redirect')),
    bundle(path.join(tmp, 'constant'), path.join(ROOT, 'bench', 'constant-worker.ts')),
  ]);
  const redirect = await serve({ dir: redirectDir, persist: path.join(tmp, 'state-redirect'), secrets: SECRETS, viaEntry: opts['via-entry'] });
  served.push(redirect);
  const constant = await serve({ dir: constantDir, persist: path.join(tmp, 'state-constant'), secrets: SECRETS, viaEntry: opts['via-entry'] });
  served.push(constant);
  await migrate(redirect.mf);
  const timedLinks = await seedLinks(redirect.mf, linkCount, 'timed');
  const countedLinks = await seedLinks(redirect.mf, linkCount, 'counted');
  const paths = timedLinks.slugs.map((s) => `/${s}`);
  await preflight(redirect.url, paths, true);
  await preflight(constant.url, paths.slice(0, 1), false);

  const ctx: RunContext = { all: served, tool, tmp, drainMs, machineWaitMs };
  // Warm-up (JIT, link cache, daily salt), not counted.
  for (const target of [redirect, constant]) await measure({ ...ctx, machineWaitMs: 0 }, target, paths, Math.min(3, seconds));

  const runs: Array<{ worker: 'redirect' | 'constant'; round: number; m: Measured }> = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? ([['redirect', redirect], ['constant', constant]] as const) : ([['constant', constant], ['redirect', redirect]] as const);
    for (const [worker, target] of order) {
      const m = await measure(ctx, target, paths, seconds);
      runs.push({ worker, round, m });
      console.log(`  run ${runs.length}: ${worker.padEnd(8)} ${fmt(m.rps, 0).padStart(6)} req/s  ${fmt(m.cpuUs, 0).padStart(5)} µs CPU/req  (+${fmt(m.drainUs, 0)} µs after the run)`);
    }
  }
  printRuns(runs);
  const of = (w: string) => runs.filter((r) => r.worker === w).map((r) => r.m);
  const ratios = Array.from({ length: rounds }, (_, i) => runs.find((r) => r.round === i && r.worker === 'redirect')!.m.rps / runs.find((r) => r.round === i && r.worker === 'constant')!.m.rps);
  const cpuRatio = median(of('redirect').map((m) => m.cpuUs)) / median(of('constant').map((m) => m.cpuUs));
  console.log(`\nratio redirect/constant, req/s: ${spread(ratios, 2)} (median (min–max) over ${rounds} A/B pairs; target ≥ 0.80)`);
  console.log(`CPU per request: redirect ${spread(of('redirect').map((m) => m.cpuUs), 0)} µs (+${spread(of('redirect').map((m) => m.drainUs), 0)} µs after the run), constant ${spread(of('constant').map((m) => m.cpuUs), 0)} µs: ×${fmt(cpuRatio, 1)}`);

  await waitQuiet([redirect.pid], drainMs);
  const countedConnections = Number(opts['counted-connections']);
  const counted = await fixedCountCheck(redirect, countedLinks, Number(opts.requests), countedConnections, drainMs);
  const lostLines = redirect.output.filter((l) => l.includes('clicks lost')).length;
  console.log(`\nfixed-count run: ${counted.sent} requests on ${countedConnections} connections in ${fmt(counted.seconds, 1)} s (${fmt(counted.sent / counted.seconds, 0)} req/s), latency p50 ${counted.p50Ms} ms, p99 ${counted.p99Ms} ms, statuses ${JSON.stringify(counted.statuses)}`);
  if (counted.queueRefusals) console.log(`Miniflare's queue refused ${counted.queueRefusals} sendBatch calls (≥ 10 000 pending messages): those clicks went to D1 through sendClick's fallback`);
  console.log(`302s answered: ${counted.found}, clicks stored: ${counted.rows} (rollup ${counted.rollup}), lost: ${counted.found - counted.rows}${counted.drained ? '' : ` (still arriving after ${opts.drain} s)`}${lostLines ? `; the Worker logged ${lostLines} "clicks lost"` : ''}`);

  const logged = digestOutput(redirect.output);
  if (logged.length) console.log(`\nthe redirect's workerd wrote ${redirect.output.length} lines (the Worker's console and workerd's own messages):\n${logged.join('\n')}`);

  const steps = opts.steps ? await runSteps(ctx, { secrets: SECRETS, seconds, rounds: Number(opts['step-rounds']), linkCount, viaEntry: opts['via-entry'] }) : undefined;

  const summary = {
    date: new Date().toISOString(), node: process.version, cores: os.cpus().length, tool, viaEntry: opts['via-entry'], connections: CONNECTIONS, seconds, rounds, links: linkCount,
    redirect: { queueRefusals: of('redirect').map((m) => m.queueRefusals), rps: of('redirect').map((m) => Math.round(m.rps)), cpuUs: of('redirect').map((m) => Math.round(m.cpuUs)), drainUs: of('redirect').map((m) => Math.round(m.drainUs)), p99Ms: of('redirect').map((m) => m.p99Ms) },
    otherCores: { redirect: of('redirect').map((m) => round2(m.otherCores)), constant: of('constant').map((m) => round2(m.otherCores)) },
    constant: { rps: of('constant').map((m) => Math.round(m.rps)), cpuUs: of('constant').map((m) => Math.round(m.cpuUs)), p99Ms: of('constant').map((m) => m.p99Ms) },
    ratio: { median: round2(median(ratios)), min: round2(Math.min(...ratios)), max: round2(Math.max(...ratios)) },
    fixedCount: { requests: counted.sent, connections: countedConnections, p50Ms: counted.p50Ms, p99Ms: counted.p99Ms, seconds: Math.round(counted.seconds), queueRefusals: counted.queueRefusals, answered302: counted.found, stored: counted.rows, rollup: counted.rollup, lost: counted.found - counted.rows },
    ...(steps ? { steps } : {}),
    benchSeconds: Math.round((Date.now() - began) / 1000),
  };
  console.log(`\nsummary ${JSON.stringify(summary)}`);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Every slug must answer a 302 (with a click id for the redirect) before anything is measured. */
async function preflight(base: URL, paths: string[], tracked: boolean): Promise<void> {
  for (const p of paths) {
    const res = await fetch(new URL(p, base), { redirect: 'manual' });
    const location = res.headers.get('location') ?? '';
    if (res.status !== 302 || (tracked && !location.includes('rl_cid='))) throw new Error(`GET ${p} answered ${res.status} ${location}`);
  }
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanup();
  // Nothing may keep the bench alive (a Miniflare that failed half-way, a stray socket).
  process.exit();
}
