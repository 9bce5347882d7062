/** Number formatting and the per-run table. */
import type { Measured } from './measure';

export const fmt = (x: number, digits: number) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** `median (min–max)`. */
export const spread = (xs: number[], digits: number) => `${fmt(median(xs), digits)} (${fmt(Math.min(...xs), digits)}–${fmt(Math.max(...xs), digits)})`;

export function printRuns(runs: Array<{ worker: string; round: number; m: Measured }>): void {
  console.log('\nrun  worker      req/s   p50 ms   p99 ms   CPU µs/req   after-run µs/req   non-3xx  socket err   refused  dead-lettered   cores: workerd  load  others');
  runs.forEach(({ worker, m }, i) => {
    console.log(
      [
        String(i + 1).padEnd(4),
        worker.padEnd(9),
        fmt(m.rps, 0).padStart(7),
        fmt(m.p50Ms, 2).padStart(8),
        fmt(m.p99Ms, 2).padStart(8),
        fmt(m.cpuUs, 0).padStart(12),
        (fmt(m.drainUs, 0) + (m.drained ? '' : '+')).padStart(18),
        String(m.errors).padStart(7),
        String(m.socketErrors).padStart(11),
        String(m.queueRefusals).padStart(9),
        String(m.deadLettered).padStart(14),
        fmt(m.workerdCores, 2).padStart(15),
        fmt(m.loadCores, 2).padStart(5),
        fmt(m.otherCores, 2).padStart(7),
      ].join(' '),
    );
  });
}

/** What a Worker wrote to stdout/stderr, as distinct lines (ids and numbers blanked) with counts, most frequent first. */
export function digestOutput(lines: string[], max = 8): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const key = line.replace(/\b[0-9a-f]{16,}\b|\b[A-Za-z0-9_-]{20,}\b|\d+/g, '…').slice(0, 240);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, max).map(([line, n]) => `${String(n).padStart(7)}× ${line}`);
}
