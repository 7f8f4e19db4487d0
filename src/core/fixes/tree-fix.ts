/** Fix operations on YAML trees (Kubernetes objects, compose services), in the file's own style. */
import type { TextEdit } from '../findings/types';
import type { FixOperation } from '../rules/condition-types';
import type { MapNode } from '../documents/tree';
import { yamlEnsurePath, yamlRemoveEntry, type YamlValue } from '../edits';
import { splitPath } from '../rules/path-segments';
import type { TreeHandle } from '../subjects/tree-scope';
import type { Subject } from '../subjects/types';
import { FixNotApplicable, type FixTarget } from './build-fix';
import { computeValue } from './computed-value';
import { addDocument, appendItem, removeItemHoldingFinding, replaceFinding } from './tree-list-fix';

function fileOf(subject: Subject): string {
  return subject.file;
}

function walkMap(root: MapNode, path: string[]): MapNode | undefined {
  let map: MapNode | undefined = root;
  for (const key of path) {
    const entry: MapNode['entries'][number] | undefined = [...(map?.entries ?? [])].reverse().find((e) => e.key === key);
    if (!entry || entry.value.kind !== 'map') return undefined;
    map = entry.value;
  }
  return map;
}

export function treeEdits(op: FixOperation, target: FixTarget): TextEdit[] {
  const handle = target.scope.handle as TreeHandle;
  if (handle.file.syntax !== 'yaml') throw new FixNotApplicable('JSON manifests are not fixed automatically');
  const file = fileOf(target.subject);
  const wrap = (changes: Array<{ range: TextEdit['range']; newText: string }>): TextEdit[] => changes.map((c) => ({ file, range: c.range, newText: c.newText }));
  const { evidence, scope } = target;
  try {
    // These ops find their place from the finding, so the scope may be a list item or a scalar.
    if ('removeItem' in op) return wrap(removeItemHoldingFinding(handle.file, evidence, op.removeItem.lists, op.removeItem.ifEmpty ?? 'empty'));
    if ('replace' in op) return wrap(replaceFinding(handle.file, evidence, scope, op.replace.value, op.replace.at));
    if ('addDocument' in op) return wrap(addDocument(handle.file, evidence, scope, op.addDocument.value));
    if (handle.node.kind !== 'map') throw new FixNotApplicable('the place to edit is not a mapping');
    if ('appendItem' in op) return wrap(appendItem(handle, evidence, scope, op.appendItem.path, op.appendItem.value));
    if ('set' in op) {
      const value = computeValue(op.set.value, scope, evidence);
      return wrap(yamlEnsurePath(handle.file, handle.node, splitPath(op.set.path), value as YamlValue));
    }
    if ('remove' in op) {
      const segments = splitPath(op.remove.path);
      const key = segments[segments.length - 1];
      const parent = walkMap(handle.node, segments.slice(0, -1));
      return parent ? wrap(yamlRemoveEntry(handle.file, parent, key)) : [];
    }
  } catch (error) {
    if (error instanceof FixNotApplicable) throw error;
    // The editors refuse shapes they cannot edit safely (a list where a map should be, ...).
    throw new FixNotApplicable(error instanceof Error ? error.message : String(error));
  }
  throw new FixNotApplicable('this operation applies to Terraform only');
}
