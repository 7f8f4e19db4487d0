/**
 * `<<-` heredocs: the smallest indentation over the content lines is removed from every line.
 * Indentation counts Unicode space characters (a tab counts as one); blank lines and the spaces
 * before the closing marker do not count, and a line that begins with an interpolation or a
 * directive counts as unindented.
 */
import { isUnicodeSpace } from './chars';

export interface IndentedLiteral {
  value: string;
  /** Indexes into `value` where a content line starts. */
  lineStarts: number[];
  /** The literal runs up to the closing marker line (its last line start is not a line). */
  reachesEnd: boolean;
}

export function minimumIndent(literals: IndentedLiteral[], lineStartsWithSequence: boolean): number {
  let minimum = lineStartsWithSequence ? 0 : Number.POSITIVE_INFINITY;
  for (const literal of literals) {
    const value = literal.value;
    for (const start of literal.lineStarts) {
      let i = start;
      while (i < value.length && isUnicodeSpace(value.charCodeAt(i))) i++;
      if (i < value.length) {
        const code = value.charCodeAt(i);
        if (code === 10 || code === 13) continue;
      } else if (literal.reachesEnd) {
        continue;
      }
      if (i - start < minimum) minimum = i - start;
      if (minimum === 0) return 0;
    }
  }
  return minimum === Number.POSITIVE_INFINITY ? 0 : minimum;
}

/** The value with up to `indent` leading spaces removed at each line start. */
export function stripIndent(literal: IndentedLiteral, indent: number): string {
  const value = literal.value;
  let result = '';
  let copiedUpTo = 0;
  for (const start of literal.lineStarts) {
    let i = start;
    const limit = Math.min(value.length, start + indent);
    while (i < limit && isUnicodeSpace(value.charCodeAt(i))) i++;
    if (i === start) continue;
    result += value.slice(copiedUpTo, start);
    copiedUpTo = i;
  }
  return copiedUpTo === 0 ? value : result + value.slice(copiedUpTo);
}
