/** One measured run: load on a Worker, its workerd's CPU during the run, and the CPU it spends after (the drain). */
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { timedRun, type RunResult, type Tool } from './load';
import { cpuMicros, machineMicros, selfAndChildrenMicros, type Served } from './serve';

export interface Measured extends RunResult {
  /** workerd CPU during the run, per request, µs. */
  cpuUs: number;
  /** workerd CPU after the run until it went quiet (queue consumer, fallback writes), per request, µs. */
  drainUs: number;
  /** Whether workerd went quiet before the drain timeout. */
  drained: boolean;
  /** CPU of the bench itself during the run (Node + wrk), in cores. */
  loadCores: number;
  /** CPU of everything else on the machine during the run, in cores: other processes competing with workerd. */
  otherCores: number;
  /** workerd's own CPU during the run, in cores. */
  workerdCores: number;
  /** `send` calls Miniflare's queue refused (≥ 10 000 pending), during the run and its drain. */
  queueRefusals: number;
  /** Messages moved to the dead-letter queue during the run and its drain. */
  deadLettered: number;
}

const WINDOW_MS = 1000;
/** Below this share of one core, workerd counts as idle. */
const IDLE_SHARE = 0.03;
/** Consecutive idle windows: longer than the queue's 2 s max_batch_timeout, so a pending partial batch is not mistaken for quiet. */
const IDLE_WINDOWS = 3;

/**
 * Waits until every `pids` used < 3 % of a core for 3 s in a row, or `timeoutMs`. Returns whether it did,
 * and the CPU spent meanwhile by the first pid minus its idle floor (µs).
 */
export async function waitQuiet(pids: number[], timeoutMs: number): Promise<{ quiet: boolean; cpuUs: number }> {
  const start = await cpuMicros(pids[0]!);
  const deadline = Date.now() + timeoutMs;
  let idle = 0;
  let last = await Promise.all(pids.map(cpuMicros));
  while (Date.now() < deadline) {
    await sleep(WINDOW_MS);
    const now = await Promise.all(pids.map(cpuMicros));
    const busy = now.some((c, i) => c - last[i]! > IDLE_SHARE * WINDOW_MS * 1000);
    last = now;
    idle = busy ? 0 : idle + 1;
    if (idle >= IDLE_WINDOWS) return { quiet: true, cpuUs: Math.max(0, last[0]! - start) };
  }
  return { quiet: false, cpuUs: Math.max(0, last[0]! - start) };
}

/** Other processes may use this much of the machine before a run starts, in cores. */
const OTHERS_MAX_CORES = 0.25;

/**
 * On a shared machine, waits (at most `maxMs`) until processes other than the bench's have used less
 * than a quarter of a core for 2 s in a row. Returns whether they did (if not, the `others` column shows it).
 */
export async function waitMachine(pids: number[], maxMs: number): Promise<boolean> {
  const ours = async () => (await Promise.all(pids.map(cpuMicros))).reduce((a, b) => a + b, await selfAndChildrenMicros());
  const deadline = Date.now() + maxMs;
  let calm = 0;
  let [box, mine] = [await machineMicros(), await ours()];
  while (Date.now() < deadline) {
    await sleep(WINDOW_MS);
    const [box1, mine1] = [await machineMicros(), await ours()];
    const others = ((box1.busy - box.busy - (mine1 - mine)) / (box1.total - box.total)) * os.cpus().length;
    [box, mine] = [box1, mine1];
    calm = others < OTHERS_MAX_CORES ? calm + 1 : 0;
    if (calm >= 2) return true;
  }
  return false;
}

/** How runs are made, shared by every run of a bench. */
export interface RunContext {
  /** Every Worker started: all must be quiet before a run. */
  all: Served[];
  tool: Tool;
  tmp: string;
  drainMs: number;
  /** How long to wait for other processes to calm down before a run (0: don't). */
  machineWaitMs: number;
}

/** Loads `target` for `seconds` (every Worker quiet first), then waits for it to go quiet again. */
export async function measure(ctx: RunContext, target: Served, paths: string[], seconds: number): Promise<Measured> {
  const { tool, tmp, drainMs: drainTimeoutMs } = ctx;
  await waitQuiet(ctx.all.map((s) => s.pid), drainTimeoutMs);
  if (ctx.machineWaitMs > 0) await waitMachine(ctx.all.map((s) => s.pid), ctx.machineWaitMs);
  const [refused0, dead0] = [target.log.queueRefusals, target.log.deadLettered];
  const [cpu0, self0, box0] = [await cpuMicros(target.pid), await selfAndChildrenMicros(), await machineMicros()];
  const run = await timedRun(tool, target.url, paths, seconds, tmp);
  const [cpu1, self1, box1] = [await cpuMicros(target.pid), await selfAndChildrenMicros(), await machineMicros()];
  const drain = await waitQuiet([target.pid], drainTimeoutMs);
  const per = (us: number) => (run.requests > 0 ? us / run.requests : NaN);
  const cores = (us: number) => us / (box1.total - box0.total) * os.cpus().length;
  return {
    ...run, cpuUs: per(cpu1 - cpu0), drainUs: per(drain.cpuUs), drained: drain.quiet, queueRefusals: target.log.queueRefusals - refused0, deadLettered: target.log.deadLettered - dead0,
    workerdCores: cores(cpu1 - cpu0), loadCores: cores(self1 - self0), otherCores: Math.max(0, cores(box1.busy - box0.busy - (cpu1 - cpu0) - (self1 - self0))),
  };
}
