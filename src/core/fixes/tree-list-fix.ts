/**
 * Fix operations that edit around the finding itself rather than at a fixed path: remove the list
 * item that holds it, replace the offending value, append to a list, add a document. YAML only.
 */
import type { TextChange } from '../edits/types';
import type { TreeFile } from '../documents/tree';
import { yamlAppendDocument, yamlAppendSeqItem, yamlEnsurePath, yamlRemoveEntry, yamlRemoveSeqItem, yamlReplaceValue, yamlSetScalar, type YamlValue } from '../edits';
import type { Evidence } from '../rules/evaluate';
import type { Scope } from '../subjects/types';
import { splitPath } from '../rules/path-segments';
import type { TreeHandle } from '../subjects/tree-scope';
import { FixNotApplicable } from './build-fix';
import { computeValue } from './computed-value';
import { keyOf, locateInTree, type TreeStep } from './tree-locate';

export type EmptyListPolicy = 'empty' | 'removeKey' | 'removeParentItem';

function findingChain(file: TreeFile, evidence: Evidence): TreeStep[] {
  const range = evidence.lookup?.state === 'known' ? evidence.lookup.range : evidence.range;
  if (!range) throw new FixNotApplicable('the finding has no place in the file');
  const chain = locateInTree(file, range);
  if (chain.length === 0) throw new FixNotApplicable('the finding is not inside a document');
  return chain;
}

/**
 * Removes the innermost list item holding the finding, when that list is written under one of
 * `lists`; no edit (the op does not apply) when the finding is in no such list.
 */
export function removeItemHoldingFinding(file: TreeFile, evidence: Evidence, lists: string[], ifEmpty: EmptyListPolicy): TextChange[] {
  const chain = findingChain(file, evidence);
  for (let i = chain.length - 1; i > 0; i--) {
    const step = chain[i];
    if (step.via !== 'item' || !lists.includes(keyOf(chain[i - 1]) ?? '')) continue;
    return removeItemAt(file, chain, i, ifEmpty);
  }
  return [];
}

/** Removes `chain[i]` (a list item) from its list, applying the empty-list policy. */
function removeItemAt(file: TreeFile, chain: TreeStep[], i: number, ifEmpty: EmptyListPolicy): TextChange[] {
  const step = chain[i];
  if (step.via !== 'item') throw new FixNotApplicable('not a list item');
  if (step.parent.items.length > 1) return yamlRemoveSeqItem(file, step.parent, step.node);
  const listStep = chain[i - 1];
  if (listStep.via !== 'entry') throw new FixNotApplicable('the list is not the value of a key');
  if (ifEmpty === 'empty') return yamlReplaceValue(file, listStep.entry, []);
  if (ifEmpty === 'removeKey') return yamlRemoveEntry(file, listStep.parent, listStep.entry.key);
  // The map holding the list is itself an item of an outer list (an RBAC rule in `rules`).
  const holder = chain[i - 2];
  if (!holder || holder.via !== 'item') throw new FixNotApplicable('nothing holds the list to remove');
  return removeItemAt(file, chain, i - 2, 'empty');
}

/**
 * Replaces the offending value with `value` (computed from `scope`), when it is written under one
 * of the keys `at` (any key when `at` is absent). List items are not replaced.
 */
export function replaceFinding(file: TreeFile, evidence: Evidence, scope: Scope, value: unknown, at: string[] | undefined): TextChange[] {
  if (evidence.lookup?.state !== 'known') return [];
  const chain = findingChain(file, evidence);
  const step = chain[chain.length - 1];
  const lookupRange = evidence.lookup.range;
  if (step.node.range.start.offset !== lookupRange.start.offset || step.node.range.end.offset !== lookupRange.end.offset) return [];
  if (step.via !== 'entry' || (at && !at.includes(step.entry.key))) return [];
  const computed = computeValue(value, scope, evidence);
  if (step.node.kind === 'scalar') return yamlSetScalar(file, step.node, computed);
  return yamlReplaceValue(file, step.entry, computed);
}

/** Appends an item to the list at `path` below the scope's map, creating the list when absent. */
export function appendItem(handle: TreeHandle, evidence: Evidence, scope: Scope, path: string, value: unknown): TextChange[] {
  if (handle.node.kind !== 'map') throw new FixNotApplicable('the place to edit is not a mapping');
  const segments = splitPath(path);
  const computed = computeValue(value, scope, evidence);
  let node = handle.node as TreeStep['node'];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (node.kind === 'seq' && /^\d+$/.test(segment)) {
      const item = node.items[Number(segment)];
      if (!item) throw new FixNotApplicable(`no item ${segment} in ${segments.slice(0, i).join('.')}`);
      node = item;
      continue;
    }
    const entry = node.kind === 'map' ? [...node.entries].reverse().find((e) => e.key === segment) : undefined;
    if (!entry) {
      if (node.kind !== 'map') throw new FixNotApplicable(`cannot reach ${path}`);
      return yamlEnsurePath(handle.file, node, segments.slice(i), [computed]);
    }
    node = entry.value;
  }
  if (node.kind !== 'seq') throw new FixNotApplicable(`${path} is not a list`);
  return yamlAppendSeqItem(handle.file, node, computed);
}

/** Appends a new document built from `value` (computed from the scope). */
export function addDocument(file: TreeFile, evidence: Evidence, scope: Scope, value: unknown): TextChange[] {
  const computed = computeValue(value, scope, evidence);
  if (!computed || typeof computed !== 'object' || Array.isArray(computed)) throw new FixNotApplicable('a document must be a mapping');
  return yamlAppendDocument(file, computed as { [key: string]: YamlValue });
}
