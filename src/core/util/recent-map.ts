/**
 * A map that forgets its least recently used entries once their total weight passes a limit (by
 * default each entry weighs one, so the limit is a count). Caches kept from one lint to the next
 * use it so that a workspace scan of thousands of files cannot keep all of their parses alive.
 * The most recent entry always stays, however heavy: it is the one being worked on.
 */
export class RecentMap<K, V> {
  private readonly entries = new Map<K, { value: V; weight: number }>();
  private total = 0;

  constructor(
    private readonly limit: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The total weight of the entries kept. */
  get weight(): number {
    return this.total;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** The value under `key`, made the most recent. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): this {
    this.delete(key);
    const weight = this.weigh(value);
    this.entries.set(key, { value, weight });
    this.total += weight;
    while (this.total > this.limit && this.entries.size > 1) this.delete(this.entries.keys().next().value as K);
    return this;
  }

  /** The value under `key` (made the most recent), made and stored first when there is none. */
  getOrSet(key: K, make: () => V): V {
    const found = this.get(key);
    if (found !== undefined || this.entries.has(key)) return found as V;
    const value = make();
    this.set(key, value);
    return value;
  }

  delete(key: K): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.total -= entry.weight;
    return true;
  }

  keys(): IterableIterator<K> {
    return this.entries.keys();
  }
}
