/**
 * Shared handling of bracketed constructs: closing them, or giving up on one that was never
 * closed without losing the newline that ends the enclosing attribute.
 */
import type { Expression } from '../ast';
import type { ParserContext } from './context';
import { looksLikeBodyItem } from './lookahead';
import { Tok as TokenKind } from './tokens';

// Module-local alias: see the note on Tok in ./tokens.
const Tok = TokenKind;
type Tok = TokenKind;

/** Inside a list: the list cannot go on here, so its closer must be missing. */
export function listLeftOpen(p: ParserContext): boolean {
  const kind = p.token();
  if (kind === Tok.EOF || kind === Tok.RBrace || kind === Tok.RBracket || kind === Tok.RParen) return true;
  return p.newlineBefore && kind === Tok.Ident && looksLikeBodyItem(p);
}

export function isWrongCloser(kind: Tok, expected: Tok): boolean {
  return kind !== expected && (kind === Tok.RBrace || kind === Tok.RBracket || kind === Tok.RParen);
}

export function reportUnclosed(p: ParserContext, message: string, openStart: number): void {
  if (p.token() === Tok.EOF) {
    if (p.reportedUnclosedAtEnd) return;
    p.reportedUnclosedAtEnd = true;
  }
  p.error(message, openStart, openStart + 1);
}

export function lastEnd(p: ParserContext, items: Expression[], fallback: number): number {
  if (items.length > 0) return items[items.length - 1].range.end.offset;
  return Math.max(fallback, p.prevEnd);
}

/** Restores the outer newline mode and moves past the closing bracket. */
export function closeBracket(p: ParserContext, saved: boolean): void {
  p.newlinesSignificant = saved;
  p.advance();
}

/**
 * Leaves a bracket that was never closed: rescans from the last consumed token in the outer
 * newline mode, so a newline that was skipped inside the bracket still ends the attribute.
 */
export function abandonBracket(p: ParserContext, saved: boolean): void {
  p.newlinesSignificant = saved;
  p.resetTo(p.prevEnd);
}
