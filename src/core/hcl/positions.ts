/**
 * Offset → Position conversion tuned for parsers. Line breaks are LineIndex's (`\n`, `\r\n`,
 * lone `\r`), but lookups remember the last line found: a parser asks for positions in nearly
 * ascending order, so most lookups cost a comparison or two instead of a binary search.
 */
import { LineIndex, type Position, type Range } from '../text/position';
import { newPosition, newRange } from '../util/lint-lived';

/** What the parsers need to turn offsets into positions; fragments map through a table. */
export interface PositionSource {
  position(offset: number): Position;
  range(startOffset: number, endOffset: number): Range;
}

export class PositionTable implements PositionSource {
  readonly lineIndex: LineIndex;
  private readonly starts: Int32Array;
  private readonly textLength: number;
  private lastLine = 0;

  constructor(text: string, lineIndex: LineIndex = new LineIndex(text)) {
    this.lineIndex = lineIndex;
    this.textLength = text.length;
    const count = lineIndex.lineCount;
    const starts = new Int32Array(count + 1);
    for (let line = 0; line < count; line++) starts[line] = lineIndex.lineStart(line);
    // A sentinel past the end keeps the forward scan free of bounds checks.
    starts[count] = 0x7fffffff;
    this.starts = starts;
  }

  position(offset: number): Position {
    if (offset < 0) offset = 0;
    else if (offset > this.textLength) offset = this.textLength;
    const starts = this.starts;
    let line = this.lastLine;
    if (starts[line] > offset) {
      line = this.search(offset);
    } else if (starts[line + 1] <= offset) {
      // Usually the next line or two; fall back to a binary search for long jumps.
      line++;
      if (starts[line + 1] <= offset) {
        line++;
        if (starts[line + 1] <= offset) line = this.search(offset);
      }
    }
    this.lastLine = line;
    return newPosition(offset, line, offset - starts[line]);
  }

  range(startOffset: number, endOffset: number): Range {
    return newRange(this.position(startOffset), this.position(endOffset));
  }

  private search(offset: number): number {
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 2;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
