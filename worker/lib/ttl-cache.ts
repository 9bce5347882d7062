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
    if (!entry) return undefined;
    if (entry.expires > now) return entry.value;
    this.#entries.delete(key);
    return undefined;
  }

  set(key: string, value: V, now: number): void {
    // Map keeps insertion order: dropping the first key evicts the oldest entry.
    if (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value as string);
    this.#entries.set(key, { value, expires: now + this.ttlMs });
  }

  clear(): void {
    this.#entries.clear();
  }
}
