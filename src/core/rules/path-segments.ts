/**
 * Rule paths are keys joined by `.`. Keys that hold dots or slashes themselves (annotation and
 * label keys such as `nginx.ingress.kubernetes.io/ssl-redirect`) are written in double quotes:
 * `metadata.annotations."nginx.ingress.kubernetes.io/ssl-redirect"`; inside the quotes `\"` and
 * `\\` stand for a quote and a backslash.
 */

export class PathSyntaxError extends Error {}

/** Rule paths are few and read on every evaluation: each is split once. */
const splitCache = new Map<string, string[]>();
const SPLIT_CACHE_LIMIT = 4096;

/**
 * The segments of a path. The list is shared between callers and frozen: copy it before changing
 * it (a change throws rather than corrupting every later evaluation of the rule).
 */
export function splitPath(path: string): string[] {
  let segments = splitCache.get(path);
  if (!segments) {
    segments = Object.freeze(splitUncached(path)) as string[];
    // Paths come from rule files, so this bound is never reached in practice; it only caps memory.
    if (splitCache.size >= SPLIT_CACHE_LIMIT) splitCache.clear();
    splitCache.set(path, segments);
  }
  return segments;
}

function splitUncached(path: string): string[] {
  if (path === '') return [];
  if (!path.includes('"')) return path.split('.');
  const segments: string[] = [];
  let i = 0;
  for (;;) {
    let segment = '';
    if (path[i] === '"') {
      i++;
      for (; i < path.length && path[i] !== '"'; i++) {
        if (path[i] === '\\' && i + 1 < path.length) i++;
        segment += path[i];
      }
      if (i >= path.length) throw new PathSyntaxError(`unclosed quote in path ${JSON.stringify(path)}`);
      i++;
      if (i < path.length && path[i] !== '.') throw new PathSyntaxError(`a quoted key must be followed by "." in path ${JSON.stringify(path)}`);
    } else {
      const dot = path.indexOf('.', i);
      const end = dot < 0 ? path.length : dot;
      segment = path.slice(i, end);
      if (segment.includes('"')) throw new PathSyntaxError(`a quote may only open a key in path ${JSON.stringify(path)}`);
      i = end;
    }
    segments.push(segment);
    if (i >= path.length) return segments;
    i++; // the `.`
  }
}

/** The path form of segments, quoting those that need it (for messages and docs). */
export function joinPath(segments: readonly string[]): string {
  return segments.map((s) => (/^[^."\\]*$/.test(s) ? s : `"${s.replace(/["\\]/g, (c) => '\\' + c)}"`)).join('.');
}
