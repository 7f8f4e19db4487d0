/**
 * The scanner for the structural and expression parts of the native syntax. It keeps exactly one
 * current token in fields (kind/start/end) instead of allocating token objects, and it collects
 * comments as it skips them. Template content is not tokenised here: the template parser reads
 * those characters itself and hands the position back with `resetTo`.
 */
import type { Comment } from '../ast';
import type { PositionSource } from '../positions';
import { charWidth, isDigit, isIdentPart, isIdentStart } from './chars';
import { Tok as TokenKind } from './tokens';

// Module-local alias: see the note on Tok in ./tokens.
const Tok = TokenKind;
type Tok = TokenKind;
// Module-local copies of hot helpers, for the same reason.
const identStart = isIdentStart;
const identPart = isIdentPart;
const digit = isDigit;
const width = charWidth;

export type ErrorSink = (message: string, start: number, end: number) => void;

export class Lexer {
  kind: Tok = Tok.EOF;
  start = 0;
  end = 0;
  /** Where the next token is scanned from. */
  pos = 0;
  /** For a Heredoc token: the marker and whether it was `<<-`. */
  heredocMarker = '';
  heredocIndented = false;
  private lastCommentStart = -1;
  private readonly length: number;

  constructor(
    readonly text: string,
    private readonly positions: PositionSource,
    private readonly comments: Comment[],
    private readonly onError: ErrorSink,
  ) {
    this.length = text.length;
    // A byte order mark is not HCL, but editors add it; it must not become a token.
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  /** Restart scanning at an offset (after template content the template parser consumed). */
  resetTo(offset: number): void {
    this.pos = offset;
    this.next();
  }

  /**
   * A position to come back to after looking ahead: the current token's start. Restoring scans
   * that token again, which is cheaper than saving the token in an object.
   */
  mark(): number {
    return this.start;
  }

  restore(mark: number): void {
    this.pos = mark;
    this.next();
  }

  tokenText(): string {
    return this.text.slice(this.start, this.end);
  }

  next(): void {
    const text = this.text;
    const length = this.length;
    let i = this.pos;
    for (;;) {
      if (i >= length) return this.set(Tok.EOF, length, length);
      const code = text.charCodeAt(i);
      switch (code) {
        case 32: // space
        case 9: // tab
          i++;
          continue;
        case 10:
          return this.set(Tok.Newline, i, i + 1);
        case 13:
          return this.set(Tok.Newline, i, text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1);
        case 35: // #
          i = this.lineComment(i, 1, '#');
          continue;
        case 47: {
          // /
          const following = text.charCodeAt(i + 1);
          if (following === 47) {
            i = this.lineComment(i, 2, '//');
            continue;
          }
          if (following === 42) {
            i = this.blockComment(i);
            continue;
          }
          return this.set(Tok.Slash, i, i + 1);
        }
        case 34:
          return this.set(Tok.Quote, i, i + 1);
        case 123:
          return this.set(Tok.LBrace, i, i + 1);
        case 125:
          return this.set(Tok.RBrace, i, i + 1);
        case 91:
          return this.set(Tok.LBracket, i, i + 1);
        case 93:
          return this.set(Tok.RBracket, i, i + 1);
        case 40:
          return this.set(Tok.LParen, i, i + 1);
        case 41:
          return this.set(Tok.RParen, i, i + 1);
        case 44:
          return this.set(Tok.Comma, i, i + 1);
        case 46: // .
          if (text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46) return this.set(Tok.Ellipsis, i, i + 3);
          return this.set(Tok.Dot, i, i + 1);
        case 42:
          return this.set(Tok.Star, i, i + 1);
        case 37:
          return this.set(Tok.Percent, i, i + 1);
        case 43:
          return this.set(Tok.Plus, i, i + 1);
        case 45:
          return this.set(Tok.Minus, i, i + 1);
        case 33: // !
          if (text.charCodeAt(i + 1) === 61) return this.set(Tok.NotEq, i, i + 2);
          return this.set(Tok.Bang, i, i + 1);
        case 38: // &
          if (text.charCodeAt(i + 1) === 38) return this.set(Tok.AndAnd, i, i + 2);
          return this.set(Tok.Invalid, i, i + 1);
        case 124: // |
          if (text.charCodeAt(i + 1) === 124) return this.set(Tok.OrOr, i, i + 2);
          return this.set(Tok.Invalid, i, i + 1);
        case 61: {
          // =
          const following = text.charCodeAt(i + 1);
          if (following === 61) return this.set(Tok.EqEq, i, i + 2);
          if (following === 62) return this.set(Tok.FatArrow, i, i + 2);
          return this.set(Tok.Assign, i, i + 1);
        }
        case 60: // <
          if (text.charCodeAt(i + 1) === 60) {
            const heredocEnd = this.heredocIntro(i);
            if (heredocEnd > 0) return this.set(Tok.Heredoc, i, heredocEnd);
          }
          if (text.charCodeAt(i + 1) === 61) return this.set(Tok.Le, i, i + 2);
          return this.set(Tok.Lt, i, i + 1);
        case 62: // >
          if (text.charCodeAt(i + 1) === 61) return this.set(Tok.Ge, i, i + 2);
          return this.set(Tok.Gt, i, i + 1);
        case 58: // :
          if (text.charCodeAt(i + 1) === 58) return this.set(Tok.DoubleColon, i, i + 2);
          return this.set(Tok.Colon, i, i + 1);
        case 63:
          return this.set(Tok.Question, i, i + 1);
        case 126:
          return this.set(Tok.Tilde, i, i + 1);
        default:
          if (code >= 48 && code <= 57) return this.set(Tok.Number, i, this.numberEnd(i));
          if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || (code >= 128 && identStart(text, i))) {
            return this.set(Tok.Ident, i, this.identEnd(i));
          }
          return this.set(Tok.Invalid, i, i + width(text, i));
      }
    }
  }

  /** End of an identifier starting at offset (which must be an identifier start). */
  identEnd(offset: number): number {
    const text = this.text;
    const length = this.length;
    let i = offset + (text.charCodeAt(offset) < 128 ? 1 : width(text, offset));
    while (i < length) {
      const code = text.charCodeAt(i);
      if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 45) {
        i++;
      } else if (code >= 128 && identPart(text, i)) {
        i += width(text, i);
      } else {
        break;
      }
    }
    return i;
  }

  /** `decimal+ ("." decimal+)? (("e"|"E") ("+"|"-")? decimal+)?` */
  private numberEnd(offset: number): number {
    const text = this.text;
    let i = offset + 1;
    while (digit(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 46 && digit(text.charCodeAt(i + 1))) {
      i += 2;
      while (digit(text.charCodeAt(i))) i++;
    }
    const exponent = text.charCodeAt(i);
    if (exponent === 101 || exponent === 69) {
      let j = i + 1;
      const sign = text.charCodeAt(j);
      if (sign === 43 || sign === 45) j++;
      if (digit(text.charCodeAt(j))) {
        j++;
        while (digit(text.charCodeAt(j))) j++;
        i = j;
      }
    }
    return i;
  }

  /** Recognises `<<ID` / `<<-ID`; returns the end of the marker, or 0 when it is not a heredoc. */
  private heredocIntro(offset: number): number {
    const text = this.text;
    let i = offset + 2;
    const indented = text.charCodeAt(i) === 45;
    if (indented) i++;
    if (i >= this.length || !identStart(text, i)) return 0;
    const markerEnd = this.identEnd(i);
    this.heredocMarker = text.slice(i, markerEnd);
    this.heredocIndented = indented;
    return markerEnd;
  }

  private lineComment(offset: number, delimiterLength: number, style: '#' | '//'): number {
    const text = this.text;
    const length = this.length;
    let i = offset + delimiterLength;
    while (i < length) {
      const code = text.charCodeAt(i);
      if (code === 10 || code === 13) break;
      i++;
    }
    this.addComment(style, offset, offset + delimiterLength, i, i);
    return i;
  }

  private blockComment(offset: number): number {
    const close = this.text.indexOf('*/', offset + 2);
    if (close < 0) {
      this.onError('Unclosed comment: expected "*/" before the end of the file', offset, offset + 2);
      this.addComment('/*', offset, offset + 2, this.length, this.length);
      return this.length;
    }
    this.addComment('/*', offset, offset + 2, close, close + 2);
    return close + 2;
  }

  private addComment(style: Comment['style'], start: number, textStart: number, textEnd: number, end: number): void {
    // Looking ahead and backing up re-scans comments; each must be recorded once.
    if (start <= this.lastCommentStart) return;
    this.lastCommentStart = start;
    this.comments.push({ style, text: this.text.slice(textStart, textEnd), range: this.positions.range(start, end) });
  }

  private set(kind: Tok, start: number, end: number): void {
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.pos = end;
  }
}
