/**
 * Cloudflare's list prices (Workers Paid, USD) as read on `PRICES.readOn` from the pages named in each
 * `source`, and the cost of a number of clicks at those prices, term by term. Marginal prices: the
 * $5 subscription and the monthly included amounts are shown apart, not subtracted.
 */

export const PRICES = {
  readOn: '2026-12-07',
  workers: {
    source: 'https://developers.cloudflare.com/workers/platform/pricing/',
    subscriptionPerMonth: 5,
    perMillionRequests: 0.3,
    includedRequests: 10_000_000,
    perMillionCpuMs: 0.02,
    includedCpuMs: 30_000_000,
  },
  queues: {
    source: 'https://developers.cloudflare.com/queues/platform/pricing/',
    perMillionOperations: 0.4,
    includedOperations: 1_000_000,
    /** An operation is counted per 64 KB (KB = 1 000 bytes) written, read or deleted; a message carries ≈ 100 bytes of metadata. */
    operationBytes: 64_000,
    metadataBytes: 100,
    /** Write, read, delete. */
    operationsPerDelivery: 3,
  },
  d1: {
    source: 'https://developers.cloudflare.com/d1/platform/pricing/',
    perMillionRowsRead: 0.001,
    includedRowsRead: 25_000_000_000,
    perMillionRowsWritten: 1,
    includedRowsWritten: 50_000_000,
    perGbMonth: 0.75,
    includedGb: 5,
    /** developers.cloudflare.com/d1/platform/limits/: 10 GB per database (Workers Paid), counted here as 10¹⁰ bytes. */
    maxDatabaseBytes: 10_000_000_000,
  },
} as const;

/** What one click costs in each billed unit. */
export interface PerClick {
  /** Worker invocations: the redirect, plus the consumer's share of one invocation. */
  requests: number;
  cpuMs: number;
  queueOperations: number;
  rowsRead: number;
  rowsWritten: number;
  bytesStored: number;
}

export interface CostLine {
  item: string;
  quantity: string;
  arithmetic: string;
  usd: number;
}

const millions = (x: number) => (x / 1e6).toLocaleString('en', { maximumFractionDigits: 4 });
const usd = (x: number) => `$${x.toFixed(x < 0.1 ? 4 : 2)}`;

/** The cost of `clicks` clicks, one line per billed unit, with the arithmetic spelled out. */
export function costOf(clicks: number, per: PerClick): CostLine[] {
  const w = PRICES.workers;
  const q = PRICES.queues;
  const d = PRICES.d1;
  const line = (item: string, amount: number, unit: string, price: number, per1: string): CostLine => ({
    item,
    quantity: `${amount.toLocaleString('en', { maximumFractionDigits: 0 })} ${unit}`,
    arithmetic: `${millions(amount)} M × $${price} ${per1}`,
    usd: (amount / 1e6) * price,
  });
  const gb = (clicks * per.bytesStored) / 1e9;
  return [
    line('Workers requests', clicks * per.requests, 'invocations', w.perMillionRequests, '/ M'),
    line('Workers CPU', clicks * per.cpuMs, 'CPU ms', w.perMillionCpuMs, '/ M CPU ms'),
    line('Queues', clicks * per.queueOperations, 'operations', q.perMillionOperations, '/ M'),
    line('D1 rows written', clicks * per.rowsWritten, 'rows', d.perMillionRowsWritten, '/ M'),
    line('D1 rows read', clicks * per.rowsRead, 'rows', d.perMillionRowsRead, '/ M'),
    { item: 'D1 storage', quantity: `${gb.toFixed(3)} GB`, arithmetic: `${gb.toFixed(3)} GB × $${d.perGbMonth} / GB-month`, usd: gb * d.perGbMonth },
  ];
}

/** Queue operations one message costs: write, read and delete, each per 64 KB started. */
export function operationsPerMessage(bytes: number): number {
  return PRICES.queues.operationsPerDelivery * Math.ceil((bytes + PRICES.queues.metadataBytes) / PRICES.queues.operationBytes);
}

/** The cost lines as printed, then their total. */
export function formatCost(lines: CostLine[]): string[] {
  const total = lines.reduce((sum, l) => sum + l.usd, 0);
  return [
    ...lines.map((l) => `    ${l.item.padEnd(17)} ${l.quantity.padStart(24)}   ${l.arithmetic.padEnd(36)} = ${usd(l.usd).padStart(8)}`),
    `    ${'total'.padEnd(17)} ${''.padStart(24)}   ${'(storage: per month kept)'.padEnd(36)} = ${usd(total).padStart(8)}`,
  ];
}
