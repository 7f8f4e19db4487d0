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

interface LogicalLine {
  /** Characters of the logical line, continuations joined. */
  chars: string[];
  /** Original offset of each character. */
  offsets: number[];
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
    const logical: LogicalLine = { chars: [], offsets: [] };
    line = readLogicalLine(text, index, line, first, logical);
    const entry = parseEntry(logical, index, config);
    if (entry) config.entries.push(entry);
  }
  return config;
}

/** Appends natural lines to `out` while they end in a continuation; returns the next line number. */
function readLogicalLine(text: string, index: LineIndex, line: number, from: number, out: LogicalLine): number {
  let current = line;
  let position = from;
  for (;;) {
    const end = index.lineEnd(current);
    let backslashes = 0;
    for (let i = end - 1; i >= position && text[i] === '\\'; i--) backslashes++;
    const continues = backslashes % 2 === 1 && current + 1 < index.lineCount;
    const contentEnd = backslashes % 2 === 1 ? end - 1 : end;
    for (let i = position; i < contentEnd; i++) {
      out.chars.push(text[i]);
      out.offsets.push(i);
    }
    current++;
    if (!continues) return current;
    position = index.lineStart(current);
    const nextEnd = index.lineEnd(current);
    while (position < nextEnd && BLANK.has(text[position])) position++;
  }
}

function parseEntry(logical: LogicalLine, index: LineIndex, config: FlatConfig): FlatEntry | undefined {
  const { chars, offsets } = logical;
  if (chars.length === 0) return undefined;
  let i = 0;
  let key = '';
  while (i < chars.length) {
    const ch = chars[i];
    if (ch === '\\') {
      const decoded = decodeEscape(chars, i, offsets, index, config);
      key += decoded.text;
      i = decoded.next;
      continue;
    }
    if (ch === '=' || ch === ':' || BLANK.has(ch)) break;
    key += ch;
    i++;
  }
  const keyStart = offsets[0];
  const keyEnd = i > 0 ? offsets[i - 1] + 1 : keyStart;
  while (i < chars.length && BLANK.has(chars[i])) i++;
  if (i < chars.length && (chars[i] === '=' || chars[i] === ':')) i++;
  while (i < chars.length && BLANK.has(chars[i])) i++;
  const lineEnd = offsets[offsets.length - 1] + 1;
  const valueStart = i < chars.length ? offsets[i] : lineEnd;
  let value = '';
  while (i < chars.length) {
    if (chars[i] === '\\') {
      const decoded = decodeEscape(chars, i, offsets, index, config);
      value += decoded.text;
      i = decoded.next;
      continue;
    }
    value += chars[i];
    i++;
  }
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

function decodeEscape(
  chars: string[],
  at: number,
  offsets: number[],
  index: LineIndex,
  config: FlatConfig,
): { text: string; next: number } {
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
      const hex = chars.slice(at + 2, at + 6).join('');
      if (/^[0-9a-fA-F]{4}$/.test(hex)) return { text: String.fromCharCode(parseInt(hex, 16)), next: at + 6 };
      const end = offsets[Math.min(at + 5, chars.length - 1)] + 1;
      config.errors.push({ message: 'malformed \\uXXXX escape (Java refuses to load this file)', range: index.range(offsets[at], end) });
      return { text: 'u', next: at + 2 };
    }
    default:
      return { text: next, next: at + 2 };
  }
}
