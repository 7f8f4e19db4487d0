/**
 * What the native parser learned about a whole file besides its tree, kept for the incremental
 * re-parse of a file with errors: whether the file was read a second time with indentation
 * recovery (a block ran to the end of the file), the indentation style that pass assumed, and the
 * first pass's counts of indented and flat block bodies it was derived from.
 */
import type { HclFile } from '../ast';
import { SideTable } from '../../util/side-table';

export interface NativeParseFacts {
  recovered: boolean;
  fileIndentsBodies: boolean;
  indentedBodies: number;
  flatBodies: number;
}

const factsByFile = new SideTable<HclFile, NativeParseFacts>('parse facts');

export function recordParseFacts(file: HclFile, facts: NativeParseFacts): void {
  factsByFile.set(file, facts);
}

export function parseFactsOf(file: HclFile): NativeParseFacts | undefined {
  return factsByFile.get(file);
}

/** The style the recovery pass assumes: bodies are indented when some are and none is flat. */
export function indentsBodies(indentedBodies: number, flatBodies: number): boolean {
  return indentedBodies > 0 && flatBodies === 0;
}
