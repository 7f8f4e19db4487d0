/**
 * Peeks used by error recovery to tell "a bracket was left open" from "this is just a bad
 * element": body items (`name = ...`, `type "label" {`) never appear inside a tuple or a call,
 * so meeting one on a fresh line means the bracket before it was never closed.
 */
import type { ParserContext } from './context';
import { Tok as TokenKind } from './tokens';

// Module-local alias: see the note on Tok in ./tokens.
const Tok = TokenKind;
type Tok = TokenKind;

const MAX_HEADER_TOKENS = 12;

/** Current token is an identifier followed by `=` on the same line. */
export function looksLikeAttribute(p: ParserContext): boolean {
  if (p.token() !== Tok.Ident) return false;
  const lexer = p.lexer;
  const mark = lexer.mark();
  lexer.next();
  const result = lexer.kind === Tok.Assign;
  lexer.restore(mark);
  return result;
}

/** Current token starts `ident (ident | "label")* {` on one line. */
export function looksLikeBlockHeader(p: ParserContext): boolean {
  if (p.token() !== Tok.Ident) return false;
  const lexer = p.lexer;
  const mark = lexer.mark();
  let result = false;
  for (let count = 0; count < MAX_HEADER_TOKENS; count++) {
    lexer.next();
    if (lexer.kind === Tok.LBrace) {
      result = true;
      break;
    }
    if (lexer.kind === Tok.Ident) continue;
    if (lexer.kind === Tok.Quote) {
      const close = quotedLabelEnd(p.text, lexer.end);
      if (close < 0) break;
      lexer.pos = close;
      continue;
    }
    break;
  }
  lexer.restore(mark);
  return result;
}

export function looksLikeBodyItem(p: ParserContext): boolean {
  return looksLikeAttribute(p) || looksLikeBlockHeader(p);
}

/** Offset after the closing quote of a simple string on this line, or -1. */
function quotedLabelEnd(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) return i + 1;
    if (code === 92) i++;
    else if (code === 10 || code === 13) return -1;
  }
  return -1;
}
