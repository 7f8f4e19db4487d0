/**
 * Glob matching for ignore paths in `.enisa-health.yaml`: `**` crosses directories, `*` and `?`
 * stay within one segment, a pattern without `/` matches a name at any depth, a trailing `/`
 * matches a directory and everything under it. Compiled once per pattern, linear in the path.
 */
const cache = new Map<string, RegExp>();

function compile(pattern: string): RegExp {
  let p = pattern.trim().replace(/\\/g, '/');
  const directory = p.endsWith('/');
  if (directory) p = p.slice(0, -1);
  const anchored = p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '*') {
      if (p[i + 1] === '*') {
        const slash = p[i + 2] === '/';
        out += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else out += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const prefix = anchored ? '^' : '^(?:.*/)?';
  return new RegExp(`${prefix}${out}(?:/.*)?$`);
}

export function matchesGlob(relativePath: string, pattern: string): boolean {
  let re = cache.get(pattern);
  if (!re) {
    re = compile(pattern);
    cache.set(pattern, re);
  }
  return re.test(relativePath.replace(/\\/g, '/').replace(/^\.\//, ''));
}
