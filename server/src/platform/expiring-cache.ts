/**
 * Values loaded on demand and kept for a while. Concurrent misses of one key share one load, so a
 * burst of requests after an expiry or a restart (every kiosk of a venue reconnecting at once)
 * reads the database once, not once per request. A failed load is not kept.
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const at = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > at) return hit.value;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const value = load();
    this.entries.set(key, { value, until: at + this.ttlMs });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  /** Forgets a key, e.g. after this replica changed what it holds; the next get loads again. */
  delete(key: string): void {
    this.entries.delete(key);
  }
}
