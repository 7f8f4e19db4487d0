/** Line-level helpers shared by the editors of line-based formats (.properties, .env, mosquitto). */
import type { LineIndex } from '../text/position';
import type { Range } from '../text/position';
import { changeAt } from './apply';
import type { TextChange } from './types';

/** Adds a line at the end of the file, keeping whether the file ends with a line break. */
export function appendLine(text: string, index: LineIndex, line: string): TextChange {
  const eol = index.preferredEol();
  if (text === '') return changeAt(index, 0, 0, line + eol);
  const endsWithBreak = /[\r\n]$/.test(text);
  return changeAt(index, text.length, text.length, endsWithBreak ? line + eol : eol + line);
}

/** Adds a line right after the line holding `offset`. */
export function insertLineAfter(index: LineIndex, offset: number, line: string): TextChange {
  const at = index.lineEnd(index.position(offset).line);
  return changeAt(index, at, at, index.preferredEol() + line);
}

/** Adds a line right before the line holding `offset`. */
export function insertLineBefore(index: LineIndex, offset: number, line: string): TextChange {
  const at = index.lineStart(index.position(offset).line);
  return changeAt(index, at, at, line + index.preferredEol());
}

/** Removes the whole lines a range touches, with their line break. */
export function removeLinesOf(text: string, index: LineIndex, range: Range): TextChange {
  const first = range.start.line;
  const last = index.position(range.end.offset).line;
  if (last + 1 < index.lineCount) return changeAt(index, index.lineStart(first), index.lineStart(last + 1), '');
  const start = first > 0 ? index.lineEnd(first - 1) : 0;
  return changeAt(index, start, text.length, '');
}
