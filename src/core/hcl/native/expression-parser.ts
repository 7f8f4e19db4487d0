/**
 * Expressions of the native syntax: precedence climbing for the binary operators, postfix chains
 * (attribute access, index, legacy `.0` index, splats), collections, for expressions, function
 * calls and conditionals. Each construct either closes properly or reports one error and
 * returns what it parsed, with an Invalid node standing in for the broken part.
 */
import type {
  BinaryOperator,
  Expression,
  ForExpr,
  FunctionCallExpr,
  ObjectExpr,
  ObjectItem,
  TupleExpr,
  VariableExpr,
} from '../ast';
import type { Range } from '../../text/position';
import { MAX_NESTING_DEPTH, type ParserContext } from './context';
import { looksLikeBlockHeader, looksLikeBodyItem } from './lookahead';
import { skipRestOfLine, skipToListSeparator } from './recovery';
import { skipHeredocRaw, skipQuotedTemplateRaw } from './raw-skip';
import { parseHeredocTemplate, parseQuotedTemplate } from './template-parser';
import { Tok as TokenKind } from './tokens';

// Module-local alias: see the note on Tok in ./tokens.
const Tok = TokenKind;
type Tok = TokenKind;
// Read on every expression: a local copy avoids the module export getter (see ./tokens).
const MAX_DEPTH = MAX_NESTING_DEPTH;

function span(start: Expression | { range: Range }, end: { range: Range }): Range {
  return { start: start.range.start, end: end.range.end };
}

/** Binding strength of a binary operator token; 0 for tokens that are not binary operators. */
function binaryLevel(kind: Tok): number {
  switch (kind) {
    case Tok.OrOr:
      return 1;
    case Tok.AndAnd:
      return 2;
    case Tok.EqEq:
    case Tok.NotEq:
      return 3;
    case Tok.Lt:
    case Tok.Le:
    case Tok.Gt:
    case Tok.Ge:
      return 4;
    case Tok.Plus:
    case Tok.Minus:
      return 5;
    case Tok.Star:
    case Tok.Slash:
    case Tok.Percent:
      return 6;
    default:
      return 0;
  }
}

const OPERATOR_TEXT: Partial<Record<Tok, BinaryOperator>> = {
  [Tok.OrOr]: '||',
  [Tok.AndAnd]: '&&',
  [Tok.EqEq]: '==',
  [Tok.NotEq]: '!=',
  [Tok.Lt]: '<',
  [Tok.Le]: '<=',
  [Tok.Gt]: '>',
  [Tok.Ge]: '>=',
  [Tok.Plus]: '+',
  [Tok.Minus]: '-',
  [Tok.Star]: '*',
  [Tok.Slash]: '/',
  [Tok.Percent]: '%',
};

export function parseExpression(p: ParserContext): Expression {
  if (p.depth >= MAX_DEPTH) return tooDeep(p);
  p.depth++;
  let result = parseBinary(p, 1);
  if (p.token() === Tok.Question) {
    const condition = result;
    p.advance();
    const trueExpr = parseExpression(p);
    let falseExpr: Expression;
    if (p.token() === Tok.Colon) {
      p.advance();
      falseExpr = parseExpression(p);
    } else {
      p.error(`Expected ':' and a false result in the conditional, found ${p.describeCurrent()}`, p.start, p.end);
      falseExpr = p.invalid(trueExpr.range.end.offset, trueExpr.range.end.offset);
    }
    result = { type: 'Conditional', condition, trueExpr, falseExpr, range: span(condition, falseExpr) };
  }
  p.depth--;
  return result;
}

/**
 * Past the depth limit the rest of the expression at this level is skipped iteratively (never
 * recursively), so a 10,000-deep `[[[[` or `!!!!` costs one error and linear time. The skip stops
 * before a comma, newline or closing bracket that belongs to an enclosing level.
 */
function tooDeep(p: ParserContext): Expression {
  const start = p.start;
  p.error(`Expression is nested more than ${MAX_NESTING_DEPTH} levels deep`, p.start, p.end);
  let depth = 0;
  let end = start;
  p.muted++;
  for (;;) {
    const kind = p.token();
    if (kind === Tok.EOF) break;
    if (kind === Tok.LBrace || kind === Tok.LBracket || kind === Tok.LParen) depth++;
    else if (kind === Tok.RBrace || kind === Tok.RBracket || kind === Tok.RParen) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && (kind === Tok.Comma || kind === Tok.Newline)) break;
    else if (kind === Tok.Quote || kind === Tok.Heredoc) {
      end = kind === Tok.Quote ? skipQuotedTemplateRaw(p.text, p.start) : skipHeredocAt(p);
      p.resetTo(end);
      continue;
    }
    end = p.end;
    p.advance();
  }
  p.muted--;
  return p.invalid(start, end);
}

function skipHeredocAt(p: ParserContext): number {
  const text = p.text;
  let contentStart = p.end;
  while (contentStart < text.length && text.charCodeAt(contentStart) !== 10 && text.charCodeAt(contentStart) !== 13) contentStart++;
  if (text.charCodeAt(contentStart) === 13 && text.charCodeAt(contentStart + 1) === 10) contentStart++;
  return skipHeredocRaw(text, contentStart + 1, p.lexer.heredocMarker);
}

function parseBinary(p: ParserContext, minLevel: number): Expression {
  let left = parseUnary(p);
  for (;;) {
    const level = binaryLevel(p.token());
    if (level === 0 || level < minLevel) return left;
    const op = OPERATOR_TEXT[p.token()] as BinaryOperator;
    p.advance();
    const right = parseBinary(p, level + 1);
    left = { type: 'Binary', op, left, right, range: span(left, right) };
  }
}

function parseUnary(p: ParserContext): Expression {
  const kind = p.token();
  if (kind !== Tok.Minus && kind !== Tok.Bang) return parsePostfix(p, parseTerm(p));
  if (p.depth >= MAX_DEPTH) return tooDeep(p);
  const start = p.positions.position(p.start);
  p.advance();
  p.depth++;
  const operand = parseUnary(p);
  p.depth--;
  return { type: 'Unary', op: kind === Tok.Minus ? '-' : '!', operand, range: { start, end: operand.range.end } };
}

function parseTerm(p: ParserContext): Expression {
  switch (p.token()) {
    case Tok.Number: {
      const range = p.range(p.start, p.end);
      const value = Number(p.tokenText());
      p.advance();
      return { type: 'Literal', value, range };
    }
    case Tok.Ident:
      return parseIdentifierTerm(p);
    case Tok.Quote:
      return parseQuotedTemplate(p);
    case Tok.Heredoc:
      return parseHeredocTemplate(p);
    case Tok.LParen:
      return parseParenthesized(p);
    case Tok.LBracket:
      return parseTupleOrFor(p);
    case Tok.LBrace:
      return parseObjectOrFor(p);
    default: {
      const start = p.start;
      const end = p.end;
      p.error(`Expected an expression, found ${p.describeCurrent()}`, start, end);
      // A stray character is consumed so the caller resumes after it; structure is left alone.
      if (p.token() === Tok.Invalid) {
        p.advance();
        return p.invalid(start, end);
      }
      return p.invalid(start, start);
    }
  }
}

function parseIdentifierTerm(p: ParserContext): Expression {
  const start = p.start;
  const end = p.end;
  const name = p.tokenText();
  p.advance();
  if (p.token() === Tok.LParen || p.token() === Tok.DoubleColon) return parseFunctionCall(p, name, start, end);
  const range = p.range(start, end);
  if (name === 'true') return { type: 'Literal', value: true, range };
  if (name === 'false') return { type: 'Literal', value: false, range };
  if (name === 'null') return { type: 'Literal', value: null, range };
  return { type: 'Variable', name, range };
}

function parseFunctionCall(p: ParserContext, firstName: string, start: number, firstEnd: number): Expression {
  let name = firstName;
  let nameEnd = firstEnd;
  while (p.token() === Tok.DoubleColon) {
    p.advance();
    if (p.token() !== Tok.Ident) {
      p.error(`Expected a function name after '::', found ${p.describeCurrent()}`, p.start, p.end);
      return p.invalid(start, nameEnd);
    }
    name += `::${p.tokenText()}`;
    nameEnd = p.end;
    p.advance();
  }
  if (p.token() !== Tok.LParen) {
    p.error(`Expected '(' after the function name '${name}', found ${p.describeCurrent()}`, p.start, p.end);
    return p.invalid(start, nameEnd);
  }
  const openStart = p.start;
  const saved = p.setNewlines(false);
  p.advance();
  const args: Expression[] = [];
  let expandFinal = false;
  let closed = false;
  for (;;) {
    if (p.token() === Tok.RParen) {
      closed = true;
      break;
    }
    if (listLeftOpen(p)) break;
    const errorsBefore = p.errors.length;
    const arg = parseExpression(p);
    args.push(arg);
    if (p.token() === Tok.Ellipsis) {
      expandFinal = true;
      p.advance();
      if (p.token() === Tok.Comma) p.advance();
      if (p.token() === Tok.RParen) {
        closed = true;
        break;
      }
      p.error(`Expected ')' after the expanded final argument '...', found ${p.describeCurrent()}`, p.start, p.end);
    } else if (p.token() === Tok.Comma) {
      p.advance();
      continue;
    } else if (p.token() === Tok.RParen) {
      closed = true;
      break;
    } else if (p.errors.length === errorsBefore) {
      p.error(`Expected ',' or ')' after the function argument, found ${p.describeCurrent()}`, p.start, p.end);
    }
    const stop = skipToListSeparator(p, Tok.RParen);
    if (stop === Tok.Comma) {
      p.advance();
      continue;
    }
    if (stop === Tok.RParen) {
      closed = true;
      break;
    }
    break;
  }
  let end: number;
  if (closed) {
    end = p.end;
    closeBracket(p, saved);
  } else {
    reportUnclosed(p, `Missing closing ')' for the call to '${name}' opened here`, openStart);
    end = lastEnd(p, args, openStart + 1);
    abandonBracket(p, saved);
  }
  const call: FunctionCallExpr = {
    type: 'FunctionCall',
    name,
    nameRange: p.range(start, nameEnd),
    args,
    expandFinal,
    range: p.range(start, end),
  };
  return call;
}

function parseParenthesized(p: ParserContext): Expression {
  const start = p.start;
  const saved = p.setNewlines(false);
  p.advance();
  const inner = parseExpression(p);
  if (p.token() === Tok.RParen) {
    const end = p.end;
    closeBracket(p, saved);
    return { type: 'Paren', expr: inner, range: p.range(start, end) };
  }
  if (p.token() === Tok.EOF || isWrongCloser(p.token(), Tok.RParen) || (p.newlineBefore && looksLikeBodyItem(p))) {
    reportUnclosed(p, "Missing closing ')' for the '(' opened here", start);
  } else {
    p.error(`Expected ')' to close the parentheses, found ${p.describeCurrent()}`, p.start, p.end);
    if (skipToListSeparator(p, Tok.RParen) === Tok.RParen) {
      const end = p.end;
      closeBracket(p, saved);
      return { type: 'Paren', expr: inner, range: p.range(start, end) };
    }
  }
  abandonBracket(p, saved);
  return { type: 'Paren', expr: inner, range: { start: p.positions.position(start), end: inner.range.end } };
}

function parseTupleOrFor(p: ParserContext): Expression {
  const start = p.start;
  const saved = p.setNewlines(false);
  p.advance();
  if (p.isKeyword('for')) return parseFor(p, 'tuple', start, saved);
  const elements: Expression[] = [];
  let closed = false;
  for (;;) {
    if (p.token() === Tok.RBracket) {
      closed = true;
      break;
    }
    if (listLeftOpen(p)) break;
    const errorsBefore = p.errors.length;
    elements.push(parseExpression(p));
    if (p.token() === Tok.Comma) {
      p.advance();
      continue;
    }
    if (p.token() === Tok.RBracket) {
      closed = true;
      break;
    }
    if (listLeftOpen(p)) break;
    if (p.errors.length === errorsBefore) p.error(`Expected ',' or ']' after the tuple element, found ${p.describeCurrent()}`, p.start, p.end);
    const stop = skipToListSeparator(p, Tok.RBracket);
    if (stop === Tok.Comma) {
      p.advance();
      continue;
    }
    if (stop === Tok.RBracket) {
      closed = true;
      break;
    }
    break;
  }
  let end: number;
  if (closed) {
    end = p.end;
    closeBracket(p, saved);
  } else {
    reportUnclosed(p, "Missing closing ']' for the '[' opened here", start);
    end = lastEnd(p, elements, start + 1);
    abandonBracket(p, saved);
  }
  const tuple: TupleExpr = { type: 'Tuple', elements, range: p.range(start, end) };
  return tuple;
}

function parseObjectOrFor(p: ParserContext): Expression {
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
  return { key, value, separator, range: span(key, value) };
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

function parsePostfix(p: ParserContext, term: Expression): Expression {
  let expr = term;
  for (;;) {
    if (p.token() === Tok.Dot) {
      const dotStart = p.start;
      p.advance();
      const kind = p.token();
      if (kind === Tok.Ident) {
        const nameRange = p.range(p.start, p.end);
        expr = { type: 'GetAttr', target: expr, name: p.tokenText(), nameRange, range: { start: expr.range.start, end: nameRange.end } };
        p.advance();
      } else if (kind === Tok.Number) {
        expr = { type: 'Index', target: expr, key: legacyIndexKey(p), legacy: true, range: { start: expr.range.start, end: p.positions.position(p.end) } };
        p.advance();
      } else if (kind === Tok.Star) {
        const star = p.range(dotStart, p.end);
        p.advance();
        expr = parseAttrSplat(p, expr, star);
      } else {
        p.error(`Expected an attribute name after '.', found ${p.describeCurrent()}`, p.start, p.end);
        return expr;
      }
    } else if (p.token() === Tok.LBracket) {
      const openStart = p.start;
      const saved = p.setNewlines(false);
      p.advance();
      if (p.token() === Tok.Star) {
        const afterStar = p.lexer.mark();
        p.advance();
        if (p.token() === Tok.RBracket) {
          const star = p.range(openStart, p.end);
          closeBracket(p, saved);
          expr = parseFullSplat(p, expr, star);
          continue;
        }
        p.lexer.restore(afterStar);
      }
      const key = parseExpression(p);
      if (p.token() === Tok.RBracket) {
        const end = p.positions.position(p.end);
        closeBracket(p, saved);
        expr = { type: 'Index', target: expr, key, legacy: false, range: { start: expr.range.start, end } };
        continue;
      }
      if (p.token() === Tok.EOF || isWrongCloser(p.token(), Tok.RBracket) || (p.newlineBefore && looksLikeBodyItem(p))) {
        reportUnclosed(p, "Missing closing ']' for the index opened here", openStart);
      } else {
        p.error(`Expected ']' to close the index, found ${p.describeCurrent()}`, p.start, p.end);
        if (skipToListSeparator(p, Tok.RBracket) === Tok.RBracket) {
          const end = p.positions.position(p.end);
          closeBracket(p, saved);
          expr = { type: 'Index', target: expr, key, legacy: false, range: { start: expr.range.start, end } };
          continue;
        }
      }
      abandonBracket(p, saved);
      return { type: 'Index', target: expr, key, legacy: false, range: span(expr, key) };
    } else {
      return expr;
    }
  }
}

/** `.0` after a dot: `foo.0.1` scans as the number `0.1`, which HCL rejects rather than guess. */
function legacyIndexKey(p: ParserContext): Expression {
  const text = p.tokenText();
  const range = p.range(p.start, p.end);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) {
      p.error(`Chained legacy index '.${text}' is not supported; write it as an index like [${text.replace('.', '][')}]`, p.start, p.end);
      return { type: 'Invalid', range };
    }
  }
  return { type: 'Literal', value: Number(text), range };
}

function splatElement(range: Range): VariableExpr {
  return { type: 'Variable', name: '*', range };
}

/** `.*` followed by attribute accesses only; a later index applies to the splat result. */
function parseAttrSplat(p: ParserContext, source: Expression, star: Range): Expression {
  let each: Expression = splatElement(star);
  while (p.token() === Tok.Dot) {
    const mark = p.lexer.mark();
    p.advance();
    if (p.token() === Tok.Ident) {
      const nameRange = p.range(p.start, p.end);
      each = { type: 'GetAttr', target: each, name: p.tokenText(), nameRange, range: { start: star.start, end: nameRange.end } };
      p.advance();
    } else if (p.token() === Tok.Number) {
      each = { type: 'Index', target: each, key: legacyIndexKey(p), legacy: true, range: { start: star.start, end: p.positions.position(p.end) } };
      p.advance();
    } else {
      p.lexer.restore(mark);
      break;
    }
  }
  return { type: 'Splat', kind: 'attr', source, each, range: { start: source.range.start, end: each.range.end } };
}

/** `[*]` followed by any mix of attribute accesses and indexes, all applied to each element. */
function parseFullSplat(p: ParserContext, source: Expression, star: Range): Expression {
  let each: Expression = splatElement(star);
  for (;;) {
    if (p.token() === Tok.Dot) {
      const mark = p.lexer.mark();
      p.advance();
      if (p.token() === Tok.Ident) {
        const nameRange = p.range(p.start, p.end);
        each = { type: 'GetAttr', target: each, name: p.tokenText(), nameRange, range: { start: star.start, end: nameRange.end } };
        p.advance();
        continue;
      }
      if (p.token() === Tok.Number) {
        each = { type: 'Index', target: each, key: legacyIndexKey(p), legacy: true, range: { start: star.start, end: p.positions.position(p.end) } };
        p.advance();
        continue;
      }
      p.lexer.restore(mark);
      break;
    }
    if (p.token() === Tok.LBracket) {
      // A nested `[*]` starts a new splat over this one's result.
      const mark = p.lexer.mark();
      p.lexer.next();
      const nestedSplat = p.token() === Tok.Star;
      p.lexer.restore(mark);
      if (nestedSplat) break;
      const saved = p.setNewlines(false);
      p.advance();
      const key = parseExpression(p);
      if (p.token() !== Tok.RBracket) {
        p.error(`Expected ']' to close the index, found ${p.describeCurrent()}`, p.start, p.end);
        abandonBracket(p, saved);
        each = { type: 'Index', target: each, key, legacy: false, range: { start: star.start, end: key.range.end } };
        break;
      }
      const end = p.positions.position(p.end);
      closeBracket(p, saved);
      each = { type: 'Index', target: each, key, legacy: false, range: { start: star.start, end } };
      continue;
    }
    break;
  }
  return { type: 'Splat', kind: 'full', source, each, range: { start: source.range.start, end: each.range.end } };
}

/** Inside a list: the list cannot go on here, so its closer must be missing. */
function listLeftOpen(p: ParserContext): boolean {
  const kind = p.token();
  if (kind === Tok.EOF || kind === Tok.RBrace || kind === Tok.RBracket || kind === Tok.RParen) return true;
  return p.newlineBefore && kind === Tok.Ident && looksLikeBodyItem(p);
}

function isWrongCloser(kind: Tok, expected: Tok): boolean {
  return kind !== expected && (kind === Tok.RBrace || kind === Tok.RBracket || kind === Tok.RParen);
}

function reportUnclosed(p: ParserContext, message: string, openStart: number): void {
  if (p.token() === Tok.EOF) {
    if (p.reportedUnclosedAtEnd) return;
    p.reportedUnclosedAtEnd = true;
  }
  p.error(message, openStart, openStart + 1);
}

function lastEnd(p: ParserContext, items: Expression[], fallback: number): number {
  if (items.length > 0) return items[items.length - 1].range.end.offset;
  return Math.max(fallback, p.prevEnd);
}

/** Restores the outer newline mode and moves past the closing bracket. */
function closeBracket(p: ParserContext, saved: boolean): void {
  p.newlinesSignificant = saved;
  p.advance();
}

/**
 * Leaves a bracket that was never closed: rescans from the last consumed token in the outer
 * newline mode, so a newline that was skipped inside the bracket still ends the attribute.
 */
function abandonBracket(p: ParserContext, saved: boolean): void {
  p.newlinesSignificant = saved;
  p.resetTo(p.prevEnd);
}
