/**
 * Re-parses an edited multi-document YAML file, reusing the converted documents of the stretches
 * of text the edit did not touch. The file is cut at document start markers (`---` at column 0,
 * followed by a blank or the line end), which end whatever came before them in every lexer state,
 * so a stretch between two markers parses alone as it does inside the whole stream.
 *
 * Only the plainest files take this path; anything that can carry state from one document to the
 * next, or make ranges differ, is parsed whole: a BOM, a lone CR, `%` directives, `...` end
 * markers, template actions (their masking looks at neighbouring documents), and any error in the
 * previous or the new parse (an unclosed quote or bracket may reach past a marker).
 */
import type { Position, Range } from '../text/position';
import type { MapEntry, MapNode, SeqNode, TemplatedNode, TreeDocument, TreeFile, TreeNode } from '../documents/tree';
import { parseYamlStream, parseYamlTree, type YamlParseOptions } from './parse-yaml';
import { estimateValues, MAX_VALUES } from './limits';
import { newRange, UNTRACKED } from '../util/lint-lived';
import { PositionMover } from '../text/moved-positions';
import { commonPrefix, commonSuffix } from '../text/common-affix';

/** Placeholders until a copy's own list is made (after the copy is registered, for shared nodes). */
const NO_ENTRIES: MapEntry[] = [];
const NO_ITEMS: TreeNode[] = [];

interface Segment {
  start: number;
  end: number;
  /** Line of `start` (segments always begin at column 0). */
  line: number;
}

/** A tree for `text`, reusing the parts of `previous` (a parse of an earlier version) that still hold. */
export function reparseYamlTree(text: string, previous: TreeFile | undefined, options: YamlParseOptions = {}): TreeFile {
  if (!previous || previous.syntax !== 'yaml' || previous.errors.length > 0 || options.templates === 'helm') return parseYamlTree(text, options);
  if (!splittable(text) || !splittable(previous.text) || estimateValues(text) > MAX_VALUES) return parseYamlTree(text, options);
  return reuseSegments(text, previous, options) ?? parseYamlTree(text, options);
}

const UNSPLITTABLE = /\uFEFF|\r(?!\n)|\{\{|^%|^\.\.\.(?:[ \t\r\n]|$)/m;

function splittable(text: string): boolean {
  return !UNSPLITTABLE.test(text);
}

/** Stretches of the text each starting at a document start marker (the first one at offset 0). */
export function documentSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  let startLine = 0;
  let line = 0;
  let at = 0;
  while (at < text.length) {
    if (at > 0 && isStartMarker(text, at)) {
      segments.push({ start, end: at, line: startLine });
      start = at;
      startLine = line;
    }
    const newline = text.indexOf('\n', at);
    if (newline < 0) break;
    at = newline + 1;
    line++;
  }
  segments.push({ start, end: text.length, line: startLine });
  return segments;
}

function isStartMarker(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 45 || text.charCodeAt(at + 1) !== 45 || text.charCodeAt(at + 2) !== 45) return false;
  if (at + 3 >= text.length) return true;
  const next = text.charCodeAt(at + 3);
  return next === 32 || next === 9 || next === 10 || next === 13;
}

function reuseSegments(text: string, previous: TreeFile, options: YamlParseOptions): TreeFile | undefined {
  const before = previous.text;
  const now = documentSegments(text);
  const old = documentSegments(before);
  const prefix = commonPrefix(before, text);
  const suffix = commonSuffix(before, text, Math.min(before.length, text.length) - prefix);
  const delta = text.length - before.length;
  const oldByStart = new Map<number, Segment>();
  for (const segment of old) oldByStart.set(segment.start, segment);
  const sameAs = (segment: Segment, shift: number) => {
    const match = oldByStart.get(segment.start - shift);
    return match !== undefined && match.end === segment.end - shift ? match : undefined;
  };

  // Leading segments inside the unchanged prefix keep their place; trailing ones inside the
  // unchanged suffix move by `delta`. Everything between is parsed again as one stretch.
  let head = 0;
  while (head < now.length && now[head].end <= prefix && sameAs(now[head], 0)) head++;
  let tail = now.length;
  while (tail > head && now[tail - 1].start >= text.length - suffix && sameAs(now[tail - 1], delta)) tail--;

  const reusedUntil = head > 0 ? now[head - 1].end : 0;
  const changedEnd = tail < now.length ? now[tail].start : text.length;
  const oldTailStart = changedEnd - delta;
  const oldTailLine = tail < now.length ? sameAs(now[tail], delta)!.line : 0;

  const documents: TreeDocument[] = [];
  const comments: TreeFile['comments'] = [];
  for (const doc of previous.documents) if (doc.range.start.offset < reusedUntil) documents.push(doc);
  for (const comment of previous.comments) if (comment.range.start.offset < reusedUntil) comments.push(comment);

  if (changedEnd > reusedUntil) {
    const middle = parseYamlStream(text.slice(reusedUntil, changedEnd), options, false);
    if (middle.errors.length > 0) return undefined;
    const shift = new RangeShift(reusedUntil, now[head].line, text.includes('&', reusedUntil));
    for (const doc of middle.documents) documents.push(shift.document(doc, documents.length));
    for (const comment of middle.comments) comments.push({ text: comment.text, range: shift.range(comment.range) });
  }

  if (tail < now.length) {
    const shift = new RangeShift(delta, now[tail].line - oldTailLine, before.includes('&', oldTailStart));
    for (const doc of previous.documents) {
      if (doc.range.start.offset >= oldTailStart) documents.push(shift.document(doc, documents.length));
    }
    for (const comment of previous.comments) {
      if (comment.range.start.offset >= oldTailStart) comments.push(shift.isIdentity() ? comment : { text: comment.text, range: shift.range(comment.range) });
    }
  }
  if (documents.length === 0) return undefined;
  return { syntax: 'yaml', text, documents, errors: [], comments };
}

/**
 * Moves ranges by whole lines (columns stay) and copies the nodes holding them. A node shared in
 * the source (a YAML alias, merge keys) stays shared in the copy, and a value's key range stays
 * the very range of its entry's key, as the converter makes them.
 */
class RangeShift {
  /** Only texts with anchors can share nodes; the others skip the bookkeeping. */
  private readonly nodes: Map<TreeNode, TreeNode> | undefined;

  private readonly mover: PositionMover;

  constructor(offsets: number, lines: number, sharesNodes = true) {
    this.mover = new PositionMover(offsets, lines);
    this.nodes = sharesNodes ? new Map() : undefined;
  }

  isIdentity(): boolean {
    return this.mover.isIdentity;
  }

  document(doc: TreeDocument, index: number): TreeDocument {
    if (this.isIdentity()) return doc.index === index ? doc : { root: doc.root, range: doc.range, index };
    return { ...UNTRACKED, root: doc.root && this.node(doc.root), range: this.range(doc.range), index };
  }

  range(range: Range): Range {
    return this.mover.range(range);
  }

  private position(position: Position): Position {
    return this.mover.position(position);
  }

  /** The entry's range, sharing the positions the converter shares with its key and value (and any other that lines up). */
  private entryRange(entry: MapEntry, keyRange: Range, value: TreeNode): Range {
    const { start, end } = entry.range;
    const old = entry.keyRange;
    const movedStart = start === old.start || start.offset === old.start.offset ? keyRange.start : this.position(start);
    const movedEnd = end.offset === entry.value.range.end.offset ? value.range.end : end.offset === old.end.offset ? keyRange.end : this.position(end);
    return newRange(movedStart, movedEnd);
  }

  /** `key` and `movedKey`: the range of the key of the entry holding the node, before and after. */
  private node(node: TreeNode, key?: Range, movedKey?: Range): TreeNode {
    const done = this.nodes?.get(node);
    if (done) return done;
    let copy: TreeNode;
    if (node.kind === 'map') {
      const map: MapNode = { ...UNTRACKED, kind: 'map', entries: NO_ENTRIES, flow: node.flow, range: this.range(node.range) };
      copy = map;
      if (node.templated) copy.templated = node.templated.map((t) => this.node(t) as TemplatedNode);
      this.nodes?.set(node, copy);
      // `map` sizes the list once and keeps no allocation record (see lint-lived.ts).
      map.entries = node.entries.map((entry) => {
        const keyRange = this.range(entry.keyRange);
        const value = this.node(entry.value, entry.keyRange, keyRange);
        return { ...UNTRACKED, key: entry.key, keyRange, value, range: this.entryRange(entry, keyRange, value) };
      });
    } else if (node.kind === 'seq') {
      const seq: SeqNode = { ...UNTRACKED, kind: 'seq', items: NO_ITEMS, flow: node.flow, range: this.range(node.range) };
      copy = seq;
      if (node.templated) copy.templated = node.templated.map((t) => this.node(t) as TemplatedNode);
      this.nodes?.set(node, copy);
      seq.items = node.items.map((item) => this.node(item));
    } else if (node.kind === 'scalar') {
      copy = { ...UNTRACKED, kind: 'scalar', value: node.value, style: node.style, source: node.source, range: this.range(node.range) };
      this.nodes?.set(node, copy);
    } else {
      copy = { ...UNTRACKED, kind: 'templated', source: node.source, reason: node.reason, range: this.range(node.range) };
      this.nodes?.set(node, copy);
    }
    if (node.keyRange) copy.keyRange = node.keyRange === key && movedKey ? movedKey : this.range(node.keyRange);
    return copy;
  }
}
