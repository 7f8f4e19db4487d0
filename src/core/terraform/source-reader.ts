/**
 * Reads directories and files through the FileHost, with unsaved editor buffers on top. Every
 * answer is remembered for the reader's lifetime, because one load visits a shared module once per
 * caller and the host may be slow (a remote workspace). Nothing here throws.
 */
import type { DirectoryEntry, FileHost } from '../engine/api';
import { decodeText } from '../text/decode';
import { basename, dirname, normalize } from '../util/paths';

/** Larger files are listed with an error rather than parsed: real .tf files are far smaller. */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export type ReadResult = { text: string; error?: undefined } | { text?: undefined; error: string; skipped?: 'too-large' | 'binary' };

export class SourceReader {
  private readonly files = new Map<string, Promise<ReadResult>>();
  private readonly directories = new Map<string, Promise<DirectoryEntry[]>>();
  private readonly overlays = new Map<string, string>();

  constructor(
    private readonly host: FileHost,
    overlays: ReadonlyMap<string, string> | undefined,
    private readonly maxFileSize = DEFAULT_MAX_FILE_SIZE,
  ) {
    for (const [path, text] of overlays ?? []) this.overlays.set(normalize(path), text);
  }

  /** An editor buffer changed: later reads see `text` instead of the host's copy. */
  setOverlay(path: string, text: string): void {
    const key = normalize(path);
    this.overlays.set(key, text);
    this.files.delete(key);
    this.directories.delete(dirname(key));
  }

  /** The file changed on disk or its buffer closed: the next read asks the host again. */
  forget(path: string): void {
    const key = normalize(path);
    this.overlays.delete(key);
    this.files.delete(key);
    this.directories.delete(dirname(key));
  }

  /** Entries of a directory plus overlay files that exist only in the editor; [] when unreadable. */
  listDirectory(dir: string): Promise<DirectoryEntry[]> {
    const key = normalize(dir);
    let pending = this.directories.get(key);
    if (!pending) {
      pending = this.readDirectory(key);
      this.directories.set(key, pending);
    }
    return pending;
  }

  readText(path: string): Promise<ReadResult> {
    const key = normalize(path);
    let pending = this.files.get(key);
    if (!pending) {
      pending = this.read(key);
      this.files.set(key, pending);
    }
    return pending;
  }

  private async readDirectory(dir: string): Promise<DirectoryEntry[]> {
    let entries: DirectoryEntry[] = [];
    try {
      entries = (await this.host.readDirectory(dir)) ?? [];
    } catch {
      entries = [];
    }
    const names = new Set(entries.map((e) => e.name));
    const merged = [...entries];
    for (const path of this.overlays.keys()) {
      if (dirname(path) === dir && !names.has(basename(path))) merged.push({ name: basename(path), type: 'file' });
    }
    return merged;
  }

  private async read(path: string): Promise<ReadResult> {
    const overlay = this.overlays.get(path);
    if (overlay !== undefined) return this.checked(overlay, overlay.length);
    let content: Uint8Array | string | undefined;
    try {
      content = await this.host.readFile(path);
    } catch (error) {
      return { error: `cannot be read: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (content === undefined) return { error: 'cannot be read' };
    if (typeof content === 'string') return this.checked(content, content.length);
    if (content.byteLength > this.maxFileSize) return this.tooLarge(content.byteLength);
    // The shared decoder, so a byte-order mark (UTF-8 or UTF-16) is read as editors read it.
    const decoded = decodeText(content);
    if (decoded.binary) return { error: 'is not a text file', skipped: 'binary' };
    if (decoded.invalidUtf8) return { error: 'is not valid UTF-8 text' };
    return this.checked(decoded.text, content.byteLength);
  }

  private checked(text: string, size: number): ReadResult {
    if (size > this.maxFileSize) return this.tooLarge(size);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  }

  private tooLarge(size: number): ReadResult {
    return { error: `is ${size} bytes, over the ${this.maxFileSize}-byte limit for analysis`, skipped: 'too-large' };
  }
}
