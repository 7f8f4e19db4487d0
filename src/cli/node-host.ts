/**
 * The engine's FileHost on Node: engine paths are `/`-separated and relative to the working
 * directory (so fingerprints and report paths do not depend on where the checkout lives), and are
 * resolved here. Read failures are remembered so the CLI can list every file it could not read.
 * Reads are synchronous: this host serves only the CLI and the scan worker thread, which lint one
 * file at a time with nothing else to do meanwhile; promise-based reads left about a quarter of a
 * 2,500-file scan's wall time idle, waiting on the thread pool for each small file. (The worker
 * therefore learns of a cancel through a shared flag, not a message: see `scan-protocol.ts`.)
 */
import { readFileSync, readdirSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import type { DirectoryEntry, FileHost } from '../core/engine/api';

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** A directory listing as the engine sees it (symbolic links are not followed, as `readdir` does not). */
export function directoryEntries(entries: Dirent[]): DirectoryEntry[] {
  return entries.map((entry) => ({
    name: entry.name,
    type: entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : entry.isSymbolicLink() ? 'symlink' : 'other',
  }));
}

export class NodeFileHost implements FileHost {
  /** Engine path → why it could not be read. */
  readonly readFailures = new Map<string, string>();
  /**
   * Listings the CLI's walk already read, by absolute native path: the engine asks for the folder
   * of every file it classifies and of every Terraform module, which the walk has just listed
   * (3,764 folders of the generated 10,000-file workspace, listed twice before).
   */
  private readonly listings = new Map<string, DirectoryEntry[]>();

  constructor(private readonly cwd: string) {}

  /** Answers later `readDirectory` calls for `nativeDir` with `entries` (read moments before, in one run). */
  rememberListing(nativeDir: string, entries: DirectoryEntry[]): void {
    this.listings.set(path.resolve(nativeDir), entries);
  }

  toNative(enginePath: string): string {
    return path.resolve(this.cwd, enginePath.split('/').join(path.sep));
  }

  async readFile(enginePath: string): Promise<Uint8Array | undefined> {
    try {
      return readFileSync(this.toNative(enginePath));
    } catch (error) {
      this.readFailures.set(enginePath, describeFsError(error));
      return undefined;
    }
  }

  async readDirectory(enginePath: string): Promise<DirectoryEntry[] | undefined> {
    const native = this.toNative(enginePath);
    const remembered = this.listings.get(native);
    if (remembered) return remembered;
    try {
      return directoryEntries(readdirSync(native, { withFileTypes: true }));
    } catch (error) {
      this.readFailures.set(enginePath, describeFsError(error));
      return undefined;
    }
  }
}

export function toPosixPath(nativePath: string): string {
  return nativePath.split(path.sep).join('/');
}

/** The engine's form of a native path: relative to `cwd`, `/`-separated. */
export function toEnginePath(cwd: string, nativePath: string): string {
  const relative = path.relative(cwd, nativePath);
  return relative === '' ? '.' : toPosixPath(relative);
}
