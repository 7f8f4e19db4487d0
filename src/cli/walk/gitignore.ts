/**
 * `.gitignore` semantics, as git documents them: blank lines and `#` comments are skipped, trailing
 * spaces are dropped unless escaped, `!` re-includes, a trailing `/` matches directories only, a
 * `/` at the start or in the middle anchors the pattern to the .gitignore's own directory (else it
 * matches at any depth), and `**` spans directories. The last matching pattern wins, deeper
 * .gitignore files override shallower ones, and nothing inside an ignored directory can be
 * re-included.
 */
import { globToRegExpSource } from './glob';

export interface GitignoreRule {
  pattern: string;
  negated: boolean;
  directoryOnly: boolean;
  regex: RegExp;
}

export interface GitignoreFile {
  /** Directory holding the .gitignore (`/`-separated, no trailing slash; '' for a relative root). */
  baseDir: string;
  rules: GitignoreRule[];
}

function stripTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line[end - 1] === ' ') {
    let backslashes = 0;
    for (let i = end - 2; i >= 0 && line[i] === '\\'; i--) backslashes++;
    if (backslashes % 2 === 1) break;
    end--;
  }
  return line.slice(0, end);
}

export function parseGitignoreLine(raw: string): GitignoreRule | undefined {
  let line = stripTrailingSpaces(raw.replace(/\r$/, ''));
  if (line === '' || line.startsWith('#')) return undefined;
  let negated = false;
  if (line.startsWith('!')) {
    negated = true;
    line = line.slice(1);
  }
  let directoryOnly = false;
  if (line.endsWith('/') && !line.endsWith('\\/')) {
    directoryOnly = true;
    line = line.replace(/\/+$/, '');
  }
  const anchored = line.includes('/');
  line = line.replace(/^\/+/, '');
  if (line === '') return undefined;
  const body = globToRegExpSource(line, { braces: false });
  const regex = new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`);
  return { pattern: raw.trim(), negated, directoryOnly, regex };
}

export function parseGitignore(text: string, baseDir: string): GitignoreFile {
  const rules: GitignoreRule[] = [];
  for (const line of text.split('\n')) {
    const rule = parseGitignoreLine(line);
    if (rule) rules.push(rule);
  }
  return { baseDir: baseDir.replace(/\/+$/, ''), rules };
}

/** The part of `path` below `base`, or undefined when `path` is not inside it. */
function pathBelow(base: string, path: string): string | undefined {
  if (base === '') return path;
  if (path === base) return '';
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}

function depth(dir: string): number {
  return dir === '' ? 0 : dir.split('/').length;
}

/** All .gitignore files that apply to one tree, queried with paths in the same form as their bases. */
export class GitignoreSet {
  private files: GitignoreFile[] = [];

  add(file: GitignoreFile): void {
    if (file.rules.length === 0) return;
    this.files.push(file);
    this.files.sort((a, b) => depth(a.baseDir) - depth(b.baseDir));
  }

  /**
   * The verdict for one entry on its own: true (ignored), false (re-included) or undefined (no
   * pattern matched). Callers that walk top-down and never enter ignored directories need only this.
   */
  entryVerdict(path: string, isDirectory: boolean): boolean | undefined {
    let verdict: boolean | undefined;
    for (const file of this.files) {
      const relative = pathBelow(file.baseDir, path);
      if (relative === undefined || relative === '') continue;
      for (const rule of file.rules) {
        if (rule.directoryOnly && !isDirectory) continue;
        if (rule.regex.test(relative)) verdict = !rule.negated;
      }
    }
    return verdict;
  }

  /** Whether git would ignore the path, taking ignored parent directories into account. */
  ignores(path: string, isDirectory: boolean): boolean {
    const segments = path.split('/');
    for (let i = 1; i < segments.length; i++) {
      const ancestor = segments.slice(0, i).join('/');
      if (ancestor !== '' && this.entryVerdict(ancestor, true) === true) return true;
    }
    return this.entryVerdict(path, isDirectory) === true;
  }
}
