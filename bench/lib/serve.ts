/**
 * Serves a Worker the way production runs it, minus the dev tooling (scripts/bundled-worker.ts): one
 * Miniflare instance (one workerd process) per Worker, request logging off, no inspector, and the
 * Worker on a socket of its own (`unsafeDirectSockets`), so that requests skip Miniflare's entry Worker.
 * Not `wrangler dev`, whose proxy hop and always-on inspector cap a trivial Worker near 2 600 req/s.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Log, LogLevel, Miniflare } from 'miniflare';
import { bundledWorkerOptions, ROOT, WRANGLER_CONFIG as CONFIG } from '../../scripts/bundled-worker';

export { ROOT };
const exec = promisify(execFile);

const bundling = new Set<ChildProcess>();

/** Bundles `entry` (default: wrangler.toml's `main`) with `wrangler deploy --dry-run`; returns the bundle's directory. */
export function bundle(outdir: string, entry?: string): Promise<string> {
  const args = ['deploy', '--dry-run', '--outdir', outdir, '--config', CONFIG, ...(entry ? [entry] : [])];
  return new Promise((resolve, reject) => {
    // Its own process group, so that an interrupted bench can stop wrangler and the node process it starts.
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'wrangler'), args, {
      cwd: ROOT, env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    });
    bundling.add(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      bundling.delete(child);
      if (code === 0) resolve(outdir);
      else reject(new Error(`wrangler ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}

/** Kills any wrangler still bundling, with the node process it starts (synchronous: usable on exit). */
export function killBundling(): void {
  for (const child of bundling) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/**
 * Miniflare's log, minus the floods: when its local queue holds 10 000 pending messages, every further
 * `send` fails with a QuotaExceededError that Miniflare logs with its stack (the Worker then takes its
 * D1 fallback); and each message moved to the dead-letter queue gets a line. Both are counted, the rest
 * is printed.
 */
class CountingLog extends Log {
  queueRefusals = 0;
  /** Messages the queue gave up on after `max_retries` (one log line each): clicks the consumer could not record. */
  deadLettered = 0;
  protected override log(message: string): void {
    if (message.includes('QuotaExceededError')) this.queueRefusals++;
    else if (message.includes('to dead letter queue')) this.deadLettered++;
    else console.log(message);
  }
}

export interface Served {
  url: URL;
  log: CountingLog;
  /** The workerd process serving this Worker (its CPU is what the bench measures). */
  pid: number;
  mf: Miniflare;
  /** Lines the Worker wrote to stdout/stderr (console.*), kept to report dropped clicks. */
  output: string[];
}

export interface ServeOptions {
  /** Directory of the bundle (`index.js`). */
  dir: string;
  /** Persistence root (D1 etc.), a fresh temp dir. */
  persist: string;
  secrets: Record<string, string>;
  /**
   * Load the Worker through Miniflare's entry Worker (its dev front door, ≈ 160 µs of CPU per request
   * here) instead of a socket of its own. Off by default: production has no such hop.
   */
  viaEntry?: boolean;
}

/** Every Miniflare started and not yet disposed, ready or not. */
const live = new Set<Miniflare>();

/** Disposes every Miniflare this process started (on exit or interrupt). */
export async function disposeAll(): Promise<void> {
  await Promise.allSettled([...live].map((mf) => mf.dispose()));
  live.clear();
}

/** Starts one Worker in its own workerd on 127.0.0.1 and an ephemeral port. */
export async function serve(options: ServeOptions): Promise<Served> {
  // Static assets are left out: a short link never reaches them, and the direct socket bypasses them anyway.
  const worker = bundledWorkerOptions({ dir: options.dir, assets: false, secrets: options.secrets });
  const before = workerdPids();
  const output: string[] = [];
  const log = new CountingLog(LogLevel.WARN);
  const mf: Miniflare = new Miniflare({
    ...worker,
    // The Worker's own socket: requests reach it without crossing Miniflare's entry Worker.
    unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }],
    host: '127.0.0.1',
    port: 0,
    log,
    logRequests: false,
    verbose: false,
    // A fixed Request.cf: offline, Miniflare would otherwise try to download one.
    cf: { country: 'FR', asn: 3215, colo: 'CDG' },
    defaultPersistRoot: options.persist,
    handleRuntimeStdio(stdout, stderr) {
      for (const stream of [stdout, stderr]) stream.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean)));
    },
  });
  live.add(mf);
  let url: URL;
  try {
    const entry = await mf.ready;
    url = options.viaEntry ? entry : await mf.unsafeGetDirectURL('relais');
    if (url.hostname !== '127.0.0.1') throw new Error(`expected a loopback address, got ${url.href}`);
  } catch (error) {
    live.delete(mf);
    await mf.dispose().catch(() => undefined);
    throw error;
  }
  const started = workerdPids().filter((pid) => !before.includes(pid));
  if (started.length !== 1) {
    live.delete(mf);
    await mf.dispose();
    throw new Error(`expected one new workerd process, found ${started.length}`);
  }
  return { url, pid: started[0]!, mf, output, log };
}

/** workerd processes descending from this one. */
function workerdPids(): number[] {
  const parents = new Map<number, number>();
  const names = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) {
      parents.set(Number(entry), stat.ppid);
      names.set(Number(entry), stat.comm);
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === process.pid) return true;
    return false;
  };
  return [...names].filter(([pid, comm]) => comm === 'workerd' && descends(pid)).map(([pid]) => pid);
}

function readStat(pid: number): { comm: string; ppid: number; ticks: number } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // exited meanwhile
  }
  // comm is in parentheses and may contain spaces: split after the last ')'.
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).split(' ');
  // After comm: state(0) ppid(1) … utime(11) stime(12), in clock ticks.
  return { comm: text.slice(text.indexOf('(') + 1, close), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
}

/** Clock ticks per second for /proc/<pid>/stat (USER_HZ). */
let hz: number | undefined;
async function ticksPerSecond(): Promise<number> {
  if (hz === undefined) {
    try {
      hz = Number((await exec('getconf', ['CLK_TCK'])).stdout.trim()) || 100;
    } catch {
      hz = 100;
    }
  }
  return hz;
}

/** Machine-wide CPU from /proc/stat (all cores), µs: busy and total. */
export async function machineMicros(): Promise<{ busy: number; total: number }> {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = fields[3]! + fields[4]!;
  const hz = await ticksPerSecond();
  return { busy: ((total - idle) * 1e6) / hz, total: (total * 1e6) / hz };
}

/** CPU of this process plus its exited children (wrk, once reaped), µs. */
export async function selfAndChildrenMicros(): Promise<number> {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // After comm: utime(11) stime(12) cutime(13) cstime(14).
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  return (ticks * 1e6) / (await ticksPerSecond());
}

/** CPU time (user + system, all threads) consumed so far by `pid`, in microseconds. */
export async function cpuMicros(pid: number): Promise<number> {
  const stat = readStat(pid);
  if (!stat) throw new Error(`workerd ${pid} is gone`);
  return (stat.ticks * 1e6) / (await ticksPerSecond());
}
