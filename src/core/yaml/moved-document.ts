/**
 * Documents an edit moved without touching them, copied only when something reads their nodes.
 *
 * Why: after a keystroke near the top of a long manifest, every later document keeps its outcomes
 * (incremental-kubernetes.ts) and no rule reads it, yet copying its nodes with moved positions was
 * most of what a lint kept alive: on the benchmark's 2,000-line file the copies made young
 * collections copy twice as much, and those pauses were the slowest keystrokes (docs/benchmarks.md).
 *
 * A moved document looks like any other: `root` is an enumerable property whose first read makes
 * the copy (from the unmoved nodes, moved by the sum of every move since) and replaces itself with
 * the copy. Position-free facts (kinds, names, labels) can be read from the unmoved nodes without
 * making the copy, through `unmovedRoot`.
 */
import type { Range } from '../text/position';
import type { TreeDocument, TreeNode } from '../documents/tree';
import { SideTable } from '../util/side-table';
import { UNTRACKED } from '../util/lint-lived';
import { RangeShift } from './range-shift';

interface PendingMove {
  /** The document's root as parsed, never itself moved lazily. */
  readonly origin: TreeNode | undefined;
  readonly offsets: number;
  readonly lines: number;
  /** The text may share nodes (anchors and aliases): the copy must keep them shared. */
  readonly sharesNodes: boolean;
}

const pendingMoves = new SideTable<TreeDocument, PendingMove>('pending document move');

function makeCopy(this: TreeDocument): TreeNode | undefined {
  const move = pendingMoves.get(this);
  const root = move?.origin && new RangeShift(move.offsets, move.lines, move.sharesNodes).node(move.origin);
  Object.defineProperty(this, 'root', { value: root, enumerable: true, writable: true, configurable: true });
  pendingMoves.delete(this);
  return root;
}

/**
 * `document` moved by `offsets` characters and `lines` lines (columns stay), now at `index` with
 * `range` (already moved). Nothing is copied until `root` is read.
 */
export function movedDocument(document: TreeDocument, offsets: number, lines: number, index: number, range: Range, sharesNodes: boolean): TreeDocument {
  const pending = pendingMoves.get(document);
  if (offsets === 0 && lines === 0 && document.index === index && document.range === range) return document;
  const move: PendingMove = pending
    ? { origin: pending.origin, offsets: pending.offsets + offsets, lines: pending.lines + lines, sharesNodes: pending.sharesNodes || sharesNodes }
    : { origin: document.root, offsets, lines, sharesNodes };
  if (move.offsets === 0 && move.lines === 0) return { ...UNTRACKED, root: move.origin, range, index };
  const moved = { ...UNTRACKED } as unknown as TreeDocument;
  // Defined first so the keys keep the order of a parsed document (root, range, index).
  Object.defineProperty(moved, 'root', { get: makeCopy, enumerable: true, configurable: true });
  moved.range = range;
  moved.index = index;
  pendingMoves.set(moved, move);
  return moved;
}

/**
 * The document's root with positions of an earlier text when its copy is still to be made, else
 * its root: for reading what positions do not change (keys, values, structure), never ranges.
 */
export function unmovedRoot(document: TreeDocument): TreeNode | undefined {
  const pending = pendingMoves.get(document);
  return pending ? pending.origin : document.root;
}

/** Whether reading `root` would copy the document now. */
export function isMovePending(document: TreeDocument): boolean {
  return pendingMoves.has(document);
}
