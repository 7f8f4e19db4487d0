/** Reports print 1-based lines and columns; the engine's ranges are 0-based with an exclusive end. */
import type { Range } from '../text/position';

export interface OneBasedRange {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

export function toOneBased(range: Range): OneBasedRange {
  return {
    start: { line: range.start.line + 1, column: range.start.column + 1 },
    end: { line: range.end.line + 1, column: range.end.column + 1 },
  };
}
