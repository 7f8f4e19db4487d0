/**
 * Where a file's text changed between two lints, and how positions outside the change move. An
 * edit in the editor is one contiguous change, found as the longest common prefix and suffix;
 * anything before it keeps its position, anything on a later line moves by whole lines.
 */
import type { Position, Range } from '../text/position';
import { newPosition, newRange } from '../util/lint-lived';
import { commonPrefix, commonSuffix } from '../text/common-affix';

export interface TextShift {
  /** First offset that differs (old and new text agree before it). */
  readonly start: number;
  /** End of the changed span in the old text; the old text after it reappears after `newEnd`. */
  readonly oldEnd: number;
  readonly newEnd: number;
  /** Line of `oldEnd` in the old text: positions on it may change column, later ones do not. */
  readonly oldEndLine: number;
  readonly lineDelta: number;
}

function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}

/** Undefined when the texts are equal. */
export function textShift(oldText: string, newText: string): TextShift | undefined {
  if (oldText === newText) return undefined;
  const shortest = Math.min(oldText.length, newText.length);
  let start = commonPrefix(oldText, newText);
  // Never split a CRLF pair: the line count of each side must read it as one break.
  if (start > 0 && oldText.charCodeAt(start - 1) === 13) start--;
  const suffix = commonSuffix(oldText, newText, shortest - start);
  let oldEnd = oldText.length - suffix;
  let newEnd = newText.length - suffix;
  if (suffix > 0 && oldText.charCodeAt(oldEnd) === 10 && (oldText.charCodeAt(oldEnd - 1) === 13 || newText.charCodeAt(newEnd - 1) === 13)) {
    oldEnd++;
    newEnd++;
  }
  const oldEndLine = lineBreaks(oldText, 0, oldEnd);
  return { start, oldEnd, newEnd, oldEndLine, lineDelta: lineBreaks(newText, start, newEnd) - lineBreaks(oldText, start, oldEnd) };
}

function shiftPosition(shift: TextShift, position: Position): Position | undefined {
  if (position.offset <= shift.start) return position;
  if (position.offset < shift.oldEnd || position.line <= shift.oldEndLine) return undefined;
  return newPosition(position.offset + shift.newEnd - shift.oldEnd, position.line + shift.lineDelta, position.column);
}

/** The range in the new text, or undefined when it touches the change (it must be worked out again). */
export function shiftRange(shift: TextShift | undefined, range: Range): Range | undefined {
  if (!shift) return range;
  if (range.start.offset < shift.start && range.end.offset > shift.start) return undefined;
  const start = shiftPosition(shift, range.start);
  const end = start && shiftPosition(shift, range.end);
  if (!start || !end) return undefined;
  return start === range.start && end === range.end ? range : newRange(start, end);
}
