/**
 * The content of a JSON string token, decoded, with a map from each decoded character back to
 * its source offset so that expressions parsed from the content get ranges in the file.
 */
import type { Position, Range } from '../../text/position';
import type { PositionSource, PositionTable } from '../positions';
import { isHexDigit } from '../native/chars';

export interface DecodedJsonString {
  value: string;
  /** Positions for offsets into `value`, expressed in the file. */
  positions: PositionSource;
  /** The content between the quotes, in the file. */
  contentStart: number;
  contentEnd: number;
  /** Whether the content needs no decoding (no backslashes): then `value` is the raw text. */
  verbatim: boolean;
}

/** Offsets shift by a constant: the content had no escapes. */
class ShiftedPositions implements PositionSource {
  constructor(
    private readonly table: PositionTable,
    private readonly base: number,
  ) {}

  position(offset: number): Position {
    return this.table.position(this.base + offset);
  }

  range(startOffset: number, endOffset: number): Range {
    return this.table.range(this.base + startOffset, this.base + endOffset);
  }
}

/** Offsets go through a per-character map: escapes make decoded and source lengths differ. */
class MappedPositions implements PositionSource {
  constructor(
    private readonly table: PositionTable,
    private readonly map: Int32Array,
  ) {}

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.map.length - 1));
    return this.table.position(this.map[clamped]);
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.position(startOffset), end: this.position(endOffset) };
  }
}

const SIMPLE_ESCAPES: Record<number, string> = {
  34: '"',
  92: '\\',
  47: '/',
  98: '\b',
  102: '\f',
  110: '\n',
  114: '\r',
  116: '\t',
};

/**
 * `tokenStart`/`tokenEnd` delimit the string token including its quotes (jsonc-parser's node
 * offset and length). A string cut off by the end of the file has no closing quote.
 */
export function decodeJsonString(text: string, tokenStart: number, tokenEnd: number, table: PositionTable): DecodedJsonString {
  const contentStart = tokenStart + 1;
  let contentEnd = tokenEnd;
  if (tokenEnd - tokenStart >= 2 && text.charCodeAt(tokenEnd - 1) === 34 && !isEscapedQuote(text, contentStart, tokenEnd - 1)) contentEnd = tokenEnd - 1;
  const raw = text.slice(contentStart, contentEnd);
  if (raw.indexOf('\\') < 0) {
    return { value: raw, positions: new ShiftedPositions(table, contentStart), contentStart, contentEnd, verbatim: true };
  }
  let value = '';
  const offsets: number[] = [];
  for (let i = contentStart; i < contentEnd; ) {
    const code = text.charCodeAt(i);
    if (code !== 92) {
      value += text[i];
      offsets.push(i);
      i++;
      continue;
    }
    const selector = text.charCodeAt(i + 1);
    const simple = SIMPLE_ESCAPES[selector];
    if (simple !== undefined) {
      value += simple;
      offsets.push(i);
      i += 2;
    } else if (selector === 117 /* u */ && hasHexDigits(text, i + 2, 4)) {
      value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
      offsets.push(i);
      i += 6;
    } else {
      // jsonc-parser has already reported the bad escape; keep the text as written.
      value += text[i];
      offsets.push(i);
      i++;
    }
  }
  offsets.push(contentEnd);
  return { value, positions: new MappedPositions(table, Int32Array.from(offsets)), contentStart, contentEnd, verbatim: false };
}

/** Whether the quote at `quoteOffset` is preceded by an odd number of backslashes. */
function isEscapedQuote(text: string, contentStart: number, quoteOffset: number): boolean {
  let backslashes = 0;
  for (let i = quoteOffset - 1; i >= contentStart && text.charCodeAt(i) === 92; i--) backslashes++;
  return backslashes % 2 === 1;
}

function hasHexDigits(text: string, offset: number, count: number): boolean {
  for (let i = offset; i < offset + count; i++) if (!isHexDigit(text.charCodeAt(i))) return false;
  return true;
}
