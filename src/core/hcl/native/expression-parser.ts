/**
 * Expressions of the native syntax: conditionals, precedence climbing for the binary operators,
 * unary operators, and the terms (literals, variables, function calls, parentheses, templates;
 * collections are in ./collections, postfix chains in ./postfix). Each construct either closes
 * properly or reports one error and returns what it parsed, with an Invalid node standing in for
 * the broken part.
 */
import type { BinaryOperator, Expression, FunctionCallExpr } from '../ast';
import type { Range } from '../../text/position';
import { MAX_NESTING_DEPTH, type ParserContext } from './context';
import { abandonBracket, closeBracket, isWrongCloser, reportUnclosed } from './brackets';
import { parseObjectOrFor, parseTupleOrFor } from './collections';
import { endList, parseListItems, type ListSyntax } from './lists';
import { looksLikeBodyItem } from './lookahead';
import { parsePostfix } from './postfix';
import { skipToListSeparator } from './recovery';
import { skipHeredocRaw, skipQuotedTemplateRaw } from './raw-skip';
import { parseHeredocTemplate, parseQuotedTemplate } from './template-parser';
import { Tok as TokenKind } from './tokens';
import { newRange } from '../../util/lint-lived';

// Module-local alias: see the note on Tok in ./tokens.
const Tok = TokenKind;
type Tok = TokenKind;
// Read on every expression: a local copy avoids the module export getter (see ./tokens).
const MAX_DEPTH = MAX_NESTING_DEPTH;

function span(start: Expression | { range: Range }, end: { range: Range }): Range {
  return newRange(start.range.start, end.range.end);
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

const CALL_ARGUMENTS: ListSyntax = { closer: Tok.RParen, expectedAfterItem: "',' or ')' after the function argument", leftOpenEndsQuietly: false };

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
  const closed = parseListItems(p, CALL_ARGUMENTS, () => {
    args.push(parseExpression(p));
    if (p.token() !== Tok.Ellipsis) return undefined;
    expandFinal = true;
    p.advance();
    if (p.token() === Tok.Comma) p.advance();
    if (p.token() === Tok.RParen) return 'closed';
    p.error(`Expected ')' after the expanded final argument '...', found ${p.describeCurrent()}`, p.start, p.end);
    return 'recover';
  });
  const end = endList(p, closed, saved, args, openStart, `Missing closing ')' for the call to '${name}' opened here`);
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
