/**
 * Regular expressions from rule files, which may come from a workspace. Two guards:
 * - a subset without backreferences, lookaround or nested quantifiers, checked when rules load, so
 *   authors see clear errors for shapes that backtrack badly elsewhere;
 * - matching itself runs on a linear-time matcher (`./linear-regex.ts`), never on the
 *   backtracking `RegExp`: shapes the subset lets through, such as `.*.*.*.*x` (polynomial, not
 *   exponential: minutes on 200 characters with `RegExp`), cannot hang the engine either.
 * Built-in rules go through the same gate, so the subset is what rule authors see everywhere.
 */
import { compileLinearRegex, RegexSyntaxError, type LinearRegex } from './linear-regex';

/** Longer values are not tested against patterns: matching costs time in proportion to length × pattern. */
export const MAX_MATCH_LENGTH = 65_536;

const cache = new Map<string, LinearRegex>();

export class UnsafeRegexError extends Error {}

export function checkRegexSafety(source: string): string | undefined {
  if (source.length > 500) return 'pattern longer than 500 characters';
  if (/\\[1-9]/.test(source) || /\\k</.test(source)) return 'backreferences are not allowed';
  if (/\(\?[=!<]/.test(source)) return 'lookaround is not allowed';
  // A quantified group that itself contains a quantifier or an alternative, like (a+)+, (a|a?)+ or
  // (a|aa)*, can backtrack exponentially; such shapes are refused. Character classes ([ab]+) and
  // unrepeated groups ((^|,)) are fine.
  const stack: boolean[] = [];
  let escaped = false;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (escaped) {
      escaped = false;
      continue;
    }
    if (ch === '\\') {
      escaped = true;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') {
      stack.push(false);
      if (source[i + 1] === '?') i++;
    } else if (ch === '|' && stack.length > 0) {
      // Alternatives inside a repeated group ((a|a)+) can match the same text in many ways.
      stack[stack.length - 1] = true;
    }
    else if (ch === ')') {
      const innerQuantified = stack.pop() ?? false;
      const next = source[i + 1];
      const quantified = next === '*' || next === '+' || next === '{' || next === '?';
      if (innerQuantified && quantified && next !== '?') return 'a repeated group may not contain quantifiers or alternatives (nested quantifiers)';
      if (stack.length > 0 && (innerQuantified || quantified)) stack[stack.length - 1] = true;
    } else if ((ch === '*' || ch === '+' || ch === '{' || ch === '?') && stack.length > 0) {
      stack[stack.length - 1] = true;
    }
  }
  return undefined;
}

export function compileSafeRegex(source: string, ignoreCase = false): LinearRegex {
  const key = (ignoreCase ? 'i:' : 's:') + source;
  let compiled = cache.get(key);
  if (!compiled) {
    const problem = checkRegexSafety(source);
    if (problem) throw new UnsafeRegexError(`unsafe regular expression /${source}/: ${problem}`);
    try {
      compiled = compileLinearRegex(source, ignoreCase);
    } catch (error) {
      if (!(error instanceof RegexSyntaxError)) throw error;
      throw new UnsafeRegexError(`regular expression /${source}/ cannot be matched safely: ${error.message}`);
    }
    cache.set(key, compiled);
  }
  return compiled;
}

