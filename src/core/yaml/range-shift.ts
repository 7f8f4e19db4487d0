/**
 * Copies of parsed YAML documents with every position moved by a fixed number of characters and
 * lines, for the documents an edit pushed down (or up) without touching them.
 */
import type { Position, Range } from '../text/position';
import type { MapEntry, MapNode, SeqNode, TemplatedNode, TreeDocument, TreeNode } from '../documents/tree';
import { newRange, UNTRACKED } from '../util/lint-lived';
import { PositionMover } from '../text/moved-positions';

/** Placeholders until a copy's own list is made (after the copy is registered, for shared nodes). */
const NO_ENTRIES: MapEntry[] = [];
const NO_ITEMS: TreeNode[] = [];

/**
 * Moves ranges by whole lines (columns stay) and copies the nodes holding them. A node shared in
 * the source (a YAML alias, merge keys) stays shared in the copy, and a value's key range stays
 * the very range of its entry's key, as the converter makes them.
 */
export class RangeShift {
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
  node(node: TreeNode, key?: Range, movedKey?: Range): TreeNode {
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
