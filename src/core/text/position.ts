/**
 * Source positions shared by every parser. Lines and columns are 0-based and count UTF-16 code
 * units, exactly as VS Code does, so adapters convert nothing; reports add 1 when they print.
 */
import { newPosition, newRange } from '../util/lint-lived';
export interface Position {
  /** Index into the JavaScript string (UTF-16 code units). */
  offset: number;
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * Maps offsets to line/column. Recognises `\n`, `\r\n` and a lone `\r` as line ends, like
 * VS Code's text model, so ranges stay right in CRLF and old-Mac files.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (ch === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return newPosition(clamped, low, clamped - this.lineStarts[low]);
  }

  range(startOffset: number, endOffset: number): Range {
    return newRange(this.position(startOffset), this.position(endOffset));
  }

  /** Offset of the first character of a 0-based line (the text length past the last line). */
  lineStart(line: number): number {
    if (line < 0) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    return this.lineStarts[line];
  }

  /** Offset just before the line break that ends a 0-based line. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The line break the file mostly uses, so inserted lines match the user's file. */
  preferredEol(): string {
    const crlf = this.text.indexOf('\r\n');
    if (crlf >= 0) return '\r\n';
    if (this.text.indexOf('\n') >= 0) return '\n';
    if (this.text.indexOf('\r') >= 0) return '\r';
    return '\n';
  }
}

export function emptyRange(at: Position): Range {
  return { start: at, end: at };
}

export function containsOffset(range: Range, offset: number): boolean {
  return range.start.offset <= offset && offset <= range.end.offset;
}
