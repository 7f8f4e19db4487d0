/**
 * Applies text changes computed against one version of a text. Changes are checked before anything
 * is applied: ranges must lie inside the text, agree with the text's line/column positions, and
 * not overlap (insertions at the same point are applied in the order given).
 */
import { LineIndex, type Range } from '../text/position';
import type { TextChange } from './types';

export class EditConflictError extends Error {}

export function applyEdits(text: string, edits: readonly TextChange[]): string {
  if (edits.length === 0) return text;
  const index = new LineIndex(text);
  for (const edit of edits) validateRange(edit.range, text, index);
  const ordered = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.range.start.offset - b.edit.range.start.offset || a.edit.range.end.offset - b.edit.range.end.offset || a.order - b.order);
  for (let i = 1; i < ordered.length; i++) {
    const previous = ordered[i - 1].edit.range;
    const current = ordered[i].edit.range;
    if (current.start.offset < previous.end.offset) {
      throw new EditConflictError(`edits overlap at offset ${current.start.offset}`);
    }
  }
  let out = '';
  let cursor = 0;
  for (const { edit } of ordered) {
    out += text.slice(cursor, edit.range.start.offset) + edit.newText;
    cursor = edit.range.end.offset;
  }
  return out + text.slice(cursor);
}

function validateRange(range: Range, text: string, index: LineIndex): void {
  const { start, end } = range;
  if (start.offset < 0 || end.offset > text.length || start.offset > end.offset) {
    throw new EditConflictError(`edit range ${start.offset}-${end.offset} is outside the text (length ${text.length})`);
  }
  for (const position of [start, end]) {
    const expected = index.position(position.offset);
    if (expected.line !== position.line || expected.column !== position.column) {
      throw new EditConflictError(
        `edit position ${position.line}:${position.column} does not match offset ${position.offset} (${expected.line}:${expected.column}); was it computed on another version of the text?`,
      );
    }
  }
}

/** A change from offsets, with positions filled in. */
export function changeAt(index: LineIndex, start: number, end: number, newText: string): TextChange {
  return { range: index.range(start, end), newText };
}
