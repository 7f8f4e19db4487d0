/**
 * dotenv files (`.env`, `*.env`, compose `env_file`s), read the way Docker Compose reads them:
 * - `KEY=value` or `export KEY=value`; blanks around `=` are ignored; `#` starts a comment line;
 * - unquoted values end at ` #` (a `#` after a blank starts an inline comment; `a#b` stays
 *   whole) and lose trailing blanks;
 * - `"double"` quotes may span lines and understand `\n \r \t \\ \" \' \$`; `'single'` quotes are
 *   literal (no escapes, no interpolation);
 * - a bare `KEY` line (no `=`) takes the value from the caller's environment: no entry.
 * `templated` is set for unquoted and double-quoted values with `${X}` / `$X` (interpolated by
 * compose at run time), never for single-quoted ones.
 */
import { LineIndex } from '../text/position';
import type { FlatConfig, FlatEntry } from '../documents/flat';
import { canonicalKey } from './canonical-key';
import { hasPlaceholder } from './placeholders';

export interface EnvEntryDetail {
  /** How the value was written, so editors can keep the style. */
  quote: 'none' | 'single' | 'double';
  exported: boolean;
}

const KEY = /^[A-Za-z0-9_.\-:]+/;
const DOUBLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', "'": "'", $: '$' };

export function parseDotenv(text: string): FlatConfig {
  return parseDotenvDetailed(text).config;
}

/** The parse plus, per entry, its quoting (used by the env editor). */
export function parseDotenvDetailed(text: string): { config: FlatConfig; details: EnvEntryDetail[] } {
  const index = new LineIndex(text);
  const config: FlatConfig = { carrier: 'env', entries: [], errors: [], comments: [] };
  const details: EnvEntryDetail[] = [];
  let pos = 0;
  while (pos <= text.length) {
    const lineEnd = endOfLine(text, pos);
    let i = skipBlanks(text, pos, lineEnd);
    if (i === lineEnd) {
      pos = nextLine(text, lineEnd);
      continue;
    }
    if (text[i] === '#') {
      config.comments.push({ text: text.slice(i, lineEnd), range: index.range(i, lineEnd) });
      pos = nextLine(text, lineEnd);
      continue;
    }
    let exported = false;
    const exportMatch = /^export[ \t]+/.exec(text.slice(i, lineEnd));
    if (exportMatch) {
      exported = true;
      i += exportMatch[0].length;
    }
    const keyMatch = KEY.exec(text.slice(i, lineEnd));
    if (!keyMatch) {
      config.errors.push({ message: 'expected KEY=value', range: index.range(i, lineEnd) });
      pos = nextLine(text, lineEnd);
      continue;
    }
    const keyStart = i;
    const keyEnd = i + keyMatch[0].length;
    i = skipBlanks(text, keyEnd, lineEnd);
    if (i === lineEnd || text[i] === '#') {
      pos = nextLine(text, lineEnd);
      continue;
    }
    if (text[i] !== '=') {
      config.errors.push({ message: `expected "=" after ${keyMatch[0]}`, range: index.range(i, lineEnd) });
      pos = nextLine(text, lineEnd);
      continue;
    }
    i = skipBlanks(text, i + 1, lineEnd);
    const value = readValue(text, i, lineEnd, index, config);
    const key = keyMatch[0];
    const entry: FlatEntry = {
      key,
      canonicalKey: canonicalKey(key, 'env'),
      value: value.value,
      templated: value.quote !== 'single' && hasPlaceholder(value.value, { bareShellVariables: true }),
      keyRange: index.range(keyStart, keyEnd),
      valueRange: index.range(value.start, value.end),
      range: index.range(keyStart, Math.max(keyEnd, value.end)),
    };
    config.entries.push(entry);
    details.push({ quote: value.quote, exported });
    pos = nextLine(text, endOfLine(text, value.resumeAt));
  }
  return { config, details };
}

interface ReadValue {
  value: string;
  quote: EnvEntryDetail['quote'];
  /** Range of the value as written (quotes included). */
  start: number;
  end: number;
  /** Where the rest of the line (after the value) begins. */
  resumeAt: number;
}

function readValue(text: string, start: number, lineEnd: number, index: LineIndex, config: FlatConfig): ReadValue {
  const open = text[start];
  if (open === '"' || open === "'") {
    let value = '';
    let i = start + 1;
    while (i < text.length && text[i] !== open) {
      if (open === '"' && text[i] === '\\' && i + 1 < text.length) {
        const escaped = DOUBLE_ESCAPES[text[i + 1]];
        value += escaped ?? text[i] + text[i + 1];
        i += 2;
        continue;
      }
      value += text[i];
      i++;
    }
    const quote = open === '"' ? 'double' : 'single';
    if (i >= text.length) {
      // Unterminated: keep the first line as the value, as a reader of the file would.
      config.errors.push({ message: `missing closing ${open} quote`, range: index.range(start, lineEnd) });
      return { value: text.slice(start + 1, lineEnd), quote, start, end: lineEnd, resumeAt: lineEnd };
    }
    const end = i + 1;
    const restEnd = endOfLine(text, end);
    const rest = text.slice(end, restEnd).trim();
    if (rest !== '' && !rest.startsWith('#')) {
      config.errors.push({ message: 'unexpected text after the closing quote', range: index.range(end, restEnd) });
    }
    return { value, quote, start, end, resumeAt: end };
  }
  let end = lineEnd;
  for (let i = start; i < lineEnd; i++) {
    if (text[i] === '#' && (i === start || text[i - 1] === ' ' || text[i - 1] === '\t')) {
      end = i;
      break;
    }
  }
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return { value: text.slice(start, end), quote: 'none', start, end, resumeAt: end };
}

function skipBlanks(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function endOfLine(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Offset of the line after the one ending at `lineEnd` (past the text when there is none). */
function nextLine(text: string, lineEnd: number): number {
  if (lineEnd >= text.length) return text.length + 1;
  return text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? lineEnd + 2 : lineEnd + 1;
}
