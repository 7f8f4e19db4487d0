/**
 * Edits of dotenv files: change a value keeping its quoting where possible, append `KEY=value`
 * (with `export ` when the file uses it throughout), remove a key's line.
 */
import { LineIndex } from '../text/position';
import { parseDotenvDetailed, type EnvEntryDetail } from '../appconfig/env';
import { changeAt } from './apply';
import { appendLine, removeLinesOf } from './line-edits';
import type { TextChange } from './types';

export function envSetValue(text: string, key: string, value: string): TextChange[] {
  const { config, details } = parseDotenvDetailed(text);
  const index = new LineIndex(text);
  let position = -1;
  config.entries.forEach((e, i) => {
    if (e.key === key) position = i;
  });
  if (position < 0) {
    const exported = details.length > 0 && details.every((d) => d.exported);
    return [appendLine(text, index, `${exported ? 'export ' : ''}${key}=${renderEnvValue(value, 'none')}`)];
  }
  const entry = config.entries[position];
  return [changeAt(index, entry.valueRange.start.offset, entry.valueRange.end.offset, renderEnvValue(value, details[position].quote))];
}

export function envRemove(text: string, key: string): TextChange[] {
  const { config } = parseDotenvDetailed(text);
  const index = new LineIndex(text);
  return config.entries.filter((e) => e.key === key).map((e) => removeLinesOf(text, index, e.range));
}

/**
 * The value as the file would write it: in its old quotes when they can carry it, unquoted when
 * safe, else double-quoted with escapes.
 */
export function renderEnvValue(value: string, quote: EnvEntryDetail['quote']): string {
  if (quote === 'single' && !/['\r\n]/.test(value)) return `'${value}'`;
  if (quote === 'double') return doubleQuoted(value);
  const safePlain = value === value.trim() && !/[\s#"'`\\]/.test(value) && value !== '';
  return safePlain ? value : doubleQuoted(value);
}

function doubleQuoted(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}
