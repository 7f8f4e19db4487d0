/**
 * Data attached to an object for as long as the object lives, as a WeakMap would keep it, but
 * stored on the object itself under a private symbol, not enumerable, so no copy, comparison,
 * JSON or structured clone sees it.
 *
 * Why not a WeakMap: V8's young-generation collector does not clear a WeakMap entry whose key
 * died; it keeps the value until a full collection. Parse trees, models and indexes cached per
 * file in module-level WeakMaps therefore outlived each file's lint and were copied into the old
 * generation (a scan of 2,496 manifests spent 888 ms in young collections with WeakMaps, 404 ms
 * with this; docs/benchmarks.md). A property on the key dies with the key.
 *
 * Keys that cannot take a property (frozen, sealed or otherwise not extensible) fall back to a
 * WeakMap, so the table still works for them, only without the gain.
 */
export class SideTable<K extends object, V> {
  private readonly slot: symbol;
  private fallback: WeakMap<K, V> | undefined;

  constructor(description: string) {
    this.slot = Symbol(description);
  }

  get(key: K): V | undefined {
    if (this.fallback?.has(key)) return this.fallback.get(key);
    return this.slot in key ? (key as Record<symbol, V>)[this.slot] : undefined;
  }

  has(key: K): boolean {
    return this.slot in key || (this.fallback?.has(key) ?? false);
  }

  set(key: K, value: V): this {
    const own = Object.getOwnPropertyDescriptor(key, this.slot);
    if (own ? own.writable : Object.isExtensible(key)) {
      Object.defineProperty(key, this.slot, { value, enumerable: false, writable: true, configurable: true });
    } else {
      // Frozen or sealed, possibly after a value was set: the map's answer wins from then on.
      (this.fallback ??= new WeakMap()).set(key, value);
    }
    return this;
  }

  delete(key: K): boolean {
    const inFallback = this.fallback?.delete(key) ?? false;
    const own = Object.getOwnPropertyDescriptor(key, this.slot);
    if (own?.configurable) delete (key as Record<symbol, unknown>)[this.slot];
    return inFallback || own !== undefined;
  }
}
