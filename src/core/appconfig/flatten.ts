/**
 * Nested YAML/JSON configuration → flat entries (`server.ssl.enabled`), so rules written against
 * dotted keys apply whatever the carrier.
 * - Map keys join with `.`; list items become index segments (`hosts.0.name`).
 * - A list of plain values also yields one entry for the list itself whose value is the items
 *   joined with `,` (`include: [health, info]` → `include` = `health,info`), the form the same
 *   setting takes in a .properties file, so one rule covers both spellings.
 * - Helm-templated values and values with `${...}` / `{{...}}` / `%X%` placeholders are
 *   `templated`.
 * - Spring: `profile` comes from the file name and each document's activation keys; ASP.NET:
 *   from `appsettings.<Environment>.json` (see `./profiles.ts`).
 * Aliases are shared nodes in the tree; walking them can still multiply paths, so the walk stops
 * after a fixed number of entries and reports it.
 */
import type { FlatConfig, FlatEntry } from '../documents/flat';
import type { TreeFile, TreeNode } from '../documents/tree';
import type { Range } from '../text/position';
import { canonicalKey } from './canonical-key';
import { hasPlaceholder } from './placeholders';
import { combineProfiles, documentProfile, isSpringKind, profileFromFileName } from './profiles';

export interface FlattenOptions {
  /** File path, for profiles carried by the file name. */
  path?: string;
  /** Upper bound on entries (protects against alias fan-out). */
  maxEntries?: number;
}

const DEFAULT_MAX_ENTRIES = 100_000;
const MAX_DEPTH = 200;
/** Real files visit a few nodes per entry (maps and lists on the way); bombs visit millions. */
const VISITS_PER_ENTRY = 4;

export function flattenTree(file: TreeFile, kind: string, options: FlattenOptions = {}): FlatConfig {
  const carrier = file.syntax;
  const config: FlatConfig = { carrier, entries: [], errors: [], comments: file.comments.slice() };
  const walker = new Walker(carrier, config, options.maxEntries ?? DEFAULT_MAX_ENTRIES);
  const fileProfile = options.path ? profileFromFileName(options.path, kind) : undefined;
  for (const document of file.documents) {
    if (!document.root) continue;
    const first = config.entries.length;
    walker.walk(document.root, [], undefined, 0);
    const documentEntries = config.entries.slice(first);
    const profile = combineProfiles(fileProfile, isSpringKind(kind) ? documentProfile(documentEntries) : undefined);
    if (profile) for (const entry of documentEntries) entry.profile = profile;
    if (walker.stopped) break;
  }
  return config;
}

class Walker {
  stopped = false;
  /**
   * Nodes visited so far. Aliases of empty maps and lists add no entries, so the entry limit alone
   * would let an alias bomb of empty collections be walked exponentially often.
   */
  private visits = 0;

  constructor(
    private readonly carrier: FlatConfig['carrier'],
    private readonly config: FlatConfig,
    private readonly maxEntries: number,
  ) {}

  walk(node: TreeNode, path: string[], keyRange: Range | undefined, depth: number): void {
    if (this.stopped) return;
    if (depth > MAX_DEPTH) return;
    if (++this.visits > this.maxEntries * VISITS_PER_ENTRY) {
      this.stop(node.range);
      return;
    }
    switch (node.kind) {
      case 'map':
        for (const entry of node.entries) this.walk(entry.value, [...path, entry.key], entry.keyRange, depth + 1);
        return;
      case 'seq':
        node.items.forEach((item, i) => this.walk(item, [...path, String(i)], item.range, depth + 1));
        if (path.length > 0 && node.items.length > 0 && node.items.every((item) => item.kind === 'scalar')) {
          const joined = node.items.map((item) => (item.kind === 'scalar' ? String(item.value ?? '') : '')).join(',');
          this.add(path, joined, hasPlaceholder(joined), keyRange ?? node.range, node.range);
        }
        return;
      case 'scalar':
        if (path.length > 0) this.add(path, node.value, hasPlaceholder(node.value), keyRange ?? node.range, node.range);
        return;
      case 'templated':
        if (path.length > 0) this.add(path, node.source, true, keyRange ?? node.range, node.range);
        return;
    }
  }

  private stop(at: Range): void {
    this.stopped = true;
    this.config.errors.push({
      message: `more than ${this.maxEntries} values (repeated aliases?); the rest was not checked`,
      range: at,
    });
  }

  private add(path: string[], value: FlatEntry['value'], templated: boolean, keyRange: Range, valueRange: Range): void {
    if (this.config.entries.length >= this.maxEntries) {
      this.stop(valueRange);
      return;
    }
    const key = path.join('.');
    const start = Math.min(keyRange.start.offset, valueRange.start.offset) === keyRange.start.offset ? keyRange.start : valueRange.start;
    const end = keyRange.end.offset > valueRange.end.offset ? keyRange.end : valueRange.end;
    this.config.entries.push({
      key,
      canonicalKey: canonicalKey(key, this.carrier),
      value,
      templated,
      keyRange,
      valueRange,
      range: { start, end },
    });
  }
}
