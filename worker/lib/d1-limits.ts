/** D1's limits that a query's shape can run into (https://developers.cloudflare.com/d1/platform/limits/). */

/** Bound parameters one statement may carry. */
export const MAX_BOUND_PARAMETERS = 100;

/** `items` in consecutive slices of at most `size` (a statement binding `size` of them plus its own parameters). */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`chunk size ${size}`);
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
