/**
 * Limits that keep the `yaml` library away from inputs it cannot survive: nesting deep enough to
 * overflow its recursive composer, and more values than its memory use allows. Checked on the
 * concrete syntax tree (walked without recursion) and on the raw text, before composing.
 */
import { Composer, Parser, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

/**
 * The `yaml` composer recurses once per nesting level. Past about a thousand levels it overflows
 * the stack, and on Node 20 a later regular-expression compilation then aborts the whole process
 * ("RegExpCompiler Allocation failed"): the editor's extension host with it. Deeper files are
 * reported instead of composed; real configuration nests a few dozen levels.
 */
export const MAX_NESTING = 256;

/**
 * The `yaml` library holds about a kilobyte per value while composing: a 5 MB flow list of short
 * items (`[x, y, x, ...]`, 800,000 values) needed over 2 GB and ended the process. Files with
 * more values than this are reported instead of parsed; a real 4 MB manifest has about 200,000.
 */
export const MAX_VALUES = 500_000;

/** An upper-bound estimate of the values in YAML text: every value but the first needs a line break or a flow separator before it. */
export function estimateValues(text: string): number {
  let count = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 44 || code === 91 || code === 123) count++;
  }
  return count;
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * Offset of the first collection nested deeper than MAX_NESTING in the concrete syntax tree
 * (walked without recursion). Given the `text` the tokens came from, most files are cleared
 * without the walk: every level of nesting is a collection of its own, and each needs at least
 * one indicator of its own (`:` or `?` for a map, `-` for a sequence, `[` or `{` for a flow
 * collection), so a text with no more indicators than the limit cannot nest deeper.
 */
export function firstTooDeep(tokens: unknown[], text?: string): number | undefined {
  if (text !== undefined && indicatorsAtMost(text, MAX_NESTING)) return undefined;
  const nodes: unknown[] = [...tokens];
  const levels: number[] = nodes.map(() => 0);
  while (nodes.length > 0) {
    const token = nodes.pop();
    const depth = levels.pop()!;
    if (!token || typeof token !== 'object') continue;
    const record = token as Record<string, unknown>;
    const level = COLLECTIONS.has(record.type as string) ? depth + 1 : depth;
    if (level > MAX_NESTING) return typeof record.offset === 'number' ? record.offset : 0;
    for (const key of CHILD_KEYS) {
      const child = record[key];
      if (Array.isArray(child)) {
        for (const item of child) {
          nodes.push(item);
          levels.push(level);
        }
      } else if (child && typeof child === 'object') {
        nodes.push(child);
        levels.push(level);
      }
    }
  }
  return undefined;
}

const CHILD_KEYS = ['value', 'key', 'items'] as const;

function indicatorsAtMost(text: string, limit: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // : ? - [ {
    if (code === 58 || code === 63 || code === 45 || code === 91 || code === 123) {
      if (++count > limit) return false;
    }
  }
  return true;
}

export function tooDeepMessage(): string {
  return `nested more than ${MAX_NESTING} levels deep; the file was not checked`;
}

export function tooManyValuesMessage(estimated: number): string {
  return `holds about ${estimated} values, more than the ${MAX_VALUES} that are checked; the file was not checked`;
}

export interface YamlLimitProblem {
  message: string;
  offset: number;
}

/**
 * The documents of `text`, composed by the `yaml` library only when that is safe; otherwise why
 * not, with where. The text is tokenised once: the nesting check and the composer share the tokens.
 */
export function parseYamlWithinLimits(
  text: string,
  options: ParseOptions & DocumentOptions & SchemaOptions = {},
): { documents: Document.Parsed[] } | { problem: YamlLimitProblem } {
  const estimated = estimateValues(text);
  if (estimated > MAX_VALUES) return { problem: { message: tooManyValuesMessage(estimated), offset: 0 } };
  const tokens = [...new Parser().parse(text)];
  const deepAt = firstTooDeep(tokens, text);
  if (deepAt !== undefined) return { problem: { message: tooDeepMessage(), offset: deepAt } };
  return { documents: [...new Composer(options).compose(tokens, true, text.length)] };
}
