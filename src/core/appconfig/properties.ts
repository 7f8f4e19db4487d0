/**
 * Java `.properties` files, read as `java.util.Properties.load` does:
 * - a comment line starts (after blanks) with `#` or `!` and is never continued;
 * - a line ending in an odd number of backslashes continues on the next line, whose leading
 *   blanks are skipped;
 * - the key ends at the first unescaped `=`, `:` or blank; then blanks, at most one `=` or `:`,
 *   and blanks again are skipped; the rest of the logical line is the value (trailing blanks kept);
 * - escapes: `\t \n \r \f`, `\uXXXX`, and a backslash before any other character keeps that
 *   character (`\=`, `\:`, `\ `, `\\`).
 * Values stay strings, as Spring reads them before conversion.
 */
import { LineIndex } from '../text/position';
import type { FlatConfig, FlatEntry } from '../documents/flat';
import { canonicalKey } from './canonical-key';
import { hasPlaceholder } from './placeholders';

/**
 * A logical line: its natural lines joined (continuations removed), kept as one string plus the
 * original offset of each joined piece. Per-character arrays cost about 200 bytes of heap per
 * character: a 5 MB line took a gigabyte.
 */
interface LogicalLine {
  text: string;
  /** Index in `text` where each piece starts, ascending. */
  pieceStarts: number[];
  /** Original offset of each piece's first character. */
  pieceOrigins: number[];
}

const BLANK = new Set([' ', '\t', '\f']);

export function parseProperties(text: string): FlatConfig {
  const index = new LineIndex(text);
  const config: FlatConfig = { carrier: 'properties', entries: [], errors: [], comments: [] };
  let line = 0;
  while (line < index.lineCount) {
    const start = index.lineStart(line);
    const end = index.lineEnd(line);
    let first = start;
    while (first < end && BLANK.has(text[first])) first++;
    if (first === end) {
      line++;
      continue;
    }
    if (text[first] === '#' || text[first] === '!') {
      config.comments.push({ text: text.slice(first, end), range: index.range(first, end) });
      line++;
      continue;
    }
    const logical: LogicalLine = { text: '', pieceStarts: [], pieceOrigins: [] };
    line = readLogicalLine(text, index, line, first, logical);
    const entry = parseEntry(logical, index, config);
    if (entry) config.entries.push(entry);
  }
  return config;
}

/** Original offset of the character at `index` of the logical line. */
function originalOffset(line: LogicalLine, index: number): number {
  let low = 0;
  let high = line.pieceStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (line.pieceStarts[mid] <= index) low = mid;
    else high = mid - 1;
  }
  return line.pieceOrigins[low] + (index - line.pieceStarts[low]);
}

/** Appends natural lines to `out` while they end in a continuation; returns the next line number. */
function readLogicalLine(text: string, index: LineIndex, line: number, from: number, out: LogicalLine): number {
  let current = line;
  let position = from;
  const pieces: string[] = [];
  let length = 0;
  for (;;) {
    const end = index.lineEnd(current);
    let backslashes = 0;
    for (let i = end - 1; i >= position && text[i] === '\\'; i--) backslashes++;
    const continues = backslashes % 2 === 1 && current + 1 < index.lineCount;
    const contentEnd = backslashes % 2 === 1 ? end - 1 : end;
    if (contentEnd > position) {
      out.pieceStarts.push(length);
      out.pieceOrigins.push(position);
      pieces.push(text.slice(position, contentEnd));
      length += contentEnd - position;
    }
    current++;
    if (!continues) break;
    position = index.lineStart(current);
    const nextEnd = index.lineEnd(current);
    while (position < nextEnd && BLANK.has(text[position])) position++;
  }
  out.text = pieces.join('');
  return current;
}

/** Reads from `from` until `stop` says so, decoding escapes; unescaped runs are sliced, not copied by character. */
function readUntil(line: LogicalLine, from: number, stop: (ch: string) => boolean, index: LineIndex, config: FlatConfig): { text: string; next: number } {
  const chars = line.text;
  let i = from;
  let runStart = from;
  let result = '';
  while (i < chars.length) {
    const ch = chars[i];
    if (ch === '\\') {
      result += chars.slice(runStart, i);
      const decoded = decodeEscape(line, i, index, config);
      result += decoded.text;
      i = decoded.next;
      runStart = i;
      continue;
    }
    if (stop(ch)) break;
    i++;
  }
  return { text: result + chars.slice(runStart, Math.min(i, chars.length)), next: i };
}

function parseEntry(logical: LogicalLine, index: LineIndex, config: FlatConfig): FlatEntry | undefined {
  const chars = logical.text;
  if (chars.length === 0) return undefined;
  const keyRead = readUntil(logical, 0, (ch) => ch === '=' || ch === ':' || BLANK.has(ch), index, config);
  const key = keyRead.text;
  let i = keyRead.next;
  const keyStart = originalOffset(logical, 0);
  const keyEnd = i > 0 ? originalOffset(logical, Math.min(i, chars.length) - 1) + 1 : keyStart;
  while (i < chars.length && BLANK.has(chars[i])) i++;
  if (i < chars.length && (chars[i] === '=' || chars[i] === ':')) i++;
  while (i < chars.length && BLANK.has(chars[i])) i++;
  const lineEnd = originalOffset(logical, chars.length - 1) + 1;
  const valueStart = i < chars.length ? originalOffset(logical, i) : lineEnd;
  const value = readUntil(logical, i, () => false, index, config).text;
  const valueEnd = Math.max(valueStart, lineEnd);
  return {
    key,
    canonicalKey: canonicalKey(key, 'properties'),
    value,
    templated: hasPlaceholder(value),
    keyRange: index.range(keyStart, keyEnd),
    valueRange: index.range(valueStart, valueEnd),
    range: index.range(keyStart, Math.max(keyEnd, valueEnd)),
  };
}

function decodeEscape(line: LogicalLine, at: number, index: LineIndex, config: FlatConfig): { text: string; next: number } {
  const chars = line.text;
  const next = chars[at + 1];
  if (next === undefined) return { text: '', next: at + 1 };
  switch (next) {
    case 't':
      return { text: '\t', next: at + 2 };
    case 'n':
      return { text: '\n', next: at + 2 };
    case 'r':
      return { text: '\r', next: at + 2 };
    case 'f':
      return { text: '\f', next: at + 2 };
    case 'u': {
      const hex = chars.slice(at + 2, at + 6);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) return { text: String.fromCharCode(parseInt(hex, 16)), next: at + 6 };
      const end = originalOffset(line, Math.min(at + 5, chars.length - 1)) + 1;
      config.errors.push({ message: 'malformed \\uXXXX escape (Java refuses to load this file)', range: index.range(originalOffset(line, at), end) });
      return { text: 'u', next: at + 2 };
    }
    default:
      return { text: next, next: at + 2 };
  }
}
