/**
 * The --include / --exclude / config `ignorePaths` globs. A pattern without a `/` matches a name at
 * any depth (`*.tf`, `modules`), one with a `/` is relative to its base directory
 * (`terraform/aws/**`), and a pattern that matches a directory covers everything inside it.
 */
import { globToRegExpSource } from './glob';

export interface PathGlob {
  pattern: string;
  /** Directory the pattern is relative to (`/`-separated, no trailing slash). */
  baseDir: string;
  regex: RegExp;
}

export function compilePathGlob(pattern: string, baseDir: string): PathGlob {
  const cleaned = pattern.trim().replace(/^\.\/+/, '').replace(/\/+$/, '');
  const anchored = cleaned.includes('/');
  const body = globToRegExpSource(cleaned.replace(/^\/+/, ''), { braces: true });
  return {
    pattern,
    baseDir: baseDir.replace(/\/+$/, ''),
    regex: new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`),
  };
}

function below(base: string, path: string): string | undefined {
  if (path === base) return '';
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}

/** Whether the glob matches the path itself or one of its directories below the glob's base. */
export function globCovers(glob: PathGlob, path: string): boolean {
  const relative = below(glob.baseDir, path);
  if (relative === undefined || relative === '') return false;
  const segments = relative.split('/');
  for (let i = 1; i <= segments.length; i++) {
    if (glob.regex.test(segments.slice(0, i).join('/'))) return true;
  }
  return false;
}

export interface PathFilter {
  /** Entries (files or directories) to leave out, e.g. --exclude and config ignorePaths. */
  exclude: PathGlob[];
  /** When non-empty, only files covered by one of these are linted. */
  include: PathGlob[];
}

export function isExcluded(filter: PathFilter, path: string): boolean {
  return filter.exclude.some((glob) => globCovers(glob, path));
}

export function isIncludedFile(filter: PathFilter, path: string): boolean {
  return filter.include.length === 0 || filter.include.some((glob) => globCovers(glob, path));
}
