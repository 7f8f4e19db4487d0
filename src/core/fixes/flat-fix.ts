/**
 * Fix operations on application configuration. An existing value is replaced in place, keeping
 * its quoting; a missing key is added in the carrier's own syntax (nested YAML, JSON, a
 * `.properties` or `.env` line, a mosquitto option in the right listener section).
 */
import type { TextEdit } from '../findings/types';
import type { FixOperation } from '../rules/condition-types';
import type { ScalarValue } from '../documents/tree';
import {
  envRemove,
  envSetValue,
  escapePropertiesValue,
  jsonRemove,
  jsonSetValue,
  mosquittoRemoveOption,
  mosquittoSetOption,
  propertiesRemove,
  propertiesSetValue,
  renderScalar,
  yamlEnsurePath,
  yamlRemoveEntry,
  type TextChange,
} from '../edits';
import type { FlatHandle } from '../subjects/flat-scope';
import { FixNotApplicable, MAX_FIX_EDITS, type FixTarget } from './build-fix';

function plain(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The replacement text for an existing value, in the style it was written. */
function inPlace(handle: FlatHandle, original: string, value: unknown): string {
  const carrier = handle.config.carrier;
  if (carrier === 'json') return JSON.stringify(value);
  if (carrier === 'yaml') {
    const style = original.startsWith('"') ? 'double' : original.startsWith("'") ? 'single' : 'plain';
    return renderScalar(value as ScalarValue, style);
  }
  if (carrier === 'properties') return escapePropertiesValue(plain(value));
  if (carrier === 'env') {
    const text = plain(value);
    if (original.startsWith('"')) return JSON.stringify(text);
    if (original.startsWith("'")) return `'${text}'`;
    return /[\s#"'$]/.test(text) ? JSON.stringify(text) : text;
  }
  return plain(value);
}

/** The environment-variable spelling of a dotted key (Spring relaxed binding drops dashes). */
function envKey(path: string): string {
  return path.replace(/-/g, '').replace(/\./g, '_').toUpperCase();
}

export function flatEdits(op: FixOperation, target: FixTarget): TextEdit[] {
  const handle = target.scope.handle as FlatHandle;
  const file = target.subject.file;
  const wrap = (changes: TextChange[]): TextEdit[] => changes.map((c) => ({ file, range: c.range, newText: c.newText }));
  const carrier = handle.config.carrier;
  try {
    if ('set' in op) {
      const lookup = target.scope.resolve(op.set.path.split('.'));
      const existing = lookup.filter((l) => l.state === 'known');
      if (existing.length > MAX_FIX_EDITS) throw new FixNotApplicable('the key is set in too many places to change them all');
      if (existing.length) {
        return existing.map((l) => {
          const range = (l as { range: TextEdit['range'] }).range;
          const original = handle.text.slice(range.start.offset, range.end.offset);
          return { file, range, newText: inPlace(handle, original, op.set.value) };
        });
      }
      if (lookup.some((l) => l.state === 'unknown')) throw new FixNotApplicable('the value comes from a placeholder');
      const segments = op.set.path.split('.');
      switch (carrier) {
        case 'yaml': {
          const root = handle.tree?.documents[0]?.root;
          if (!handle.tree || !root || root.kind !== 'map') throw new FixNotApplicable('the file has no top-level mapping');
          return wrap(yamlEnsurePath(handle.tree, root, segments, op.set.value as ScalarValue));
        }
        case 'json':
          return wrap(jsonSetValue(handle.text, segments, op.set.value));
        case 'properties':
          return wrap(propertiesSetValue(handle.text, op.set.path, plain(op.set.value)));
        case 'env':
          return wrap(envSetValue(handle.text, envKey(op.set.path), plain(op.set.value)));
        case 'mosquitto':
          return wrap(mosquittoSetOption(handle.text, op.set.path, plain(op.set.value), handle.section ? { name: handle.section.name, value: handle.section.value } : undefined));
      }
    }
    if ('remove' in op) {
      const segments = op.remove.path.split('.');
      switch (carrier) {
        case 'yaml': {
          const root = handle.tree?.documents[0]?.root;
          if (!handle.tree || !root || root.kind !== 'map') return [];
          let map = root;
          for (const key of segments.slice(0, -1)) {
            const next = map.entries.find((e) => e.key === key)?.value;
            if (!next || next.kind !== 'map') return [];
            map = next;
          }
          return wrap(yamlRemoveEntry(handle.tree, map, segments[segments.length - 1]));
        }
        case 'json':
          return wrap(jsonRemove(handle.text, segments));
        case 'properties':
          return wrap(propertiesRemove(handle.text, op.remove.path));
        case 'env':
          return wrap(envRemove(handle.text, envKey(op.remove.path)));
        case 'mosquitto':
          return wrap(mosquittoRemoveOption(handle.text, op.remove.path, handle.section ? { name: handle.section.name, value: handle.section.value } : undefined));
      }
    }
  } catch (error) {
    if (error instanceof FixNotApplicable) throw error;
    throw new FixNotApplicable(error instanceof Error ? error.message : String(error));
  }
  throw new FixNotApplicable('this operation applies to Terraform only');
}
