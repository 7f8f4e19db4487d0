/**
 * How a YAML file is laid out, so inserted lines look like the user's own: indentation step,
 * whether list dashes sit at their key's column, and where entries start and end.
 */
import { LineIndex } from '../text/position';
import type { MapEntry, MapNode, TreeNode } from '../documents/tree';
import type { BlockLayout } from './yaml-render';

export function detectYamlLayout(text: string): BlockLayout {
  const lines = text.split(/\r\n|\r|\n/);
  const steps = new Map<number, number>();
  let compact = 0;
  let indented = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i];
    if (!/:\s*(#.*)?$/.test(line) || /^\s*#/.test(line)) continue;
    const next = nextContentLine(lines, i + 1);
    if (next === undefined) continue;
    const own = indentOf(line.replace(/^(\s*)- /, '$1  '));
    const child = indentOf(next);
    if (/^\s*- /.test(next)) {
      if (child === own) compact++;
      else if (child > own) indented++;
    }
    if (child > own) steps.set(child - own, (steps.get(child - own) ?? 0) + 1);
  }
  let unit = 2;
  let best = 0;
  for (const [step, count] of steps) {
    if (count > best || (count === best && step < unit)) {
      unit = step;
      best = count;
    }
  }
  return { unit: ' '.repeat(Math.min(Math.max(unit, 1), 8)), sequences: compact > indented ? 'compact' : 'indented' };
}

function nextContentLine(lines: string[], from: number): string | undefined {
  for (let i = from; i < lines.length; i++) {
    if (lines[i].trim() !== '' && !/^\s*#/.test(lines[i])) return lines[i];
  }
  return undefined;
}

function indentOf(line: string): number {
  return /^ */.exec(line)![0].length;
}

/** Entries written inside this map (not those shared in through a `<<` merge). */
export function ownEntries(map: MapNode): MapEntry[] {
  const start = map.range.start.offset;
  const end = map.range.end.offset;
  return map.entries.filter((e) => e.keyRange.start.offset >= start && e.keyRange.start.offset <= end);
}

export function lastOwnEntry(map: MapNode, key?: string): MapEntry | undefined {
  const own = ownEntries(map).filter((e) => key === undefined || e.key === key);
  let last: MapEntry | undefined;
  for (const entry of own) if (!last || entry.range.end.offset >= last.range.end.offset) last = entry;
  return last;
}

/** Offset just past the `:` that follows a key (or the key's end when there is none). */
export function colonAfter(text: string, keyEnd: number): number {
  let i = keyEnd;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text[i] === ':' ? i + 1 : keyEnd;
}

/** Offset of the end of the line holding `offset` (before its line break). */
export function endOfLineAt(index: LineIndex, offset: number): number {
  return index.lineEnd(index.position(offset).line);
}

export function isEmptyValue(node: TreeNode): boolean {
  if (node.kind === 'scalar') return node.value === null;
  if (node.kind === 'map') return node.entries.length === 0;
  return false;
}

export function spaces(count: number): string {
  return ' '.repeat(Math.max(0, count));
}
