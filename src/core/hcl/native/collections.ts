/**
 * Collection constructors: tuples, objects and both kinds of `for` expression.
 */
import type { Expression, ForExpr, ObjectExpr, ObjectItem, TupleExpr } from '../ast';
import type { ParserContext } from './context';
import { abandonBracket, closeBracket, reportUnclosed } from './brackets';
import { parseExpression } from './expression-parser';
import { looksLikeBlockHeader } from './lookahead';
import { endList, parseListItems, type ListSyntax } from './lists';
import { skipRestOfLine, skipToListSeparator } from './recovery';
import { Tok as TokenKind } from './tokens';

// Module-local alias: see the note on Tok in ./tokens.
const Tok = TokenKind;
type Tok = TokenKind;

const TUPLE: ListSyntax = { closer: Tok.RBracket, expectedAfterItem: "',' or ']' after the tuple element", leftOpenEndsQuietly: true };

export function parseTupleOrFor(p: ParserContext): Expression {
  const start = p.start;
  const saved = p.setNewlines(false);
  p.advance();
  if (p.isKeyword('for')) return parseFor(p, 'tuple', start, saved);
  const elements: Expression[] = [];
  const closed = parseListItems(p, TUPLE, () => {
    elements.push(parseExpression(p));
    return undefined;
  });
  const end = endList(p, closed, saved, elements, start, "Missing closing ']' for the '[' opened here");
  const tuple: TupleExpr = { type: 'Tuple', elements, range: p.range(start, end) };
  return tuple;
}

export function parseObjectOrFor(p: ParserContext): Expression {
  const start = p.start;
  const saved = p.newlinesSignificant;
  // Object items are separated by newlines, so newlines count here even inside brackets.
  p.newlinesSignificant = true;
  p.advance();
  while (p.token() === Tok.Newline) p.advance();
  if (p.isKeyword('for')) {
    p.setNewlines(false);
    return parseFor(p, 'object', start, saved);
  }
  const items: ObjectItem[] = [];
  let closed = false;
  for (;;) {
    while (p.token() === Tok.Newline) p.advance();
    if (p.token() === Tok.RBrace) {
      closed = true;
      break;
    }
    if (p.token() === Tok.EOF || p.token() === Tok.RBracket || p.token() === Tok.RParen) break;
    if (p.token() === Tok.Ident && looksLikeBlockHeader(p)) break;
    const item = parseObjectItem(p);
    if (item) items.push(item);
    if (p.token() === Tok.Comma || p.token() === Tok.Newline) {
      p.advance();
      continue;
    }
    if (p.token() === Tok.RBrace) {
      closed = true;
      break;
    }
    if (item) p.error(`Expected a newline or ',' after the object item, found ${p.describeCurrent()}`, p.start, p.end);
    skipRestOfLine(p);
    if (p.token() === Tok.Newline) p.advance();
  }
  let end: number;
  if (closed) {
    end = p.end;
    closeBracket(p, saved);
  } else {
    reportUnclosed(p, "Missing closing '}' for the object opened here", start);
    end = items.length > 0 ? items[items.length - 1].range.end.offset : start + 1;
    // Newlines are tokens in an object, so the last one consumed must be scanned again.
    p.newlinesSignificant = saved;
    p.resetTo(end);
  }
  const object: ObjectExpr = { type: 'Object', items, range: p.range(start, end) };
  return object;
}

/** One `key = value` / `key: value` item; undefined (error reported) when the key is unusable. */
function parseObjectItem(p: ParserContext): ObjectItem | undefined {
  const errorsBefore = p.errors.length;
  const key = parseExpression(p);
  let separator: '=' | ':';
  if (p.token() === Tok.Assign) separator = '=';
  else if (p.token() === Tok.Colon) separator = ':';
  else {
    // A key that was itself broken has been reported already.
    if (p.errors.length === errorsBefore) p.error(`Expected '=' or ':' after the object key, found ${p.describeCurrent()}`, p.start, p.end);
    return undefined;
  }
  p.advance();
  const value = parseExpression(p);
  return { key, value, separator, range: { start: key.range.start, end: value.range.end } };
}

function parseFor(p: ParserContext, kind: 'tuple' | 'object', start: number, saved: boolean): Expression {
  const closer = kind === 'tuple' ? Tok.RBracket : Tok.RBrace;
  const closerText = kind === 'tuple' ? ']' : '}';
  p.advance(); // `for`
  let keyVar: string | undefined;
  let valueVar = '';
  let collection: Expression | undefined;
  let keyExpr: Expression | undefined;
  let valueExpr: Expression | undefined;
  let condition: Expression | undefined;
  let grouping = false;
  let failed = false;
  const fail = (message: string): void => {
    p.error(`${message}, found ${p.describeCurrent()}`, p.start, p.end);
    failed = true;
  };
  if (p.token() === Tok.Ident) {
    valueVar = p.tokenText();
    p.advance();
    if (p.token() === Tok.Comma) {
      p.advance();
      if (p.token() === Tok.Ident) {
        keyVar = valueVar;
        valueVar = p.tokenText();
        p.advance();
      } else fail("Expected a second variable name after ',' in the for expression");
    }
  } else fail("Expected a variable name after 'for'");
  if (!failed) {
    if (p.isKeyword('in')) {
      p.advance();
      collection = parseExpression(p);
      if (p.token() === Tok.Colon) p.advance();
      else fail("Expected ':' after the collection of the for expression");
    } else fail("Expected 'in' after the for variables");
  }
  if (!failed) {
    const first = parseExpression(p);
    if (kind === 'object') {
      keyExpr = first;
      if (p.token() === Tok.FatArrow) {
        p.advance();
        valueExpr = parseExpression(p);
        if (p.token() === Tok.Ellipsis) {
          grouping = true;
          p.advance();
        }
      } else fail("Expected '=>' between the key and value of the object for expression");
    } else valueExpr = first;
  }
  if (!failed && p.isKeyword('if')) {
    p.advance();
    condition = parseExpression(p);
  }
  if (!failed && p.token() !== closer) fail(`Expected '${closerText}' to close the for expression`);
  let closed = p.token() === closer;
  if (!closed) {
    const stop = skipToListSeparator(p, closer);
    // A comma is meaningless after a for expression; keep skipping to the closer.
    closed = stop === closer || (stop === Tok.Comma && skipPastCommas(p, closer));
  }
  let end: number;
  if (closed) {
    end = p.end;
    closeBracket(p, saved);
  } else {
    reportUnclosed(p, `Missing closing '${closerText}' for the for expression opened here`, start);
    end = p.prevEnd;
    abandonBracket(p, saved);
  }
  const range = p.range(start, end);
  const placeholder = (): Expression => p.invalid(end, end);
  const result: ForExpr = {
    type: 'For',
    kind,
    valueVar,
    collection: collection ?? placeholder(),
    valueExpr: valueExpr ?? placeholder(),
    grouping,
    range,
  };
  if (keyVar !== undefined) result.keyVar = keyVar;
  if (kind === 'object') result.keyExpr = keyExpr ?? placeholder();
  if (condition) result.condition = condition;
  return result;
}

function skipPastCommas(p: ParserContext, closer: Tok): boolean {
  let stop: Tok = Tok.Comma;
  while (stop === Tok.Comma) {
    p.advance();
    stop = skipToListSeparator(p, closer);
  }
  return stop === closer;
}
