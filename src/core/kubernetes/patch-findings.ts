/**
 * What may be reported in a Kustomize patch file. A patch is merged into an object defined
 * elsewhere, so a setting it leaves out is not missing from the deployed object: only findings
 * about a value the patch itself writes (`privileged: true`, an image tag) are real. Findings
 * point at the offending value when one is written and at a key or the object's `kind` when
 * something is missing, which is what tells the two apart here.
 */
import type { Finding } from '../findings/types';
import type { TreeFile, TreeNode } from '../documents/tree';
import type { K8sObject } from './objects';

/** Deeper than this is not a real manifest; the walk stops rather than recursing further. */
const MAX_DEPTH = 64;

function rangeKey(range: { start: { offset: number }; end: { offset: number } }): string {
  return `${range.start.offset}:${range.end.offset}`;
}

/** Ranges of every value written in the file, less the `kind` values that stand for whole objects. */
export function writtenValueRanges(tree: TreeFile, objects: K8sObject[]): Set<string> {
  const ranges = new Set<string>();
  const visited = new Set<TreeNode>();
  const walk = (node: TreeNode, depth: number): void => {
    if (depth > MAX_DEPTH || visited.has(node)) return;
    visited.add(node);
    ranges.add(rangeKey(node.range));
    if (node.kind === 'map') for (const entry of node.entries) walk(entry.value, depth + 1);
    else if (node.kind === 'seq') for (const item of node.items) walk(item, depth + 1);
  };
  for (const document of tree.documents) if (document.root) walk(document.root, 0);
  for (const object of objects) {
    ranges.delete(rangeKey(object.headerRange));
    ranges.delete(rangeKey(object.root.range));
  }
  return ranges;
}

/** The findings of a patch file that are about values the patch writes. */
export function findingsForPatch(findings: Finding[], tree: TreeFile, objects: K8sObject[]): Finding[] {
  const written = writtenValueRanges(tree, objects);
  return findings.filter((f) => written.has(rangeKey(f.range)));
}
