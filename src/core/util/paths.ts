/**
 * Posix path arithmetic on plain strings, for the engine that must run in a browser (no `node:path`).
 * Paths come from a FileHost and always use `/`; a leading `/` marks an absolute path.
 */

/** Collapses `.`, `..` and repeated slashes; keeps leading `..` of relative paths; '' becomes '.'. */
export function normalize(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(segment);
  }
  const joined = out.join('/');
  if (absolute) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

export function join(...parts: string[]): string {
  const nonEmpty = parts.filter((p) => p !== '');
  return nonEmpty.length === 0 ? '.' : normalize(nonEmpty.join('/'));
}

export function dirname(path: string): string {
  const normal = normalize(path);
  const slash = normal.lastIndexOf('/');
  if (slash < 0) return '.';
  if (slash === 0) return '/';
  return normal.slice(0, slash);
}

export function basename(path: string): string {
  const normal = normalize(path);
  return normal.slice(normal.lastIndexOf('/') + 1);
}

export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}

/** `target` relative to the directory `from`; both relative or both absolute. */
export function relative(from: string, to: string): string {
  const fromParts = segmentsOf(from);
  const toParts = segmentsOf(to);
  let common = 0;
  while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) common++;
  const up = fromParts.slice(common).map(() => '..');
  const rest = up.concat(toParts.slice(common)).join('/');
  return rest === '' ? '.' : rest;
}

function segmentsOf(path: string): string[] {
  const normal = normalize(path);
  if (normal === '.' || normal === '/') return [];
  return normal.replace(/^\//, '').split('/');
}
