/**
 * Finds where a finding sits in a parsed YAML/JSON file: the chain of nodes from the document
 * root down to the node covering the finding's range, with the key or list position of each, so
 * list-aware fixes know which item and which list they are editing.
 */
import type { Range } from '../text/position';
import type { MapEntry, MapNode, SeqNode, TreeFile, TreeNode } from '../documents/tree';

export type TreeStep =
  | { node: TreeNode; via: 'root' }
  | { node: TreeNode; via: 'entry'; parent: MapNode; entry: MapEntry }
  | { node: TreeNode; via: 'item'; parent: SeqNode };

function covers(outer: Range, inner: Range): boolean {
  return outer.start.offset <= inner.start.offset && inner.end.offset <= outer.end.offset;
}

/** Root first, the innermost node covering `range` last; empty when no document covers it. */
export function locateInTree(file: TreeFile, range: Range): TreeStep[] {
  const document = file.documents.find((d) => d.root && covers(d.root.range, range));
  if (!document?.root) return [];
  const chain: TreeStep[] = [{ node: document.root, via: 'root' }];
  for (let depth = 0; depth < 256; depth++) {
    const node = chain[chain.length - 1].node;
    let next: TreeStep | undefined;
    if (node.kind === 'map') {
      const entry = node.entries.find((e) => covers(e.value.range, range));
      if (entry) next = { node: entry.value, via: 'entry', parent: node, entry };
    } else if (node.kind === 'seq') {
      const item = node.items.find((i) => covers(i.range, range));
      if (item) next = { node: item, via: 'item', parent: node };
    }
    if (!next) break;
    chain.push(next);
  }
  return chain;
}

/** The key a list or value is written under (for the step's node), if it is a map value. */
export function keyOf(step: TreeStep | undefined): string | undefined {
  return step?.via === 'entry' ? step.entry.key : undefined;
}
