/**
 * The structural language: bodies of attributes and blocks, labels, single-line blocks, and the
 * newline rules between items. Recovery happens per line: a broken item is reported and skipped
 * to the end of its line; an unclosed block keeps everything it parsed.
 */
import type { Attribute, Block, BlockLabel, Body, BodyItem } from '../ast';
import type { Range } from '../../text/position';
import { MAX_NESTING_DEPTH, type ParserContext } from './context';
import { parseExpression } from './expression-parser';
import { skipRestOfLine } from './recovery';
import { parseQuotedTemplate, skipTemplate } from './template-parser';
import { Tok as TokenKind } from './tokens';
import { onlyBlanksBetween } from './chars';

// Module-local alias: see the note on Tok in ./tokens.
const Tok = TokenKind;
type Tok = TokenKind;

/** Where a block's header sits, for the indentation-based recovery of unclosed blocks. */
interface BlockFrame {
  headerColumn: number;
  headerAtLineStart: boolean;
  /** Column of the body's first item; -1 until seen. */
  bodyIndent: number;
}

const enum BodyEnd {
  EndOfFile,
  ClosingBrace,
  /** Indentation recovery decided the block ended without its brace. */
  Dedent,
}

export function parseConfigBody(p: ParserContext): Body {
  p.advance();
  const items: BodyItem[] = [];
  parseItems(p, null, items, false);
  return { type: 'Body', items, range: p.range(0, p.text.length) };
}

function parseItems(p: ParserContext, frame: BlockFrame | null, items: BodyItem[], singleLine: boolean): BodyEnd {
  for (;;) {
    const kind = p.token();
    if (kind === Tok.Newline || (singleLine && kind === Tok.Comma)) {
      // Commas between single-line arguments were reported once already.
      p.advance();
      continue;
    }
    if (kind === Tok.EOF) return BodyEnd.EndOfFile;
    if (kind === Tok.RBrace) {
      if (frame) return BodyEnd.ClosingBrace;
      p.error("Unexpected '}' with no block to close", p.start, p.end);
      p.advance();
      continue;
    }
    if (frame && p.options.indentationRecovery && endsByIndentation(p, frame)) return BodyEnd.Dedent;
    if (kind === Tok.Ident) {
      const item = parseItem(p, singleLine);
      if (item) items.push(item);
      continue;
    }
    p.error(`Expected an attribute or block, found ${p.describeCurrent()}`, p.start, p.end);
    if (kind === Tok.RBracket || kind === Tok.RParen) p.advance();
    else skipRestOfLine(p);
  }
}

function endsByIndentation(p: ParserContext, frame: BlockFrame): boolean {
  const position = p.positions.position(p.start);
  const lineStart = p.start - position.column;
  if (!onlyBlanksBetween(p.text, lineStart, p.start)) return false;
  if (frame.bodyIndent < 0) {
    if (p.options.fileIndentsBodies && frame.headerAtLineStart && position.column <= frame.headerColumn) return true;
    frame.bodyIndent = position.column;
    return false;
  }
  return frame.headerAtLineStart && frame.bodyIndent > frame.headerColumn && position.column <= frame.headerColumn;
}

/** An attribute or a block starting at the current identifier; undefined when nothing usable. */
function parseItem(p: ParserContext, singleLine: boolean): BodyItem | undefined {
  const nameStart = p.start;
  const nameEnd = p.end;
  const name = p.tokenText();
  p.advance();
  if (p.token() === Tok.Assign) return parseAttribute(p, name, nameStart, nameEnd, singleLine);
  return parseBlock(p, name, nameStart, nameEnd, singleLine);
}

function parseAttribute(p: ParserContext, name: string, nameStart: number, nameEnd: number, singleLine: boolean): Attribute {
  const nameRange = p.range(nameStart, nameEnd);
  p.advance();
  const errorsBefore = p.errors.length;
  const expr = parseExpression(p);
  const attribute: Attribute = { type: 'Attribute', name, nameRange, expr, range: { start: nameRange.start, end: expr.range.end } };
  const kind = p.token();
  // In a single-line block the block decides what may follow (`}`, or an error for `,` or a newline).
  if (singleLine && (kind === Tok.RBrace || kind === Tok.Comma || kind === Tok.Newline)) return attribute;
  if (kind === Tok.Newline) p.advance();
  else if (kind !== Tok.EOF) {
    if (p.errors.length === errorsBefore) {
      p.error(`Expected a newline after the argument '${name}', found ${p.describeCurrent()}; each argument must be on its own line`, p.start, p.end);
    }
    if (kind !== Tok.RBrace) skipRestOfLine(p);
  }
  return attribute;
}

function parseBlock(p: ParserContext, blockType: string, typeStart: number, typeEnd: number, singleLine: boolean): Block | undefined {
  const typeRange = p.range(typeStart, typeEnd);
  const labels: BlockLabel[] = [];
  for (;;) {
    if (p.token() === Tok.Ident) {
      labels.push({ value: p.tokenText(), quoted: false, range: p.range(p.start, p.end) });
      p.advance();
    } else if (p.token() === Tok.Quote) {
      labels.push(parseQuotedLabel(p));
    } else break;
  }
  if (p.token() === Tok.Newline && braceOnNextLine(p)) {
    p.error(`The '{' of the '${blockType}' block must be on the same line as its header`, p.start, p.end);
  }
  if (p.token() !== Tok.LBrace) {
    if (labels.length === 0) {
      p.error(`Expected '=' or a block after '${blockType}', found ${p.describeCurrent()}`, p.start, p.end);
      skipRestOfLine(p);
      return undefined;
    }
    p.error(`Expected '{' on the same line to open the '${blockType}' block, found ${p.describeCurrent()}`, p.start, p.end);
    skipRestOfLine(p);
    const end = labels[labels.length - 1].range.end;
    return { type: 'Block', blockType, typeRange, labels, body: { type: 'Body', items: [], range: { start: end, end } }, range: { start: typeRange.start, end } };
  }
  const openStart = p.start;
  const openBrace = p.range(openStart, p.end);
  const headerColumn = typeRange.start.column;
  const frame: BlockFrame = {
    headerColumn,
    headerAtLineStart: onlyBlanksBetween(p.text, typeStart - headerColumn, typeStart),
    bodyIndent: -1,
  };
  p.advance();
  const items: BodyItem[] = [];
  let bodyEnd: BodyEnd;
  if (p.depth >= MAX_NESTING_DEPTH) {
    p.error(`Blocks are nested more than ${MAX_NESTING_DEPTH} levels deep`, openStart, openStart + 1);
    bodyEnd = skipNestedBlock(p);
  } else {
    p.depth++;
    bodyEnd = p.token() === Tok.Newline || p.token() === Tok.EOF ? parseItems(p, frame, items, false) : parseSingleLineBody(p, frame, items);
    p.depth--;
  }
  const block: Block = { type: 'Block', blockType, typeRange, labels, body: { type: 'Body', items, range: openBrace }, openBrace, range: openBrace };
  if (bodyEnd === BodyEnd.ClosingBrace) {
    countBodyIndentation(p, frame, typeRange, items);
    const closeBrace = p.range(p.start, p.end);
    block.closeBrace = closeBrace;
    block.body.range = { start: openBrace.end, end: closeBrace.start };
    block.range = { start: typeRange.start, end: closeBrace.end };
    p.advance();
    if (!singleLine && p.token() !== Tok.Newline && p.token() !== Tok.EOF) {
      p.error(`Expected a newline after the closing '}' of the '${blockType}' block, found ${p.describeCurrent()}`, p.start, p.end);
      if (p.token() !== Tok.RBrace) skipRestOfLine(p);
    }
    return block;
  }
  if (bodyEnd === BodyEnd.EndOfFile) p.sawUnclosedBlock = true;
  p.error(`Missing closing '}' for the '${blockType}' block opened here`, openStart, openStart + 1);
  const end = items.length > 0 ? items[items.length - 1].range.end : openBrace.end;
  block.body.range = { start: openBrace.end, end };
  block.range = { start: typeRange.start, end };
  return block;
}

/**
 * Before `{`: a header whose brace went to the next line. HCL wants it on the header's line (an
 * error), but reading the body keeps its content; on `true` the current token is that `{`.
 */
function braceOnNextLine(p: ParserContext): boolean {
  const mark = p.lexer.mark();
  const lexer = p.lexer;
  do lexer.next();
  while (lexer.kind === Tok.Newline);
  if (lexer.kind === Tok.LBrace) return true;
  lexer.restore(mark);
  return false;
}

/** Feeds the per-file indentation style used by the recovery pass. */
function countBodyIndentation(p: ParserContext, frame: BlockFrame, typeRange: Range, items: BodyItem[]): void {
  if (items.length === 0 || !frame.headerAtLineStart) return;
  const first = items[0].range.start;
  if (first.line === typeRange.start.line) return;
  if (first.column > frame.headerColumn) p.indentedBodies++;
  else p.flatBodies++;
}

/**
 * `name { arg = value }` on one line: at most one argument and no nested block. Anything else
 * is reported, then the rest is read as a normal body so nothing is lost.
 */
function parseSingleLineBody(p: ParserContext, frame: BlockFrame, items: BodyItem[]): BodyEnd {
  if (p.token() === Tok.RBrace) return BodyEnd.ClosingBrace;
  if (p.token() !== Tok.Ident) {
    p.error(`Expected an argument or '}' in the single-line block, found ${p.describeCurrent()}`, p.start, p.end);
    skipRestOfLine(p);
    return parseItems(p, frame, items, false);
  }
  const itemStart = p.start;
  const item = parseItem(p, true);
  if (item) {
    items.push(item);
    if (item.type === 'Block') {
      const headerEnd = item.openBrace ? item.openBrace.end.offset : item.typeRange.end.offset;
      p.error('A single-line block definition cannot contain another block definition', itemStart, headerEnd);
    }
  }
  if (p.token() === Tok.RBrace) return BodyEnd.ClosingBrace;
  if (p.token() === Tok.Comma) {
    p.error('Only one argument is allowed in a single-line block definition', p.start, p.end);
    p.advance();
    return parseItems(p, frame, items, true);
  }
  if (p.token() === Tok.Newline) {
    p.error('The closing brace for a single-line block definition must be on the same line', p.start, p.end);
    // The block is already reported; a `}` ending the next line is its close, not a new error.
    return parseItems(p, frame, items, true);
  }
  return parseItems(p, frame, items, false);
}

/** A label written as a string: only literal text, no interpolation or directives. */
function parseQuotedLabel(p: ParserContext): BlockLabel {
  const template = parseQuotedTemplate(p);
  let value = '';
  let templated = false;
  for (const part of template.parts) {
    if (part.type === 'TemplateString') value += part.value;
    else templated = true;
  }
  if (templated) {
    p.error('Block labels cannot contain interpolations or directives', template.range.start.offset, template.range.end.offset);
  }
  return { value, quoted: true, range: template.range };
}

/** Past the depth limit: skips the block's content by counting braces, without recursion. */
function skipNestedBlock(p: ParserContext): BodyEnd {
  let depth = 0;
  p.muted++;
  const saved = p.newlinesSignificant;
  for (;;) {
    const kind = p.token();
    if (kind === Tok.EOF) break;
    if (kind === Tok.RBrace) {
      if (depth === 0) break;
      depth--;
    } else if (kind === Tok.LBrace) depth++;
    else if (kind === Tok.Quote || kind === Tok.Heredoc) {
      skipTemplate(p);
      continue;
    }
    p.advance();
  }
  p.newlinesSignificant = saved;
  p.muted--;
  return p.token() === Tok.RBrace ? BodyEnd.ClosingBrace : BodyEnd.EndOfFile;
}
