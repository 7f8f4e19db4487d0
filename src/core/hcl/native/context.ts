/**
 * Shared state of one native-syntax parse: the lexer with its newline mode, positions, errors
 * and the nesting-depth guard. The body, expression and template parsers are plain functions over
 * this object so each can live in its own file.
 */
import type { Comment, HclSyntaxError, InvalidExpr } from '../ast';
import type { Range } from '../../text/position';
import type { PositionSource } from '../positions';
import { Lexer } from './lexer';
import { Tok as TokenKind, describeToken } from './tokens';

// Module-local alias: see the note on Tok in ./tokens.
const Tok = TokenKind;
type Tok = TokenKind;

/** Deeper nesting than this becomes an error node instead of a deeper call stack. */
export const MAX_NESTING_DEPTH = 500;

export interface ParseOptions {
  /**
   * Used for the second pass over a file with an unclosed block: an item indented no deeper than
   * the header of the block it sits in ends that block, so the unclosed block does not swallow the
   * rest of the file.
   */
  indentationRecovery: boolean;
  /**
   * The first pass found that this file indents block bodies, so even a block's first item at
   * its header's indentation ends it (a header typed above the next block, not yet closed).
   */
  fileIndentsBodies?: boolean;
}

export class ParserContext {
  readonly lexer: Lexer;
  readonly errors: HclSyntaxError[] = [];
  readonly comments: Comment[] = [];
  /** Whether newlines are tokens (in bodies and objects) or skipped (inside brackets). */
  newlinesSignificant = true;
  /** A newline was skipped right before the current token. */
  newlineBefore = false;
  depth = 0;
  /** While above zero, errors are dropped (set while skipping a region already reported). */
  muted = 0;
  /** End offset of the token consumed last, to rescan from when a bracket is left unclosed. */
  prevEnd = 0;
  /** Set when a block body reached the end of the file without its closing brace. */
  sawUnclosedBlock = false;
  /** Closed multi-line blocks whose first item was indented deeper than the header, or not. */
  indentedBodies = 0;
  flatBodies = 0;
  /** Only the first unclosed bracket at the end of the file is reported; the rest follow from it. */
  reportedUnclosedAtEnd = false;
  private lastErrorStart = -1;

  constructor(
    readonly text: string,
    readonly positions: PositionSource,
    readonly options: ParseOptions,
  ) {
    this.lexer = new Lexer(text, positions, this.comments, (message, start, end) => this.error(message, start, end));
  }

  /**
   * The current token's kind. A method rather than a getter so TypeScript does not keep a
   * narrowed kind across `advance()` calls.
   */
  token(): Tok {
    return this.lexer.kind;
  }

  get start(): number {
    return this.lexer.start;
  }

  get end(): number {
    return this.lexer.end;
  }

  /** Moves to the next token, skipping newlines where they are not significant. */
  advance(): void {
    const lexer = this.lexer;
    this.prevEnd = lexer.end;
    lexer.next();
    if (this.newlinesSignificant) {
      this.newlineBefore = false;
      return;
    }
    let skipped = false;
    while (lexer.kind === Tok.Newline) {
      skipped = true;
      lexer.next();
    }
    this.newlineBefore = skipped;
  }

  /** Switches newline mode and returns the previous one, for restoring when the bracket closes. */
  setNewlines(significant: boolean): boolean {
    const previous = this.newlinesSignificant;
    this.newlinesSignificant = significant;
    if (!significant && this.lexer.kind === Tok.Newline) {
      while (this.lexer.kind === Tok.Newline) this.lexer.next();
      this.newlineBefore = true;
    }
    return previous;
  }

  /** Rescans from an offset, e.g. after a template the template parser read itself. */
  resetTo(offset: number): void {
    this.prevEnd = offset;
    this.lexer.resetTo(offset);
    if (!this.newlinesSignificant) {
      let skipped = false;
      while (this.lexer.kind === Tok.Newline) {
        skipped = true;
        this.lexer.next();
      }
      this.newlineBefore = skipped;
    } else {
      this.newlineBefore = false;
    }
  }

  tokenText(): string {
    return this.lexer.tokenText();
  }

  describeCurrent(): string {
    return describeToken(this.lexer.kind, this.lexer.tokenText());
  }

  range(start: number, end: number): Range {
    return this.positions.range(start, end);
  }

  error(message: string, start: number, end: number): void {
    // One broken spot tends to trip several checks at the same offset; the first one explains it.
    if (this.muted > 0 || start === this.lastErrorStart) return;
    this.lastErrorStart = start;
    this.errors.push({ message, range: this.positions.range(start, end) });
  }

  invalid(start: number, end: number): InvalidExpr {
    return { type: 'Invalid', range: this.positions.range(start, end) };
  }

  /** True when the current token is an identifier with exactly this text. */
  isKeyword(word: string): boolean {
    const lexer = this.lexer;
    if (lexer.kind !== Tok.Ident || lexer.end - lexer.start !== word.length) return false;
    return this.text.startsWith(word, lexer.start);
  }
}
