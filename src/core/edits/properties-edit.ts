/**
 * Edits of Java .properties files: change a value in place, append `key=value` with the file's
 * separator style, remove a key's lines (continuations included).
 */
import { LineIndex } from '../text/position';
import type { FlatEntry } from '../documents/flat';
import { parseProperties } from '../appconfig/properties';
import { canonicalKey } from '../appconfig/canonical-key';
import { changeAt } from './apply';
import { appendLine, removeLinesOf } from './line-edits';
import type { TextChange } from './types';

/**
 * Sets `key` to `value`. The last entry with exactly that key is changed, else the last one with
 * the same canonical key (`server.ssl.key-store` for `server.ssl.keyStore`); otherwise a line is
 * appended.
 */
export function propertiesSetValue(text: string, key: string, value: string): TextChange[] {
  const config = parseProperties(text);
  const index = new LineIndex(text);
  const entry = findEntry(config.entries, key);
  const separator = detectSeparator(text, config.entries);
  if (!entry) return [appendLine(text, index, escapeKey(key) + separator + escapeValue(value))];
  const { start, end } = entry.valueRange;
  const hasSeparator = start.offset > entry.keyRange.end.offset;
  const newText = (hasSeparator ? '' : separator) + escapeValue(value);
  return [changeAt(index, start.offset, end.offset, newText)];
}

/** Removes every line that sets `key` (exactly, or by canonical key). */
export function propertiesRemove(text: string, key: string): TextChange[] {
  const config = parseProperties(text);
  const index = new LineIndex(text);
  const wanted = canonicalKey(key, 'properties');
  return config.entries
    .filter((e) => e.key === key || e.canonicalKey === wanted)
    .map((e) => removeLinesOf(text, index, e.range));
}

function findEntry(entries: FlatEntry[], key: string): FlatEntry | undefined {
  const exact = entries.filter((e) => e.key === key);
  if (exact.length) return exact[exact.length - 1];
  const wanted = canonicalKey(key, 'properties');
  const relaxed = entries.filter((e) => e.canonicalKey === wanted);
  return relaxed[relaxed.length - 1];
}

/** The separator most entries use (`=`, ` = `, `: `, ...), `=` for an empty file. */
function detectSeparator(text: string, entries: FlatEntry[]): string {
  const counts = new Map<string, number>();
  for (const e of entries) {
    if (e.valueRange.start.offset === e.valueRange.end.offset) continue;
    const between = text.slice(e.keyRange.end.offset, e.valueRange.start.offset);
    if (between.includes('\n') || between.includes('\r') || between === '') continue;
    counts.set(between, (counts.get(between) ?? 0) + 1);
  }
  let best = '=';
  let bestCount = 0;
  for (const [separator, count] of counts) {
    if (count > bestCount) {
      best = separator;
      bestCount = count;
    }
  }
  return best;
}

/** Keys escape separators and blanks; non-ASCII becomes `\uXXXX` (Java may read ISO-8859-1). */
export function escapeKey(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const ch = key[i];
    if ('=: \\#!'.includes(ch) && !(i > 0 && (ch === '#' || ch === '!'))) out += '\\' + ch;
    else out += escapeCommon(ch);
  }
  return out;
}

/** Values escape backslashes, leading blanks (the reader would skip them) and a leading `=`/`:`. */
export function escapeValue(value: string): string {
  let out = '';
  let leading = true;
  // UTF-16 units one by one, so characters outside the BMP become two `\uXXXX` escapes.
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch !== ' ') leading = false;
    if (ch === '\\') out += '\\\\';
    else if (ch === ' ' && leading) out += '\\ ';
    // After a blank separator, a first `=` or `:` would be taken as the separator.
    else if ((ch === '=' || ch === ':') && i === 0) out += '\\' + ch;
    else out += escapeCommon(ch);
  }
  return out;
}

function escapeCommon(ch: string): string {
  switch (ch) {
    case '\t':
      return '\\t';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\f':
      return '\\f';
    default: {
      const code = ch.charCodeAt(0);
      if (code < 0x20 || code > 0x7e) return '\\u' + code.toString(16).padStart(4, '0');
      return ch;
    }
  }
}
