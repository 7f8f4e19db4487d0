/**
 * Scope over flattened application configuration. Paths are configuration keys; the carrier's
 * spelling does not matter because keys are compared in canonical form.
 */
import type { Range } from '../text/position';
import type { FlatConfig, FlatEntry } from '../documents/flat';
import type { TreeFile } from '../documents/tree';
import { canonicalKey } from '../appconfig';
import type { Lookup, Scope } from './types';

export interface FlatHandle {
  kind: 'flat';
  config: FlatConfig;
  /** The nested tree when the carrier is YAML or JSON, so fixes can edit in its syntax. */
  tree?: TreeFile;
  text: string;
  /** For mosquitto: the listener section this scope covers (undefined: the global section). */
  section?: FlatEntry['section'];
}

function templatedReason(entry: FlatEntry): string {
  return `"${entry.key}" is set from a placeholder (${String(entry.value)}) that is resolved at run time`;
}

export class FlatScope implements Scope {
  readonly handle: FlatHandle;

  constructor(
    readonly config: FlatConfig,
    readonly headerRange: Range,
    text: string,
    tree?: TreeFile,
    readonly entries: FlatEntry[] = config.entries,
    section?: FlatEntry['section'],
  ) {
    this.handle = { kind: 'flat', config, tree, text, section };
  }

  /**
   * Entries by canonical key, built on first use: every finding's fix resolves its key again, so
   * a linear search made a file with thousands of findings quadratic to lint.
   */
  private byKey?: Map<string, FlatEntry[]>;

  private entriesWithKey(key: string): FlatEntry[] {
    if (!this.byKey) {
      this.byKey = new Map();
      for (const entry of this.entries) {
        const list = this.byKey.get(entry.canonicalKey);
        if (list) list.push(entry);
        else this.byKey.set(entry.canonicalKey, [entry]);
      }
    }
    return this.byKey.get(key) ?? [];
  }

  resolve(path: string[]): Lookup[] {
    const key = canonicalKey(path.join('.'), this.config.carrier);
    const found = this.entriesWithKey(key);
    if (found.length === 0) {
      // A parent key set to a scalar or a placeholder (e.g. `server.ssl: ${SSL}`) leaves the child unknown.
      return [{ state: 'absent', anchor: this.headerRange, scope: this, path }];
    }
    return found.map((entry): Lookup =>
      entry.templated
        ? { state: 'unknown', reason: templatedReason(entry), range: entry.valueRange, origins: [] }
        : { state: 'known', value: entry.value, range: entry.valueRange, keyRange: entry.keyRange, origins: [] },
    );
  }

  /** Keys with a common prefix, one scope each (`spring.datasource` → one scope per data source is not needed); sections for mosquitto. */
  items(path: string[]): Scope[] {
    if (path.length === 1 && path[0] === 'listener' && this.config.carrier === 'mosquitto') {
      const sections = new Map<string, FlatEntry[]>();
      for (const entry of this.config.entries) {
        if (!entry.section || entry.section.name !== 'listener') continue;
        const id = `${entry.section.range.start.offset}`;
        const list = sections.get(id) ?? [];
        list.push(entry);
        sections.set(id, list);
      }
      return [...sections.values()].map((entries) => new FlatScope(this.config, entries[0].section!.range, this.handle.text, undefined, entries, entries[0].section));
    }
    return [];
  }
}
