/** Terraform's string functions. Regular expressions are RE2 in Terraform; common syntax is mapped. */
import type { TfValue } from '../../types';
import { basename, dirname } from '../../../util/paths';
import { list, int, str } from './args';
import { formatString } from './format';
import { fail, type FunctionTable } from './spec';

/** RE2 named groups `(?P<n>...)` become JavaScript's `(?<n>...)`; anything JS rejects fails the call. */
function toRegExp(pattern: string, flags = ''): RegExp {
  try {
    return new RegExp(pattern.replace(/\(\?P</g, '(?<'), flags);
  } catch (error) {
    return fail(`invalid regular expression: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function replace(text: string, search: string, replacement: string): string {
  if (search.length >= 2 && search.startsWith('/') && search.endsWith('/')) {
    // Terraform writes group references as $1 or ${1}; JavaScript understands only the first.
    return text.replace(toRegExp(search.slice(1, -1), 'g'), replacement.replace(/\$\{(\d+)\}/g, '$$$1'));
  }
  return search === '' ? text : text.split(search).join(replacement);
}

function regexMatch(match: RegExpMatchArray): TfValue {
  if (match.groups) return { ...match.groups } as TfValue;
  if (match.length > 1) return match.slice(1).map((g) => g ?? null);
  return match[0];
}

function trimChars(text: string, chars: string, start: boolean, end: boolean): string {
  const set = new Set(Array.from(chars));
  const points = Array.from(text);
  let from = 0;
  let to = points.length;
  while (start && from < to && set.has(points[from])) from++;
  while (end && to > from && set.has(points[to - 1])) to--;
  return points.slice(from, to).join('');
}

export const stringFunctions: FunctionTable = {
  lower: { minArgs: 1, maxArgs: 1, impl: ([s]) => str(s).toLowerCase() },
  upper: { minArgs: 1, maxArgs: 1, impl: ([s]) => str(s).toUpperCase() },
  title: { minArgs: 1, maxArgs: 1, impl: ([s]) => str(s).replace(/(^|[^\p{L}\p{N}])(\p{L})/gu, (_m, pre: string, c: string) => pre + c.toUpperCase()) },
  format: { minArgs: 1, impl: ([f, ...rest]) => formatString(str(f, 'format'), rest) },
  formatlist: {
    minArgs: 1,
    impl: ([f, ...rest]) => {
      const lengths = rest.filter(Array.isArray).map((a) => (a as TfValue[]).length);
      if (lengths.some((n) => n !== lengths[0])) fail('all list arguments must have the same length');
      const count = lengths.length > 0 ? lengths[0] : 1;
      return Array.from({ length: count }, (_v, i) => formatString(str(f, 'format'), rest.map((a) => (Array.isArray(a) ? a[i] : a))));
    },
  },
  join: {
    minArgs: 2,
    impl: ([sep, ...lists]) =>
      lists
        .flatMap((l) => list(l))
        .map((item) => str(item, 'list element'))
        .join(str(sep)),
  },
  split: { minArgs: 2, maxArgs: 2, impl: ([sep, s]) => str(s).split(str(sep)) },
  replace: { minArgs: 3, maxArgs: 3, impl: ([s, search, replacement]) => replace(str(s), str(search), str(replacement)) },
  regex: {
    minArgs: 2,
    maxArgs: 2,
    impl: ([pattern, s]) => {
      const match = str(s).match(toRegExp(str(pattern)));
      return match ? regexMatch(match) : fail('the pattern does not match');
    },
  },
  regexall: {
    minArgs: 2,
    maxArgs: 2,
    impl: ([pattern, s]) => Array.from(str(s).matchAll(toRegExp(str(pattern), 'g')), (m) => regexMatch(m)),
  },
  startswith: { minArgs: 2, maxArgs: 2, impl: ([s, prefix]) => str(s).startsWith(str(prefix)) },
  endswith: { minArgs: 2, maxArgs: 2, impl: ([s, suffix]) => str(s).endsWith(str(suffix)) },
  strcontains: { minArgs: 2, maxArgs: 2, impl: ([s, part]) => str(s).includes(str(part)) },
  trimspace: { minArgs: 1, maxArgs: 1, impl: ([s]) => str(s).trim() },
  trim: { minArgs: 2, maxArgs: 2, impl: ([s, chars]) => trimChars(str(s), str(chars), true, true) },
  trimprefix: { minArgs: 2, maxArgs: 2, impl: ([s, p]) => (str(s).startsWith(str(p)) ? str(s).slice(str(p).length) : str(s)) },
  trimsuffix: {
    minArgs: 2,
    maxArgs: 2,
    impl: ([s, p]) => (str(p) !== '' && str(s).endsWith(str(p)) ? str(s).slice(0, -str(p).length) : str(s)),
  },
  chomp: { minArgs: 1, maxArgs: 1, impl: ([s]) => str(s).replace(/(\r\n|\n|\r)+$/, '') },
  strrev: { minArgs: 1, maxArgs: 1, impl: ([s]) => Array.from(str(s)).reverse().join('') },
  substr: {
    minArgs: 3,
    maxArgs: 3,
    impl: ([s, offset, length]) => {
      const points = Array.from(str(s));
      let start = int(offset, 'offset');
      if (start < 0) start = Math.max(0, points.length + start);
      const count = int(length, 'length');
      return points.slice(start, count < 0 ? undefined : start + count).join('');
    },
  },
  indent: {
    minArgs: 2,
    maxArgs: 2,
    impl: ([n, s]) => str(s).replace(/\n/g, `\n${' '.repeat(Math.max(0, int(n)))}`),
  },
  basename: { minArgs: 1, maxArgs: 1, impl: ([p]) => basename(str(p)) },
  dirname: { minArgs: 1, maxArgs: 1, impl: ([p]) => dirname(str(p)) },
};
