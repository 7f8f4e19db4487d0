/**
 * Postfix chains after a term: attribute access, index, the legacy `.0` index, and the two
 * splat forms.
 */
import type { Expression, VariableExpr } from '../ast';
import type { Range } from '../../text/position';
import type { ParserContext } from './context';
import { abandonBracket, closeBracket, isWrongCloser, reportUnclosed } from './brackets';
import { parseExpression } from './expression-parser';
import { looksLikeBodyItem } from './lookahead';
import { skipToListSeparator } from './recovery';
import { Tok as TokenKind } from './tokens';

// Module-local alias: see the note on Tok in ./tokens.
const Tok = TokenKind;
type Tok = TokenKind;

export function parsePostfix(p: ParserContext, term: Expression): Expression {
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
      return { type: 'Index', target: expr, key, legacy: false, range: { start: expr.range.start, end: key.range.end } };
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
