/** File hosts for tests: one over a map of texts (or bytes, as a real host returns them), one over the real disk. */
import { promises as fs } from 'node:fs';
import type { DirectoryEntry, FileHost } from '../../../src/core/engine/api';

export class MemoryHost<Content extends string | Uint8Array = string> implements FileHost {
  /** Every path read, in order, so tests can tell what the engine looked at. */
  readonly reads: string[] = [];

  constructor(readonly files: Map<string, Content>) {}

  async readFile(path: string): Promise<Content | undefined> {
    this.reads.push(path);
    return this.files.get(path);
  }

  async readDirectory(path: string): Promise<DirectoryEntry[] | undefined> {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    const names = new Map<string, DirectoryEntry['type']>();
    for (const file of this.files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf('/');
      names.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? 'file' : 'directory');
    }
    if (names.size === 0) return undefined;
    return [...names].map(([name, type]) => ({ name, type }));
  }
}

export class DiskHost implements FileHost {
  async readFile(path: string): Promise<Uint8Array | undefined> {
    try {
      return await fs.readFile(path);
    } catch {
      return undefined;
    }
  }

  async readDirectory(path: string): Promise<DirectoryEntry[] | undefined> {
    try {
      const entries = await fs.readdir(path, { withFileTypes: true });
      return entries.map((e) => ({
        name: e.name,
        type: e.isFile() ? 'file' : e.isDirectory() ? 'directory' : e.isSymbolicLink() ? 'symlink' : 'other',
      }));
    } catch {
      return undefined;
    }
  }
}
