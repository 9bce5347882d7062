/**
 * One recording of the storage bench: realistic events (storage-events.ts), coalesced by the real sink
 * (storage-pipeline.ts), posted to the consumer Worker (storage-worker.ts), with what D1 counted, what was
 * stored and the consumer's CPU.
 */
import type { Miniflare } from 'miniflare';
import { getDb } from '../../worker/lib/db';
import { resolveLink, type LinkTarget } from '../../worker/services/link-targets';
import { cpuMicros, type Served } from './serve';
import { seedLinks, storedClicks, type LinkSet } from './seed';
import { clickEvents } from './storage-events';
import { coalesce, type Sent } from './storage-pipeline';
import type { Consumed } from './storage-worker';

export const SIGNING_KEY = 'bench-click-signing-key';

export interface Recording {
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
export async function seedOrganisations(mf: Miniflare, n: number, label: string): Promise<LinkSet> {
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

/** Builds `clicks` events over `days` days, coalesces them `perWindow` at a time, and has the consumer Worker record them, `batchSize` messages per invocation. */
export async function record(served: Served, set: LinkSet, options: { clicks: number; days: number; perWindow: number; batchSize: number; seed: number }): Promise<Recording> {
  const { clicks, days, perWindow, batchSize, seed } = options;
  const d1 = (await served.mf.getD1Database('DB')) as unknown as D1Database;
  const events = await clickEvents(d1, await targetsOf(d1, set), { clicks, days, end: Date.now(), signingKey: SIGNING_KEY, seed });
  const sent = await coalesce(events, perWindow);
  const storedBefore = await storedClicks(served.mf, set);
  const cpuBefore = await cpuMicros(served.pid);
  const began = performance.now();
  const parts: Array<{ clicks: number; consumed: Consumed }> = [];
  for (let i = 0; i < sent.messages.length; i += CHUNK) {
    const messages = sent.messages.slice(i, i + CHUNK);
    // Through Miniflare's own client: a pooled keep-alive socket could outlive the previous instance on a reused port.
    const response = await served.mf.dispatchFetch(served.url, { method: 'POST', body: JSON.stringify({ messages, batchSize }) });
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
