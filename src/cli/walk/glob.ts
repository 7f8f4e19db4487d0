/**
 * Translates shell-style globs into regular expressions over `/`-separated relative paths. Shared
 * by the .gitignore matcher and the --include/--exclude/ignorePaths filters so that both agree on
 * what `*`, `?`, `[...]` and `**` mean: `*` and `?` never cross a `/`, and `**` as a whole segment
 * spans any number of directories (including none).
 */

export interface GlobOptions {
  /** `{a,b}` alternatives (globs) versus a literal brace (gitignore has no braces). */
  braces: boolean;
}

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  xdigit: '0-9a-fA-F',
  punct: '!-\\/:-@\\[-`{-~',
};

function escapeForRegExp(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch;
}

function escapeForClass(ch: string): string {
  return /[A-Za-z0-9]/.test(ch) ? ch : `\\${ch}`;
}

/** Parses `[...]` starting at `open`; undefined when it never closes (then `[` is literal). */
function parseBracket(glob: string, open: number): { source: string; end: number } | undefined {
  let i = open + 1;
  let negated = false;
  if (glob[i] === '!' || glob[i] === '^') {
    negated = true;
    i++;
  }
  let body = '';
  let first = true;
  for (; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === ']' && !first) {
      if (body === '') return undefined;
      // A class never matches the separator, negated or not.
      return { source: negated ? `[^/${body}]` : `(?!/)[${body}]`, end: i };
    }
    first = false;
    if (ch === '[' && glob[i + 1] === ':') {
      const close = glob.indexOf(':]', i + 2);
      const name = close > 0 ? glob.slice(i + 2, close) : '';
      if (POSIX_CLASSES[name] !== undefined) {
        body += POSIX_CLASSES[name];
        i = close + 1;
        continue;
      }
    }
    let literal = ch;
    if (ch === '\\' && i + 1 < glob.length) literal = glob[++i];
    const isRange = glob[i + 1] === '-' && i + 2 < glob.length && glob[i + 2] !== ']';
    if (isRange) {
      let upper = glob[i + 2];
      let skip = 2;
      if (upper === '\\' && i + 3 < glob.length) {
        upper = glob[i + 3];
        skip = 3;
      }
      if (upper < literal) return undefined;
      body += `${escapeForClass(literal)}-${escapeForClass(upper)}`;
      i += skip;
    } else {
      body += escapeForClass(literal);
    }
  }
  return undefined;
}

function bracesBalanced(segment: string): boolean {
  let depth = 0;
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

function segmentToRegExp(segment: string, options: GlobOptions): string {
  const braces = options.braces && bracesBalanced(segment);
  let out = '';
  let braceDepth = 0;
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (ch === '\\') {
      out += i + 1 < segment.length ? escapeForRegExp(segment[++i]) : '\\\\';
    } else if (ch === '*') {
      while (segment[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '[') {
      const bracket = parseBracket(segment, i);
      if (bracket) {
        out += bracket.source;
        i = bracket.end;
      } else {
        out += '\\[';
      }
    } else if (braces && ch === '{') {
      braceDepth++;
      out += '(?:';
    } else if (braces && ch === ',' && braceDepth > 0) {
      out += '|';
    } else if (braces && ch === '}' && braceDepth > 0) {
      braceDepth--;
      out += ')';
    } else {
      out += escapeForRegExp(ch);
    }
  }
  return out;
}

/**
 * The regular-expression source (no anchors) for a glob over a relative path. Empty segments from
 * doubled slashes are dropped, as paths never contain them.
 */
export function globToRegExpSource(glob: string, options: GlobOptions): string {
  const segments = glob.split('/').filter((s, i, all) => s !== '' || (i === 0 && all.length === 1));
  let source = '';
  let needsSeparator = false;
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '**') {
      if (last) source += needsSeparator ? '/.*' : '.*';
      else source += needsSeparator ? '/(?:.*/)?' : '(?:.*/)?';
      needsSeparator = false;
      return;
    }
    source += (needsSeparator ? '/' : '') + segmentToRegExp(segment, options);
    needsSeparator = true;
  });
  return source;
}

