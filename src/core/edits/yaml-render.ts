/**
 * Writes values as YAML text for edits: scalars in the style the user chose when that keeps the
 * value's type, block maps and lists at a given indentation, and flow style inside `{}` / `[]`.
 */
import { isScalar, parseDocument, Scalar } from 'yaml';
import type { ScalarValue } from '../documents/tree';

export type YamlValue = ScalarValue | YamlValue[] | { [key: string]: YamlValue };

export type ScalarStyle = 'plain' | 'single' | 'double';

export interface BlockLayout {
  /** One indentation step (spaces only: YAML forbids tabs for indentation). */
  unit: string;
  /** `compact`: list dashes at the key's column (`key:\n- a`); `indented`: one step deeper. */
  sequences: 'compact' | 'indented';
}

export function isScalarValue(value: unknown): value is ScalarValue {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** A scalar as YAML text; `inFlow` when it sits inside `[...]` or `{...}`. */
export function renderScalar(value: ScalarValue, preferred: ScalarStyle = 'plain', inFlow = false): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return String(value);
  }
  const printable = !/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/.test(value);
  if (preferred === 'single' && printable) return `'${value.replace(/'/g, "''")}'`;
  if (preferred === 'plain' && printable && readsBackAsString(value, inFlow)) return value;
  return JSON.stringify(value);
}

/**
 * Whether `value` written without quotes is read back as the same string by YAML 1.1 and 1.2
 * readers alike (so `yes`, `0644`, `1e3`, `null`, `a: b`, `#x` get quotes).
 */
export function readsBackAsString(value: string, inFlow = false): boolean {
  const key = `${inFlow ? 'f' : 'b'}${value}`;
  let answer = readsBack.get(key);
  if (answer === undefined) {
    answer = computeReadsBack(value, inFlow);
    // Fixes render the same few keys and values over and over (every finding of a manifest
    // gets a fix): parsing each with the yaml library was a third of the time of a lint run.
    if (readsBack.size >= READS_BACK_CACHE_SIZE) readsBack.clear();
    readsBack.set(key, answer);
  }
  return answer;
}

const READS_BACK_CACHE_SIZE = 4_096;
const readsBack = new Map<string, boolean>();

function computeReadsBack(value: string, inFlow: boolean): boolean {
  if (value === '' || value !== value.trim()) return false;
  if (inFlow && /[,[\]{}]/.test(value)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || /:(\s|$)|\s#/.test(value)) return false;
  for (const version of ['1.1', '1.2'] as const) {
    const doc = parseDocument(value, { version });
    if (doc.errors.length > 0 || doc.warnings.length > 0) return false;
    const node = doc.contents;
    if (!isScalar(node) || node.type !== Scalar.PLAIN || node.value !== value) return false;
  }
  return true;
}

export function renderKey(key: string): string {
  return readsBackAsString(key) ? key : JSON.stringify(key);
}

/** `key: value` lines (no line breaks) for a block map entry at `indent`. */
export function renderEntryLines(key: string, value: YamlValue, indent: string, layout: BlockLayout): string[] {
  const head = `${indent}${renderKey(key)}:`;
  if (isScalarValue(value)) return [`${head} ${renderScalar(value)}`];
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${head} []`];
    const itemIndent = layout.sequences === 'compact' ? indent : indent + layout.unit;
    return [head, ...value.flatMap((item) => renderItemLines(item, itemIndent, layout))];
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return [`${head} {}`];
  return [head, ...entries.flatMap(([k, v]) => renderEntryLines(k, v, indent + layout.unit, layout))];
}

/** `- item` lines for a block sequence item whose dash is at `indent`. */
export function renderItemLines(value: YamlValue, indent: string, layout: BlockLayout): string[] {
  if (isScalarValue(value)) return [`${indent}- ${renderScalar(value)}`];
  if (Array.isArray(value)) return [`${indent}- ${renderFlow(value)}`];
  const entries = Object.entries(value);
  if (entries.length === 0) return [`${indent}- {}`];
  // The item's keys line up two columns right of the dash; the first shares the dash's line.
  const inner = indent + '  ';
  const lines = entries.flatMap(([k, v]) => renderEntryLines(k, v, inner, layout));
  lines[0] = `${indent}- ${lines[0].slice(inner.length)}`;
  return lines;
}

/** One-line flow form: `{a: 1, b: [x, y]}`. */
export function renderFlow(value: YamlValue): string {
  if (isScalarValue(value)) return renderScalar(value, 'plain', true);
  if (Array.isArray(value)) return `[${value.map(renderFlow).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${readsBackAsString(k, true) ? k : JSON.stringify(k)}: ${renderFlow(v)}`)
    .join(', ')}}`;
}
