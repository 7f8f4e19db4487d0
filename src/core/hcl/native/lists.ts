/**
 * The comma-separated lists of the native syntax (tuple elements, function call arguments): one
 * loop for separators, trailing commas and recovery, and one ending for a closed or abandoned list,
 * so both constructs report the same way.
 */
import type { Expression } from '../ast';
import type { ParserContext } from './context';
import { abandonBracket, closeBracket, lastEnd, listLeftOpen, reportUnclosed } from './brackets';
import { skipToListSeparator } from './recovery';
import { Tok as TokenKind } from './tokens';

// Module-local alias: see the note on Tok in ./tokens.
const Tok = TokenKind;
type Tok = TokenKind;

export interface ListSyntax {
  closer: Tok;
  /** What was expected after an item, for the error: "',' or ']' after the tuple element". */
  expectedAfterItem: string;
  /**
   * When the list cannot go on after an item (end of input, another closer, a new attribute on the
   * next line), end it as unclosed without a separator error first. Tuples do; calls report both.
   */
  leftOpenEndsQuietly: boolean;
}

/**
 * What an item parser saw after its item: `closed` when it reached the closer itself, `recover`
 * after reporting an error (the list skips to the next separator), undefined to let the list
 * read the separator.
 */
export type AfterItem = 'closed' | 'recover' | undefined;

/**
 * Parses `item (',' item)* ','?` up to the closer, which is left unconsumed. Returns whether the
 * closer was reached; false means the list was left open (error not yet reported: see `endList`).
 */
export function parseListItems(p: ParserContext, syntax: ListSyntax, parseItem: () => AfterItem): boolean {
  for (;;) {
    if (p.token() === syntax.closer) return true;
    if (listLeftOpen(p)) return false;
    const errorsBefore = p.errors.length;
    const after = parseItem();
    if (after === 'closed') return true;
    if (after !== 'recover') {
      if (p.token() === Tok.Comma) {
        p.advance();
        continue;
      }
      if (p.token() === syntax.closer) return true;
      if (syntax.leftOpenEndsQuietly && listLeftOpen(p)) return false;
      if (p.errors.length === errorsBefore) p.error(`Expected ${syntax.expectedAfterItem}, found ${p.describeCurrent()}`, p.start, p.end);
    }
    const stop = skipToListSeparator(p, syntax.closer);
    if (stop !== Tok.Comma) return stop === syntax.closer;
    p.advance();
  }
}

/**
 * Consumes the closer of a closed list, or reports an unclosed one at its opening bracket and
 * rescans from its last item; restores the outer newline mode either way. Returns the list's end offset.
 */
export function endList(p: ParserContext, closed: boolean, saved: boolean, items: Expression[], openStart: number, unclosedMessage: string): number {
  if (closed) {
    const end = p.end;
    closeBracket(p, saved);
    return end;
  }
  reportUnclosed(p, unclosedMessage, openStart);
  const end = lastEnd(p, items, openStart + 1);
  abandonBracket(p, saved);
  return end;
}
