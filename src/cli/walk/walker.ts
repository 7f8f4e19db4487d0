/**
 * Finds the files to lint under the given paths. Directories are walked in name order; symlinks
 * are followed but every directory is entered once (by real path), so link loops end. Dependency
 * and tool folders are skipped, as is whatever .gitignore, --exclude/--include or the config's
 * ignorePaths leave out. Paths given explicitly as files are linted whatever their name.
 */
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import * as path from 'node:path';
import { compareText } from '../../core/reports/summary';
import { matchesGlob } from '../../core/util/glob';
import { describeFsError, toPosixPath as toPosix } from '../node-host';
import { GitignoreSet, parseGitignore } from './gitignore';
import { isExcluded, isIncludedFile, type PathFilter } from './path-filter';

/** Never walked into; the engine may still read `.terraform/modules` through the host. */
export const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.terraform']);

/** Names the engine understands: Terraform, YAML, JSON, properties, dotenv and .conf files. */
const LINTABLE_NAME = /\.(tf|tfvars|ya?ml|json|properties|env|conf)$/i;

export function isLintableName(name: string): boolean {
  return LINTABLE_NAME.test(name);
}

export interface WalkOptions {
  filter: PathFilter;
  /** Config `ignorePaths`, relative to `configDir`. */
  ignorePaths: string[];
  configDir?: string;
  /** Sees every directory listing the walk reads, whole (before any filter), by native path. */
  onListing?: (nativeDir: string, entries: Dirent[]) => void;
}

export interface WalkResult {
  /** Absolute native paths, in walk order, each real file once. */
  files: string[];
  /** Paths that could not be read, with the reason. */
  unreadable: Array<{ path: string; reason: string }>;
  /** Decides, for any path, whether the walk would have left it out (for results the engine adds). */
  leavesOut(nativePath: string, isDirectory: boolean): boolean;
}

async function findRepositoryRoot(start: string): Promise<string | undefined> {
  let dir = start;
  for (;;) {
    const found = await stat(path.join(dir, '.git')).then(() => true, () => false);
    if (found) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export async function collectFiles(roots: string[], options: WalkOptions): Promise<WalkResult> {
  const gitignores = new GitignoreSet();
  const loadedGitignores = new Set<string>();
  const visitedDirectories = new Set<string>();
  const seenFiles = new Set<string>();
  const files: string[] = [];
  const explicitFiles = new Set<string>();
  const unreadable: WalkResult['unreadable'] = [];

  const ignoredByConfig = (nativePath: string) => {
    if (options.ignorePaths.length === 0 || !options.configDir) return false;
    const relative = path.relative(options.configDir, nativePath);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    const posix = toPosix(relative);
    return options.ignorePaths.some((pattern) => matchesGlob(posix, pattern));
  };

  const leftOutByFilters = (nativePath: string, isDirectory: boolean) =>
    isExcluded(options.filter, toPosix(nativePath)) ||
    ignoredByConfig(nativePath) ||
    (!isDirectory && !isIncludedFile(options.filter, toPosix(nativePath)));

  const loadGitignore = async (dir: string) => {
    if (loadedGitignores.has(dir)) return;
    loadedGitignores.add(dir);
    const file = path.join(dir, '.gitignore');
    try {
      gitignores.add(parseGitignore(await readFile(file, 'utf8'), toPosix(dir)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') unreadable.push({ path: file, reason: describeFsError(error) });
    }
  };

  const addFile = async (nativePath: string) => {
    let real: string;
    try {
      real = await realpath(nativePath);
    } catch (error) {
      unreadable.push({ path: nativePath, reason: describeFsError(error) });
      return;
    }
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push(nativePath);
  };

  const walkDirectory = async (dir: string): Promise<void> => {
    let real: string;
    let entries: Dirent[];
    try {
      real = await realpath(dir);
      if (visitedDirectories.has(real)) return;
      visitedDirectories.add(real);
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: dir, reason: describeFsError(error) });
      return;
    }
    options.onListing?.(dir, entries);
    if (entries.some((entry) => entry.name === '.gitignore')) await loadGitignore(dir);
    entries.sort((a, b) => compareText(a.name, b.name));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(full);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          // A dangling link only matters when it names a file we would have linted.
          if (isLintableName(entry.name)) unreadable.push({ path: full, reason: `broken symbolic link (${describeFsError(error)})` });
          continue;
        }
      }
      if (isDirectory) {
        if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
        if (gitignores.entryVerdict(toPosix(full), true) === true || leftOutByFilters(full, true)) continue;
        await walkDirectory(full);
      } else if (isFile && isLintableName(entry.name)) {
        if (gitignores.entryVerdict(toPosix(full), false) === true || leftOutByFilters(full, false)) continue;
        await addFile(full);
      }
    }
  };

  for (const root of roots) {
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(root)).isDirectory();
    } catch (error) {
      unreadable.push({ path: root, reason: describeFsError(error) });
      continue;
    }
    if (!isDirectory) {
      if (!isExcluded(options.filter, toPosix(root)) && !ignoredByConfig(root)) {
        explicitFiles.add(root);
        await addFile(root);
      }
      continue;
    }
    // .gitignore files between the repository root and the scanned folder apply too, as in git.
    const repositoryRoot = await findRepositoryRoot(root);
    if (repositoryRoot) {
      const chain: string[] = [];
      for (let dir = path.dirname(root); dir.startsWith(repositoryRoot); dir = path.dirname(dir)) {
        chain.unshift(dir);
        if (dir === repositoryRoot || path.dirname(dir) === dir) break;
      }
      for (const dir of chain) await loadGitignore(dir);
    }
    await walkDirectory(root);
  }

  const insideSkippedDirectory = (nativePath: string) =>
    roots.some((root) => {
      const relative = path.relative(root, nativePath);
      if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
      return relative.split(path.sep).slice(0, -1).some((segment) => SKIPPED_DIRECTORIES.has(segment));
    });
  const leavesOut = (nativePath: string, isDirectory: boolean) =>
    !explicitFiles.has(nativePath) &&
    (insideSkippedDirectory(nativePath) || gitignores.ignores(toPosix(nativePath), isDirectory) || leftOutByFilters(nativePath, isDirectory));
  return { files, unreadable, leavesOut };
}
