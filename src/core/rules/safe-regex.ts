/**
 * Regular expressions from rule files are limited to a subset without backreferences, lookaround
 * or nested quantifiers, so that a rule file (possibly from a workspace) cannot make matching take
 * exponential time. Built-in rules go through the same gate, so the subset is what rule authors
 * see everywhere.
 */
const cache = new Map<string, RegExp>();

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

export function compileSafeRegex(source: string, ignoreCase = false): RegExp {
  const key = (ignoreCase ? 'i:' : 's:') + source;
  let compiled = cache.get(key);
  if (!compiled) {
    const problem = checkRegexSafety(source);
    if (problem) throw new UnsafeRegexError(`unsafe regular expression /${source}/: ${problem}`);
    compiled = new RegExp(source, ignoreCase ? 'i' : '');
    cache.set(key, compiled);
  }
  return compiled;
}
