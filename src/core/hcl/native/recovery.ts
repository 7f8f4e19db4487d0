/**
 * Skipping over broken input after an error has been reported. Skips balance brackets so the
 * parser resumes at a sensible boundary, but they stop early where the text plainly resumes
 * with a new block, so one unclosed bracket cannot swallow the rest of the file. Errors found
 * while skipping are muted: the first error already explains the region.
 */
import type { ParserContext } from './context';
import { looksLikeBlockHeader, looksLikeBodyItem } from './lookahead';
import { skipTemplate } from './template-parser';
import { Tok as TokenKind } from './tokens';

// Module-local alias: see the note on Tok in ./tokens.
const Tok = TokenKind;
type Tok = TokenKind;

function isOpener(kind: Tok): boolean {
  return kind === Tok.LBrace || kind === Tok.LBracket || kind === Tok.LParen;
}

function isCloser(kind: Tok): boolean {
  return kind === Tok.RBrace || kind === Tok.RBracket || kind === Tok.RParen;
}

/**
 * In a body or object (newlines significant): skips to the end of the logical line. Stops before
 * a newline at bracket depth 0, before an unmatched closing bracket, or at EOF.
 */
export function skipRestOfLine(p: ParserContext): void {
  const saved = p.newlinesSignificant;
  p.newlinesSignificant = true;
  let depth = 0;
  p.muted++;
  for (;;) {
    const kind = p.token();
    if (kind === Tok.EOF) break;
    if (kind === Tok.Newline) {
      if (depth === 0) break;
      p.advance();
      // A block header on a fresh line means an opened bracket was never closed.
      if (p.token() === Tok.Ident && looksLikeBlockHeader(p)) break;
      continue;
    }
    if (isOpener(kind)) depth++;
    else if (isCloser(kind)) {
      if (depth === 0) break;
      depth--;
    } else if (kind === Tok.Quote || kind === Tok.Heredoc) {
      skipTemplate(p);
      continue;
    }
    p.advance();
  }
  p.muted--;
  p.newlinesSignificant = saved;
}

/**
 * Inside a bracketed list (newlines ignored): skips to the next `,` or the expected closer at
 * depth 0 and returns that token kind without consuming it. Returns EOF when the list should be
 * treated as unclosed (end of file, a different closer, or a body item on a fresh line).
 */
export function skipToListSeparator(p: ParserContext, closer: Tok): Tok {
  let depth = 0;
  p.muted++;
  let result: Tok = Tok.EOF;
  for (;;) {
    const kind = p.token();
    if (kind === Tok.EOF) break;
    if (depth === 0) {
      if (kind === Tok.Comma || kind === closer) {
        result = kind;
        break;
      }
      if (isCloser(kind)) break;
      if (p.newlineBefore && kind === Tok.Ident && looksLikeBodyItem(p)) break;
    } else if (p.newlineBefore && kind === Tok.Ident && looksLikeBlockHeader(p)) {
      break;
    }
    if (isOpener(kind)) depth++;
    else if (isCloser(kind)) depth--;
    else if (kind === Tok.Quote || kind === Tok.Heredoc) {
      skipTemplate(p);
      continue;
    }
    p.advance();
  }
  p.muted--;
  return result;
}
