/**
 * A small in-isolate cache with a time-to-live and a size cap. Each isolate has its own copy, so a
 * value may be stale for up to `ttlMs` in isolates other than the one that cleared it.
 */
export class TtlCache<V> {
  readonly #entries = new Map<string, { value: V; expires: number }>();

  constructor(
    readonly ttlMs: number,
    readonly maxEntries: number,
  ) {}

  /** The cached value, or undefined when absent or expired. */
  get(key: string, now: number): V | undefined {
    const entry = this.#entries.get(key);
    return entry && entry.expires > now ? entry.value : undefined;
  }

  /** The last value set for `key`, even past its TTL (until evicted or cleared): a fallback when the source fails. */
  stale(key: string): V | undefined {
    return this.#entries.get(key)?.value;
  }

  set(key: string, value: V, now: number): void {
    this.#entries.delete(key);
    // Map keeps insertion order: dropping the first key evicts the oldest entry.
    if (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value as string);
    this.#entries.set(key, { value, expires: now + this.ttlMs });
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}
