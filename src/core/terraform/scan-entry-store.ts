/**
 * Where a workspace scan keeps parses: a scan asks for most files once, but for a module that
 * several others call (the root module of a repository whose `examples/` call it, a shared child
 * module) again and again. A file of a called module, or one asked for a second time, is kept to
 * the end of the scan; any other stays among the last few only, in a ring of slots.
 *
 * Why a ring and not a map that forgets its oldest keys: V8 promotes to its old generation
 * whatever a long-lived map holds when the map's keys keep coming and going, even one entry at a
 * time, and a scan of thousands of files then spent more time collecting garbage than linting
 * (docs/benchmarks.md, fifth round). Slots that are overwritten, and a map that only grows with
 * what is really shared, do not have that cost.
 */
export class ScanEntryStore<T> {
  private readonly ring: Array<{ key: string; value: T } | undefined>;
  private next = 0;
  private readonly shared = new Map<string, T>();

  constructor(slots: number) {
    this.ring = new Array<{ key: string; value: T } | undefined>(Math.max(1, slots)).fill(undefined);
  }

  get size(): number {
    let count = this.shared.size;
    for (const slot of this.ring) if (slot && !this.shared.has(slot.key)) count++;
    return count;
  }

  get(key: string): T | undefined {
    const kept = this.shared.get(key);
    if (kept !== undefined) return kept;
    for (const slot of this.ring) {
      if (slot?.key !== key) continue;
      // Asked for again: a file several modules read, worth keeping to the end.
      this.shared.set(key, slot.value);
      return slot.value;
    }
    return undefined;
  }

  /** `shared`: the file belongs to a module that another one calls, so it will be asked for again. */
  set(key: string, value: T, shared = false): void {
    if (shared || this.shared.has(key)) {
      this.shared.set(key, value);
      return;
    }
    for (let i = 0; i < this.ring.length; i++) {
      if (this.ring[i]?.key !== key) continue;
      this.ring[i] = { key, value };
      return;
    }
    this.ring[this.next] = { key, value };
    this.next = (this.next + 1) % this.ring.length;
  }

  delete(key: string): void {
    // Only an editor's cache forgets single files; kept for the common interface.
    this.shared.delete(key);
    for (let i = 0; i < this.ring.length; i++) if (this.ring[i]?.key === key) this.ring[i] = undefined;
  }
}
