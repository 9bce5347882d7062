/**
 * `--steps`: where the redirect's time goes. Each Worker of bench/steps/ adds one piece of the redirect
 * to the one before it (constant → short-link dispatch → slug lookup → click id → describeHit → coalescing → the
 * real queue → the real Worker, whose refused messages take the D1 fallback); all are served alike and loaded alike, in alternating order, and the
 * difference in CPU per request between neighbours is the cost of the piece that was added.
 */
import path from 'node:path';
import { measure, type Measured, type RunContext } from './measure';
import { median, fmt, spread } from './report';
import { bundle, ROOT, serve, type Served } from './serve';
import { migrate, seedLinks } from './seed';

const STEPS = [
  { name: 'constant', file: 'bench/constant-worker.ts', adds: 'a module Worker answering one fixed 302' },
  { name: 'route', file: 'bench/steps/1-route.ts', adds: "the entry point's short-link dispatch (slug pattern, reserved paths)" },
  { name: 'lookup', file: 'bench/steps/2-lookup.ts', adds: 'getDb(env.DB) (one handle per isolate) + resolveLink (isolate cache hit)' },
  { name: 'sign', file: 'bench/steps/3-sign.ts', adds: 'signClickId (HMAC-SHA256) + tracked Location' },
  { name: 'describe', file: 'bench/steps/4-describe.ts', adds: 'waitUntil(describeHit): visitor hash (SHA-256 over the cached daily salt)' },
  { name: 'coalesce', file: 'bench/steps/5-coalesce.ts', adds: 'sendClick coalescing, send stubbed out' },
  { name: 'queue', file: 'bench/steps/6-queue.ts', adds: 'send to the real queue (+ its consumer); refused messages dropped' },
  { name: 'redirect', file: undefined, adds: 'the real Worker: refused messages go to D1 (recordClicks) instead' },
] as const;

export interface StepOptions {
  secrets: Record<string, string>;
  seconds: number;
  rounds: number;
  linkCount: number;
  viaEntry: boolean;
}

/** Starts every step Worker (added to `ctx.all`, which the caller disposes), loads each, prints the table. */
export async function runSteps(ctx: RunContext, o: StepOptions) {
  console.log(`\nsteps: ${STEPS.length} Workers, ${o.rounds} rounds (forward, then backward), ${o.seconds} s each`);
  const workers: Array<{ served: Served; paths: string[] }> = [];
  for (const [i, step] of STEPS.entries()) {
    const dir = await bundle(path.join(ctx.tmp, `step-${i}`), step.file && path.join(ROOT, step.file));
    const served = await serve({ dir, persist: path.join(ctx.tmp, `state-step-${i}`), secrets: o.secrets, viaEntry: o.viaEntry });
    ctx.all.push(served);
    await migrate(served.mf);
    const links = await seedLinks(served.mf, o.linkCount, `step${i}`);
    workers.push({ served, paths: links.slugs.map((s) => `/${s}`) });
  }
  for (const w of workers) await measure({ ...ctx, machineWaitMs: 0 }, w.served, w.paths, Math.min(3, o.seconds)); // warm-up
  const results: Measured[][] = STEPS.map(() => []);
  for (let round = 0; round < o.rounds; round++) {
    const order = STEPS.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) {
      const m = await measure(ctx, workers[i]!.served, workers[i]!.paths, o.seconds);
      results[i]!.push(m);
      console.log(`  ${STEPS[i]!.name.padEnd(9)} ${fmt(m.rps, 0).padStart(6)} req/s  ${fmt(m.cpuUs, 0).padStart(5)} µs CPU/req  (+${fmt(m.drainUs, 0)} µs after the run)`);
    }
  }
  console.log('\nstep       req/s (median)   CPU µs/req      Δ vs previous   after-run µs/req   refused   others   adds');
  let previous = NaN;
  const table = STEPS.map((step, i) => {
    const ms = results[i]!;
    const cpu = median(ms.map((m) => m.cpuUs));
    const row = {
      step: step.name, rps: Math.round(median(ms.map((m) => m.rps))), cpuUs: Math.round(cpu),
      deltaUs: Number.isFinite(previous) ? Math.round(cpu - previous) : null, drainUs: Math.round(median(ms.map((m) => m.drainUs))),
      otherCores: Math.round(median(ms.map((m) => m.otherCores)) * 100) / 100,
      queueRefusals: ms.reduce((n, m) => n + m.queueRefusals, 0), deadLettered: ms.reduce((n, m) => n + m.deadLettered, 0),
    };
    console.log(`${step.name.padEnd(10)} ${String(row.rps).padStart(14)}   ${spread(ms.map((m) => m.cpuUs), 0).padStart(13)}   ${(row.deltaUs === null ? '' : (row.deltaUs >= 0 ? '+' : '') + row.deltaUs).padStart(13)}   ${String(row.drainUs).padStart(16)}   ${String(row.queueRefusals).padStart(7)}   ${fmt(row.otherCores, 2).padStart(6)}   ${step.adds}${row.deadLettered ? ` (${row.deadLettered} dead-lettered)` : ''}`);
    previous = cpu;
    return row;
  });
  return table;
}
