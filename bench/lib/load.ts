/**
 * Load from the loopback: `wrk` when installed (a C client, light on the 2 cores the Worker needs),
 * else autocannon (in-process: it competes with workerd for CPU). 50 connections, random slugs,
 * redirects never followed (neither tool follows them).
 */
import { execFile, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';

export const CONNECTIONS = 50;
/** A browser's headers, so the hits take the `human` path through classification. */
export const HEADERS = {
  'User-Agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  Referer: 'https://www.linkedin.com/',
  // What Cloudflare's edge (or Miniflare's entry Worker) would add; the direct socket gets none.
  'CF-Connecting-IP': '203.0.113.7',
};

export type Tool = 'wrk' | 'autocannon';

const running = new Set<ChildProcess>();

/** Kills any wrk still running (on exit or interrupt). */
export function stopLoad(): void {
  for (const child of running) child.kill('SIGKILL');
}

export interface RunResult {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses other than the expected status. */
  errors: number;
  /** Connection errors and timeouts (wrk: a response slower than 2 s counts as a timeout). */
  socketErrors: number;
}

export function pickTool(forced?: string): Tool {
  if (forced === 'wrk' || forced === 'autocannon') return forced;
  return spawnSync('wrk', ['--version']).error ? 'autocannon' : 'wrk';
}

/** Drives `base` for `seconds` with GETs on random `paths`. */
export function timedRun(tool: Tool, base: URL, paths: string[], seconds: number, tmp: string): Promise<RunResult> {
  return tool === 'wrk' ? wrkRun(base, paths, seconds, tmp) : autocannonRun(base, paths, seconds);
}

function wrkScript(paths: string[], tmp: string): string {
  const file = path.join(tmp, 'random-slugs.lua');
  const headers = Object.entries(HEADERS).map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`);
  writeFileSync(file, [
    `local paths = {${paths.map((p) => JSON.stringify(p)).join(',')}}`,
    ...headers,
    'local next_id = 1',
    'function setup(thread) thread:set("id", next_id); next_id = next_id + 1 end',
    'function init(args) math.randomseed(os.time() * 1000 + id) end',
    'function request() return wrk.format("GET", paths[math.random(#paths)]) end',
  ].join('\n'));
  return file;
}

const UNIT_MS: Record<string, number> = { us: 1e-3, ms: 1, s: 1e3, m: 6e4 };
const latencyMs = (text: string, pct: string) => {
  const m = text.match(new RegExp(`^\\s*${pct}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm'));
  return m ? Number(m[1]) * (UNIT_MS[m[2]!] ?? NaN) : NaN;
};

function wrkRun(base: URL, paths: string[], seconds: number, tmp: string): Promise<RunResult> {
  const args = ['-t2', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', '-s', wrkScript(paths, tmp), base.origin];
  return new Promise((resolve, reject) => {
    // execFile's child is killed with the bench (timeout as a backstop against a hung run).
    const child = execFile('wrk', args, { timeout: (seconds + 30) * 1000 }, (error, stdout) => {
      running.delete(child);
      if (error) return reject(new Error(`wrk failed: ${error.message}\n${stdout}`));
      const num = (re: RegExp) => Number(stdout.match(re)?.[1] ?? 0);
      const requests = num(/(\d+) requests in/);
      const took = Number(stdout.match(/requests in ([\d.]+)s/)?.[1] ?? seconds);
      const socket = stdout.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
      const socketErrors = socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0;
      resolve({
        requests, seconds: took, rps: num(/Requests\/sec:\s+([\d.]+)/),
        p50Ms: latencyMs(stdout, '50'), p99Ms: latencyMs(stdout, '99'),
        errors: num(/Non-2xx or 3xx responses: (\d+)/), socketErrors,
      });
    });
    running.add(child);
  });
}

function randomPaths(paths: string[]) {
  return [{ method: 'GET', setupRequest: (req: object) => ({ ...req, path: paths[Math.floor(Math.random() * paths.length)] }) }];
}

async function autocannonRun(base: URL, paths: string[], seconds: number): Promise<RunResult> {
  const r = await autocannon({ url: base.origin, connections: CONNECTIONS, duration: seconds, headers: HEADERS, requests: randomPaths(paths) });
  const ok = r.statusCodeStats['302']?.count ?? 0;
  return { requests: r.requests.total, seconds: r.duration, rps: r.requests.total / r.duration, p50Ms: r.latency.p50, p99Ms: r.latency.p99, errors: r.requests.total - ok, socketErrors: r.errors + r.timeouts };
}

/** Sends exactly `amount` GETs on random `paths` over `connections` and counts the 302s answered. */
export async function fixedCountRun(base: URL, paths: string[], amount: number, connections: number) {
  const r = await autocannon({ url: base.origin, connections, amount, timeout: 30, headers: HEADERS, requests: randomPaths(paths) });
  const statuses = Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count]));
  return { sent: r.requests.total, found: statuses['302'] ?? 0, seconds: r.duration, statuses, p50Ms: r.latency.p50, p99Ms: r.latency.p99 };
}
