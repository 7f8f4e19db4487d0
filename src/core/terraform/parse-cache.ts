/**
 * Remembers the parse of every file by path and content hash, so re-analysing a module after one
 * file changed re-parses only that file. One cache is meant to live as long as the editor session.
 */
import type { HclFile } from '../hcl/ast';
import { parseHclFile } from '../hcl';
import { hashText } from '../util/hash';

export type ParseFunction = (path: string, text: string) => HclFile;

interface Entry {
  hash: string;
  length: number;
  parsed: HclFile;
}

export class ParseCache {
  private readonly entries = new Map<string, Entry>();
  /** How many times the parse function actually ran (tests and benchmarks read it). */
  parseCount = 0;

  constructor(private readonly parse: ParseFunction = parseHclFile) {}

  get(path: string, text: string): HclFile {
    const hash = hashText(text);
    const cached = this.entries.get(path);
    // The length check makes a hash collision between two edits of one file practically impossible.
    if (cached && cached.hash === hash && cached.length === text.length) return cached.parsed;
    this.parseCount++;
    const parsed = this.parse(path, text);
    this.entries.set(path, { hash, length: text.length, parsed });
    return parsed;
  }

  delete(path: string): void {
    this.entries.delete(path);
  }

  get size(): number {
    return this.entries.size;
  }
}

export function createParseCache(parse?: ParseFunction): ParseCache {
  return new ParseCache(parse);
}
