/** The loss check: exactly N requests, then the clicks that reached D1 (queue, or the D1 fallback). */
import { setTimeout as sleep } from 'node:timers/promises';
import { fixedCountRun } from './load';
import type { Served } from './serve';
import { storedClicks, type LinkSet } from './seed';

/** No new click row for this long, with the queue's 2 s batch timeout long past: nothing more is coming. */
const STALL_MS = 20_000;

export async function fixedCountCheck(target: Served, links: LinkSet, amount: number, connections: number, drainMs: number) {
  const [refused0, dead0] = [target.log.queueRefusals, target.log.deadLettered];
  const run = await fixedCountRun(target.url, links.slugs.map((s) => `/${s}`), amount, connections);
  const deadline = Date.now() + drainMs;
  let stored = await storedClicks(target.mf, links);
  let lastChange = Date.now();
  while (stored.rows < run.found && Date.now() < deadline && Date.now() - lastChange < STALL_MS) {
    await sleep(1000);
    const next = await storedClicks(target.mf, links);
    if (next.rows !== stored.rows) lastChange = Date.now();
    stored = next;
  }
  // The rollup commits in the same D1 batch as its rows; read once more so both come from one moment.
  stored = await storedClicks(target.mf, links);
  return { ...run, ...stored, drained: stored.rows >= run.found, queueRefusals: target.log.queueRefusals - refused0, deadLettered: target.log.deadLettered - dead0 };
}
