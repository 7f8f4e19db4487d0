/**
 * Minimal YAML edits on a parsed file: change a scalar, add, replace or remove map entries, append
 * list items, create missing parent maps. Only the edited span changes; indentation, list style
 * and line breaks follow the file.
 */
import { LineIndex } from '../text/position';
import { type MapEntry, type MapNode, type ScalarNode, type SeqNode, type TreeFile, type TreeNode } from '../documents/tree';
import { changeAt } from './apply';
import type { TextChange } from './types';
import {
  isScalarValue,
  renderEntryLines,
  renderFlow,
  renderItemLines,
  renderKey,
  renderScalar,
  type BlockLayout,
  type ScalarStyle,
  type YamlValue,
} from './yaml-render';
import { colonAfter, detectYamlLayout, endOfLineAt, isEmptyValue, lastOwnEntry, ownEntries, spaces } from './yaml-layout';
import { SideTable } from '../util/side-table';

export type { YamlValue } from './yaml-render';

/**
 * Line index and layout of a file, computed once per parsed file: a lint run builds a fix for
 * every finding, and a 2,000-line manifest has hundreds of them.
 */
const fileFacts = new SideTable<TreeFile, { index: LineIndex; eol: string; layout: BlockLayout }>('YAML file facts');

function factsOf(file: TreeFile): { index: LineIndex; eol: string; layout: BlockLayout } {
  let facts = fileFacts.get(file);
  if (!facts) {
    const index = new LineIndex(file.text);
    facts = { index, eol: index.preferredEol(), layout: detectYamlLayout(file.text) };
    fileFacts.set(file, facts);
  }
  return facts;
}

/** Line index, preferred line break and layout of a parsed file (shared with the other YAML editors). */
export function yamlFileFacts(file: TreeFile): { index: LineIndex; eol: string; layout: BlockLayout } {
  return factsOf(file);
}

class YamlEditContext {
  readonly index: LineIndex;
  readonly eol: string;
  readonly layout: BlockLayout;

  constructor(readonly file: TreeFile) {
    const facts = factsOf(file);
    this.index = facts.index;
    this.eol = facts.eol;
    this.layout = facts.layout;
  }

  get text(): string {
    return this.file.text;
  }

  lineIndentAt(offset: number): number {
    const line = this.index.lineText(this.index.position(offset).line);
    return /^ */.exec(line)![0].length;
  }
}

/** Sets a scalar's value, keeping its quoting style when the value allows it. */
export function yamlSetScalar(file: TreeFile, node: ScalarNode, value: YamlValue): TextChange[] {
  const context = new YamlEditContext(file);
  if (!isScalarValue(value)) return replaceNodeWithBlock(context, node, value);
  const start = node.range.start.offset;
  const end = node.range.end.offset;
  let newText: string;
  if (file.syntax === 'json' || node.style === 'json') newText = JSON.stringify(value);
  else if (node.style === 'block' && typeof value === 'string' && value.includes('\n')) newText = renderLiteralBlock(context, node, value);
  else newText = renderScalar(value, scalarStyleOf(node));
  // An empty value sits right after its `:`; YAML needs a space between.
  if (node.source === '' && start > 0 && !/\s/.test(context.text[start - 1])) newText = ' ' + newText;
  return [changeAt(context.index, start, end, newText)];
}

function scalarStyleOf(node: ScalarNode): ScalarStyle {
  if (node.style === 'single' || node.style === 'double') return node.style;
  return 'plain';
}

/**
 * A literal block (`|`, `|-`) for multi-line text replacing a block scalar; the content lines
 * keep the old content's indentation (or one step right of the key).
 */
function renderLiteralBlock(context: YamlEditContext, node: ScalarNode, value: string): string {
  const lines = value.replace(/\n$/, '').split('\n');
  const needsIndicator = lines.length > 0 && /^\s/.test(lines[0]);
  const trailing = value.endsWith('\n') ? (value.endsWith('\n\n') ? undefined : '|') : '|-';
  if (trailing === undefined || needsIndicator || /[\r\u2028\u2029]/.test(value)) return JSON.stringify(value);
  // Content must sit right of the key (`- run: |` in a list: right of `run`, not of the dash).
  const header = node.keyRange ? node.keyRange.start.column : context.lineIndentAt(node.range.start.offset);
  const firstContentLine = node.range.start.line + 1;
  const existing = firstContentLine <= node.range.end.line ? /^ */.exec(context.index.lineText(firstContentLine))![0].length : 0;
  const indent = spaces(existing > header ? existing : header + context.layout.unit.length);
  return trailing + lines.map((line) => context.eol + (line === '' ? '' : indent + line)).join('');
}

export interface InsertOptions {
  /** Write the new entry right after this key's entry (when present), instead of last. */
  after?: string;
}

/**
 * Adds `key: value` to a map: after its last entry (or after `options.after`) in block maps,
 * before the `}` in flow maps.
 */
export function yamlInsertEntry(file: TreeFile, map: MapNode, key: string, value: YamlValue, options: InsertOptions = {}): TextChange[] {
  return insertEntry(new YamlEditContext(file), map, key, value, options);
}

function insertEntry(context: YamlEditContext, map: MapNode, key: string, value: YamlValue, options: InsertOptions = {}): TextChange[] {
  const anchor = (options.after !== undefined ? lastOwnEntry(map, options.after) : undefined) ?? lastOwnEntry(map);
  if (map.flow) return insertIntoFlowMap(context, map, key, value, anchor);
  // A block map always has a written key; when it is only a `<<` merge, the map's own start
  // gives the column and its end the place.
  const column = anchor ? ownEntries(map)[0].keyRange.start.column : map.range.start.column;
  const lines = renderEntryLines(key, value, spaces(column), context.layout);
  const at = endOfLineAt(context.index, anchor ? anchor.range.end.offset : map.range.end.offset);
  return [changeAt(context.index, at, at, context.eol + lines.join(context.eol))];
}

function insertIntoFlowMap(context: YamlEditContext, map: MapNode, key: string, value: YamlValue, last: MapEntry | undefined): TextChange[] {
  const pair = `${renderKey(key)}: ${renderFlow(value)}`;
  if (last) return [changeAt(context.index, last.range.end.offset, last.range.end.offset, `, ${pair}`)];
  const close = context.text.lastIndexOf('}', map.range.end.offset - 1);
  if (close < map.range.start.offset) throw new Error('cannot add an entry: the map has no closing brace');
  return [changeAt(context.index, close, close, pair)];
}

/**
 * Sets the value at `path` below `root`, creating missing maps on the way (`securityContext:`
 * left empty, `{}` or absent all work). Fails when a step on the way holds a list or a value.
 */
export function yamlEnsurePath(file: TreeFile, root: MapNode, path: string[], value: YamlValue): TextChange[] {
  if (path.length === 0) throw new Error('yamlEnsurePath needs a non-empty path');
  const context = new YamlEditContext(file);
  let map = root;
  for (let i = 0; i < path.length; i++) {
    const entry = lastOwnEntry(map, path[i]);
    const rest = path.slice(i + 1);
    const wanted = nest(rest, value);
    if (!entry) return insertEntry(context, map, path[i], wanted);
    if (rest.length === 0) return replaceEntryValue(context, entry, value);
    if (entry.value.kind === 'map' && entry.value.entries.length > 0) {
      map = entry.value;
      continue;
    }
    if (isEmptyValue(entry.value)) return replaceEntryValue(context, entry, wanted);
    throw new Error(`cannot create ${path.join('.')}: "${path.slice(0, i + 1).join('.')}" holds a ${entry.value.kind}, not a map`);
  }
  return [];
}

/** Replaces the value of an existing entry with any value (scalar, map or list). */
export function yamlReplaceValue(file: TreeFile, entry: MapEntry, value: YamlValue): TextChange[] {
  return replaceEntryValue(new YamlEditContext(file), entry, value);
}

function replaceEntryValue(context: YamlEditContext, entry: MapEntry, value: YamlValue): TextChange[] {
  const current = entry.value;
  if (isScalarValue(value) && current.kind === 'scalar') return yamlSetScalar(context.file, current, value);
  const colon = colonAfter(context.text, entry.keyRange.end.offset);
  const end = Math.max(colon, current.range.end.offset);
  if (isScalarValue(value)) return [changeAt(context.index, colon, end, ' ' + renderScalar(value))];
  if (isInFlow(context, entry)) return [changeAt(context.index, colon, end, ' ' + renderFlow(value))];
  const keyColumn = entry.keyRange.start.column;
  const lines = renderEntryLines(entry.key, value, spaces(keyColumn), context.layout);
  // renderEntryLines starts with `key:`; keep the user's key text and write only what follows it.
  const first = lines[0].slice(keyColumn + renderKey(entry.key).length + 1);
  return [changeAt(context.index, colon, end, first + lines.slice(1).map((l) => context.eol + l).join(''))];
}

function replaceNodeWithBlock(context: YamlEditContext, node: TreeNode, value: YamlValue): TextChange[] {
  const start = node.range.start.offset;
  const end = node.range.end.offset;
  if (isInFlowAt(context, start) || !node.keyRange) return [changeAt(context.index, start, end, renderFlow(value))];
  const key = context.text.slice(node.keyRange.start.offset, node.keyRange.end.offset);
  const entry: MapEntry = { key, keyRange: node.keyRange, value: node, range: context.index.range(node.keyRange.start.offset, end) };
  return replaceEntryValue(context, entry, value);
}

function isInFlow(context: YamlEditContext, entry: MapEntry): boolean {
  return isInFlowAt(context, entry.keyRange.start.offset);
}

/** Whether an offset sits inside `{...}` or `[...]` on its line (enough for one-line flow maps). */
function isInFlowAt(context: YamlEditContext, offset: number): boolean {
  const lineStart = context.index.lineStart(context.index.position(offset).line);
  let depth = 0;
  let quote = '';
  for (let i = lineStart; i < offset; i++) {
    const ch = context.text[i];
    if (quote) {
      if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
    else if (ch === '#' && (i === lineStart || /\s/.test(context.text[i - 1]))) break;
  }
  return depth > 0;
}

/** Removes every entry written with this key in the map (whole lines, nested children included). */
export function yamlRemoveEntry(file: TreeFile, map: MapNode, key: string): TextChange[] {
  const context = new YamlEditContext(file);
  const own = ownEntries(map);
  const doomed = own.filter((e) => e.key === key);
  if (doomed.length === 0) return [];
  if (map.flow) return removeFromFlowMap(context, own, doomed);
  const survivors = own.filter((e) => e.key !== key);
  const index = context.index;
  if (survivors.length === 0 && map.keyRange) {
    // The map would be left empty: make it `{}` so its key keeps meaning "a map".
    const colon = colonAfter(context.text, map.keyRange.end.offset);
    return [changeAt(index, colon, endOfLineAt(index, map.range.end.offset), ' {}')];
  }
  if (survivors.length === 0 && !sharesLineWithDash(context, own[0])) {
    // The document's top map would be left empty: `{}` keeps it a map rather than nothing.
    const start = Math.min(...doomed.map((e) => e.keyRange.start.offset));
    const end = Math.max(...doomed.map((e) => e.range.end.offset));
    return [changeAt(index, start, end, '{}')];
  }
  const changes: TextChange[] = [];
  for (const entry of doomed) {
    const keyStart = entry.keyRange.start.offset;
    if (sharesLineWithDash(context, entry)) {
      // `- name: x` inside a list item: the next key moves up beside the dash.
      const next = own.find((e) => e.keyRange.start.offset > entry.range.end.offset && !doomed.includes(e));
      if (next) changes.push(changeAt(index, keyStart, next.keyRange.start.offset, ''));
      else changes.push(changeAt(index, keyStart, entry.range.end.offset, '{}'));
      continue;
    }
    changes.push(removeLines(context, entry.keyRange.start.line, index.position(entry.range.end.offset).line));
  }
  return mergeAdjacent(changes);
}

/** Whether the entry's key follows a list dash on its line (`- name: x`). */
function sharesLineWithDash(context: YamlEditContext, entry: MapEntry): boolean {
  const lineStart = context.index.lineStart(entry.keyRange.start.line);
  return context.text.slice(lineStart, entry.keyRange.start.offset).trim() !== '';
}

function removeLines(context: YamlEditContext, firstLine: number, lastLine: number): TextChange {
  const index = context.index;
  if (lastLine + 1 < index.lineCount) return changeAt(index, index.lineStart(firstLine), index.lineStart(lastLine + 1), '');
  // The last line of the file: take the line break before it instead.
  const start = firstLine > 0 ? index.lineEnd(firstLine - 1) : 0;
  return changeAt(index, start, index.lineEnd(lastLine), '');
}

function removeFromFlowMap(context: YamlEditContext, own: MapEntry[], doomed: MapEntry[]): TextChange[] {
  const keep = own.filter((e) => !doomed.includes(e));
  const changes: TextChange[] = [];
  for (const entry of doomed) {
    const position = own.indexOf(entry);
    const next = own.slice(position + 1).find((e) => keep.includes(e));
    const previous = own.slice(0, position).reverse().find((e) => keep.includes(e));
    if (next) changes.push(changeAt(context.index, entry.range.start.offset, next.range.start.offset, ''));
    else if (previous) changes.push(changeAt(context.index, previous.range.end.offset, entry.range.end.offset, ''));
    else changes.push(changeAt(context.index, entry.range.start.offset, entry.range.end.offset, ''));
  }
  return mergeAdjacent(changes);
}

/** Adds an item at the end of a list (block or flow). */
export function yamlAppendSeqItem(file: TreeFile, seq: SeqNode, value: YamlValue): TextChange[] {
  const context = new YamlEditContext(file);
  const last = seq.items[seq.items.length - 1];
  if (seq.flow || !last) {
    if (last) return [changeAt(context.index, last.range.end.offset, last.range.end.offset, `, ${renderFlow(value)}`)];
    const close = context.text.lastIndexOf(']', seq.range.end.offset - 1);
    if (close < seq.range.start.offset) throw new Error('cannot add an item: the list has no closing bracket');
    return [changeAt(context.index, close, close, renderFlow(value))];
  }
  const dashColumn = seq.range.start.column;
  const lines = renderItemLines(value, spaces(dashColumn), context.layout);
  const at = endOfLineAt(context.index, Math.max(last.range.end.offset, seq.range.end.offset));
  return [changeAt(context.index, at, at, context.eol + lines.join(context.eol))];
}

/** The entry for a key in a map, ignoring entries merged in from elsewhere with `<<`. */
export function yamlOwnEntry(map: MapNode, key: string): MapEntry | undefined {
  return lastOwnEntry(map, key);
}

function nest(path: string[], value: YamlValue): YamlValue {
  let result = value;
  for (let i = path.length - 1; i >= 0; i--) result = { [path[i]]: result };
  return result;
}

/** Removals of touching ranges merged into one, so `applyEdits` never sees an overlap. */
function mergeAdjacent(changes: TextChange[]): TextChange[] {
  const sorted = [...changes].sort((a, b) => a.range.start.offset - b.range.start.offset);
  const out: TextChange[] = [];
  for (const change of sorted) {
    const previous = out[out.length - 1];
    if (previous && change.range.start.offset < previous.range.end.offset) {
      if (change.range.end.offset > previous.range.end.offset) {
        out[out.length - 1] = { range: { start: previous.range.start, end: change.range.end }, newText: previous.newText + change.newText };
      }
      continue;
    }
    out.push(change);
  }
  return out;
}
