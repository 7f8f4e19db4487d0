/**
 * Remembers the parse of files by path and content hash, so re-analysing a module after one file
 * changed re-parses only that file. One cache is meant to live as long as the editor session; a
 * size limit keeps it to the recently linted files.
 * A changed native-syntax file is re-parsed incrementally from its previous tree, so a keystroke
 * costs the edited region rather than the whole file.
 */
import type { HclFile } from '../hcl/ast';
import { parseHclFile } from '../hcl';
import { reparseHclReporting } from '../hcl/incremental-parse';
import { hashText } from '../util/hash';
import { RecentMap } from '../util/recent-map';
import { ScanEntryStore } from './scan-entry-store';

export type ParseFunction = (path: string, text: string) => HclFile;

interface Entry {
  hash: string;
  length: number;
  parsed: HclFile;
}

export interface ParseCacheOptions {
  /** Parses of at most this much source text are kept, the least recently used dropped first (default: no limit). */
  maxChars?: number;
  /**
   * For a workspace scan: files parsed once are kept only in this many recent slots, files asked
   * for again to the end of the scan (see `scan-entry-store.ts`). `maxChars` does not apply.
   */
  scanSlots?: number;
}

interface EntryStore {
  get(path: string): Entry | undefined;
  set(path: string, entry: Entry, shared?: boolean): unknown;
  delete(path: string): unknown;
  readonly size: number;
}

export class ParseCache {
  private readonly entries: EntryStore;
  /** How many times a parse actually ran, full or incremental (tests and benchmarks read it). */
  parseCount = 0;
  /** How many of those parses reused top-level items of the file's previous tree. */
  incrementalCount = 0;

  constructor(
    private readonly parse: ParseFunction = parseHclFile,
    options: ParseCacheOptions = {},
  ) {
    this.entries =
      options.scanSlots !== undefined
        ? new ScanEntryStore<Entry>(options.scanSlots)
        : new RecentMap<string, Entry>(options.maxChars ?? Number.POSITIVE_INFINITY, (entry) => entry.length);
  }

  /** `called`: the file belongs to a module another module calls (a scan keeps those to its end). */
  get(path: string, text: string, called = false): HclFile {
    const hash = hashText(text);
    const cached = this.entries.get(path);
    // The length check makes a hash collision between two edits of one file practically impossible.
    if (cached && cached.hash === hash && cached.length === text.length) return cached.parsed;
    this.parseCount++;
    const parsed = cached ? this.reparse(path, text, cached.parsed) : this.parse(path, text);
    this.entries.set(path, { hash, length: text.length, parsed }, called);
    return parsed;
  }

  delete(path: string): void {
    this.entries.delete(path);
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Incremental only with the default parser (a custom one is honoured as given) and only for
   * native syntax: the previous tree came from the same path, so its syntax tells what
   * `parseHclFile` picks for it.
   */
  private reparse(path: string, text: string, previous: HclFile): HclFile {
    if (this.parse !== parseHclFile || previous.syntax !== 'native') return this.parse(path, text);
    const result = reparseHclReporting(text, previous);
    if (result.reusedItems > 0) this.incrementalCount++;
    return result.file;
  }
}

export function createParseCache(parse?: ParseFunction, options?: ParseCacheOptions): ParseCache {
  return new ParseCache(parse, options);
}
