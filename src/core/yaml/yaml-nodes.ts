/**
 * Converts the `yaml` package's parsed nodes into the syntax-neutral tree of
 * `../documents/tree.ts`, with exact ranges in the original text.
 *
 * Aliases become the very same TreeNode object as their anchored node, so a file built to explode
 * when expanded ("billion laughs") stays small here: nothing is ever copied or materialised.
 * YAML 1.1 merge keys (`<<: *defaults`) are resolved by sharing the merged map's entries.
 */
import { isAlias, isMap, isScalar, isSeq, Scalar, type Node as YamlNode, type Pair } from 'yaml';
import type { LineIndex, Range } from '../text/position';
import type { MapEntry, MapNode, ScalarNode, ScalarValue, SeqNode, TemplatedNode, TreeNode } from '../documents/tree';
import { newList, newRange, UNTRACKED } from '../util/lint-lived';

export const HELM_TEMPLATED_REASON = 'set by a Helm template; lint the rendered manifest to check it';

/** For `{{ }}` that only appear inside strings: templates of another tool (Prometheus, Argo, ...). */
export const EMBEDDED_TEMPLATE_REASON = 'holds a template expression ({{ ... }}) filled in later by another tool; its final value is unknown here';

/**
 * Deeper nesting than this is reported instead of converted. Real configuration nests a few
 * dozen levels; the bound keeps recursion far from the stack limit.
 */
const MAX_DEPTH = 200;

export interface ConvertOptions {
  /** The original text (sources and keys come from here, never from masked text). */
  text: string;
  index: LineIndex;
  /** Sorted, non-overlapping [start, end) spans hidden by template masking. */
  masks: ReadonlyArray<{ start: number; end: number }>;
  /** YAML 1.1 `<<` merge keys. */
  mergeKeys: boolean;
  /** Why a scalar touching a mask is templated (Helm, or a template embedded in a string). */
  templatedReason: string;
  errors: Array<{ message: string; range: Range }>;
}

/** Block collections with the column their items start at, for attaching template lines. */
export interface BlockCollection {
  node: MapNode | SeqNode;
  column: number;
  startLine: number;
}

type Parsed = YamlNode & { range?: [number, number, number] | null };

export class YamlNodeConverter {
  readonly blockCollections: BlockCollection[] = [];
  /** Map entries whose value is empty, by the line of their key, for template lines that fill them. */
  readonly emptyValueEntries = new Map<number, MapEntry[]>();
  /** Block scalars with their untrimmed extent (trailing blank lines belong to them). */
  readonly blockScalars: Array<{ node: ScalarNode | TemplatedNode; start: number; rawEnd: number }> = [];
  private readonly converted = new Map<YamlNode, TreeNode>();
  private readonly inProgress = new Set<YamlNode>();
  private readonly anchors = new Map<string, YamlNode>();

  constructor(private readonly options: ConvertOptions) {}

  convert(node: YamlNode | null | undefined, fallbackOffset: number, depth = 0): TreeNode {
    if (!node) return this.emptyScalar(fallbackOffset);
    const done = this.converted.get(node);
    if (done) return done;
    const parsed = node as Parsed;
    if (depth > MAX_DEPTH) {
      const start = parsed.range?.[0] ?? fallbackOffset;
      this.report('nesting is too deep to be checked', start, start);
      return this.emptyScalar(start);
    }
    if (isAlias(node)) return this.resolveAlias(node as Parsed & { source: string }, depth);
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) this.anchors.set(anchor, node);
    if (isScalar(node)) {
      const scalar = this.scalar(node as Scalar & Parsed);
      this.converted.set(node, scalar);
      return scalar;
    }
    if (isMap(node)) return this.map(node as unknown as Parsed & { items: Pair[]; flow?: boolean }, depth);
    if (isSeq(node)) return this.seq(node as unknown as Parsed & { items: unknown[]; flow?: boolean }, depth);
    return this.emptyScalar(parsed.range?.[0] ?? fallbackOffset);
  }

  private resolveAlias(alias: Parsed & { source: string }, depth: number): TreeNode {
    const [start, end] = alias.range ?? [0, 0];
    const target = this.anchors.get(alias.source);
    if (!target) {
      this.report(`alias *${alias.source} refers to no earlier anchor`, start, end);
      return this.aliasPlaceholder(start, end);
    }
    if (this.inProgress.has(target)) {
      this.report(`alias *${alias.source} refers to a node that contains it`, start, end);
      return this.aliasPlaceholder(start, end);
    }
    return this.convert(target, start, depth + 1);
  }

  private aliasPlaceholder(start: number, end: number): ScalarNode {
    return { ...UNTRACKED, kind: 'scalar', value: null, style: 'plain', source: this.options.text.slice(start, end), range: this.range(start, end) };
  }

  private scalar(node: Scalar & Parsed): ScalarNode | TemplatedNode {
    const [start, rawEnd] = node.range ?? [0, 0];
    const style = scalarStyle(node.type);
    const end = style === 'block' ? trimEnd(this.options.text, start, rawEnd) : rawEnd;
    const source = this.options.text.slice(start, end);
    const range = this.range(start, end);
    const result: ScalarNode | TemplatedNode = this.overlapsMask(start, end)
      ? { ...UNTRACKED, kind: 'templated', source, reason: this.options.templatedReason, range }
      : { ...UNTRACKED, kind: 'scalar', value: scalarValue(node.value, source, style), style, source, range };
    if (style === 'block') this.blockScalars.push({ node: result, start, rawEnd });
    return result;
  }

  private map(node: Parsed & { items: Pair[]; flow?: boolean }, depth: number): MapNode {
    const start = node.range?.[0] ?? 0;
    const result: MapNode = { ...UNTRACKED, kind: 'map', entries: newList<MapEntry>(), flow: node.flow === true, range: this.range(start, start) };
    this.converted.set(node, result);
    this.inProgress.add(node);
    // Explicit entries go straight into the map; merge keys (rare) reorder them at the end.
    const explicit = result.entries;
    let mergedSources: MapNode[][] | undefined;
    let end = node.range?.[1] ?? start;
    let lastEnd = start;
    for (const pair of node.items) {
      const keyNode = pair.key as Parsed | null;
      const keyStart = keyNode?.range?.[0] ?? lastEnd;
      const keyEnd = keyNode?.range?.[1] ?? keyStart;
      if (this.options.mergeKeys && isMergeKey(keyNode, this.options.text)) {
        (mergedSources ??= []).push(this.mergeSources(pair.value as YamlNode | null, keyEnd, depth));
        lastEnd = Math.max(lastEnd, ((pair.value as Parsed | null)?.range?.[1] ?? keyEnd));
        continue;
      }
      const value = this.convert(pair.value as YamlNode | null, keyEnd, depth + 1);
      const keyRange = this.range(keyStart, keyEnd);
      if (!value.keyRange) value.keyRange = keyRange;
      const entryEnd = Math.max(keyEnd, value.range.end.offset);
      // Positions never change once made: the entry shares its key's start and its value's end.
      const entryRange: Range = newRange(keyRange.start, entryEnd === value.range.end.offset ? value.range.end : entryEnd === keyEnd ? keyRange.end : this.options.index.position(entryEnd));
      const entry: MapEntry = { ...UNTRACKED, key: this.keyText(keyNode, keyStart, keyEnd, depth), keyRange, value, range: entryRange };
      explicit.push(entry);
      if (isEmptyValue(value)) {
        const line = keyRange.start.line;
        const list = this.emptyValueEntries.get(line) ?? [];
        list.push(entry);
        this.emptyValueEntries.set(line, list);
      }
      lastEnd = Math.max(lastEnd, entryEnd);
    }
    this.inProgress.delete(node);
    // Explicit keys win over merged ones, and earlier merge sources over later ones; `mapGet`
    // reads the last entry, so the winners go last.
    if (mergedSources) {
      const merged: MapEntry[] = [];
      for (let i = mergedSources.length - 1; i >= 0; i--) {
        for (let j = mergedSources[i].length - 1; j >= 0; j--) for (const entry of mergedSources[i][j].entries) merged.push(entry);
      }
      result.entries = newList<MapEntry>();
      for (const entry of winnersOnly(merged)) result.entries.push(entry);
      for (const entry of explicit) result.entries.push(entry);
    }
    if (!result.flow) end = lastEnd;
    result.range = this.range(start, Math.max(start, end));
    if (!result.flow && explicit.length > 0) {
      this.blockCollections.push({ node: result, column: explicit[0].keyRange.start.column, startLine: explicit[0].keyRange.start.line });
    }
    return result;
  }

  private mergeSources(value: YamlNode | null, at: number, depth: number): MapNode[] {
    if (!value) return [];
    if (isSeq(value)) {
      const maps: MapNode[] = [];
      for (const item of (value as unknown as { items: YamlNode[] }).items) {
        const converted = this.convert(item, at, depth + 1);
        if (converted.kind === 'map') maps.push(converted);
        else this.reportNode('a merge key (<<) takes maps or aliases of maps', item as Parsed, at);
      }
      return maps;
    }
    const converted = this.convert(value, at, depth + 1);
    if (converted.kind === 'map') return [converted];
    this.reportNode('a merge key (<<) takes a map or an alias of a map', value as Parsed, at);
    return [];
  }

  private seq(node: Parsed & { items: unknown[]; flow?: boolean }, depth: number): SeqNode {
    const start = node.range?.[0] ?? 0;
    const result: SeqNode = { ...UNTRACKED, kind: 'seq', items: newList<TreeNode>(), flow: node.flow === true, range: this.range(start, start) };
    this.converted.set(node, result);
    this.inProgress.add(node);
    let lastEnd = start;
    for (const item of node.items) {
      const converted = this.convert(item as YamlNode | null, lastEnd, depth + 1);
      result.items.push(converted);
      lastEnd = Math.max(lastEnd, converted.range.end.offset);
    }
    this.inProgress.delete(node);
    const end = result.flow ? (node.range?.[1] ?? lastEnd) : lastEnd;
    result.range = this.range(start, Math.max(start, end));
    if (!result.flow && result.items.length > 0) {
      const at = this.options.index.position(start);
      this.blockCollections.push({ node: result, column: at.column, startLine: at.line });
    }
    return result;
  }

  /**
   * Plain keys are taken as written (`on` stays "on", `1.0` stays "1.0": rules name keys as they
   * appear in files); quoted keys are unquoted; complex keys (`? [a, b]`) keep their source.
   */
  private keyText(keyNode: Parsed | null, start: number, end: number, depth: number): string {
    const source = this.options.text.slice(start, end);
    if (!keyNode) return '';
    if (isScalar(keyNode)) {
      if (this.overlapsMask(start, end)) return source;
      const type = (keyNode as Scalar).type;
      if (type === Scalar.QUOTE_DOUBLE || type === Scalar.QUOTE_SINGLE) return String((keyNode as Scalar).value ?? '');
      return source;
    }
    if (isAlias(keyNode)) {
      const target = this.convert(keyNode, start, depth + 1);
      return target.kind === 'scalar' ? String(target.value ?? '') : target.kind === 'templated' ? target.source : source;
    }
    return source;
  }

  overlapsMask(start: number, end: number): boolean {
    const masks = this.options.masks;
    let low = 0;
    let high = masks.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (masks[mid].end <= start) low = mid + 1;
      else high = mid;
    }
    if (low >= masks.length) return false;
    const mask = masks[low];
    if (end === start) return mask.start <= start && start < mask.end;
    return mask.start < end;
  }

  private emptyScalar(offset: number): ScalarNode {
    return { ...UNTRACKED, kind: 'scalar', value: null, style: 'plain', source: '', range: this.range(offset, offset) };
  }

  private range(start: number, end: number): Range {
    return this.options.index.range(start, end);
  }

  private report(message: string, start: number, end: number): void {
    this.options.errors.push({ message, range: this.range(start, end) });
  }

  private reportNode(message: string, node: Parsed | null, fallback: number): void {
    const [start, end] = node?.range ?? [fallback, fallback];
    this.report(message, start, end);
  }
}

/** `key:` with nothing after it, or a block scalar header with no content lines (`key: |`). */
function isEmptyValue(value: TreeNode): boolean {
  if (value.kind !== 'scalar') return false;
  if (value.source === '' && value.value === null) return true;
  return value.style === 'block' && (value.value === '' || value.value === null);
}

function isMergeKey(key: Parsed | null, text: string): boolean {
  if (!key || !isScalar(key) || (key as Scalar).type !== Scalar.PLAIN || !key.range) return false;
  return text.slice(key.range[0], key.range[1]) === '<<';
}

function scalarStyle(type: Scalar['type']): ScalarNode['style'] {
  switch (type) {
    case Scalar.QUOTE_SINGLE:
      return 'single';
    case Scalar.QUOTE_DOUBLE:
      return 'double';
    case Scalar.BLOCK_FOLDED:
    case Scalar.BLOCK_LITERAL:
      return 'block';
    default:
      return 'plain';
  }
}

/**
 * The parser resolves YAML 1.1 types, as Kubernetes (go-yaml) and Spring (SnakeYAML) do. Two of
 * its resolutions no consumer of these files applies, so they fall back to the written text:
 * sexagesimal numbers (`22:22` would be 1342) and timestamps. Binary and other tagged values also
 * keep their source text.
 */
function scalarValue(value: unknown, source: string, style: ScalarNode['style']): ScalarValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return style === 'plain' && source.includes(':') ? source : value;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : source;
  return source.trim();
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start + 1 && isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * The last entry of each key, in their order. Merging the same map twice (`<<: [*a, *a]`) at every
 * level of a chain would otherwise double the entries per level: 2^40 from a 40-line file.
 */
function winnersOnly(entries: MapEntry[]): MapEntry[] {
  const seen = new Set<string>();
  const kept: MapEntry[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    if (seen.has(entries[i].key)) continue;
    seen.add(entries[i].key);
    kept.push(entries[i]);
  }
  return kept.reverse();
}
