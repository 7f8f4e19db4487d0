/**
 * Parsing a piece of text on its own, for strings of the JSON syntax: their decoded content is a
 * standalone template (or, for a few Terraform arguments, a bare expression). Positions go
 * through the given source, so ranges land on the original file even though the text parsed is
 * the decoded string.
 */
import type { Comment, Expression, HclSyntaxError, TemplatePart } from '../ast';
import type { PositionSource } from '../positions';
import { ParserContext } from './context';
import { parseExpression } from './expression-parser';
import { parseStandaloneTemplate } from './template-parser';
import { Tok } from './tokens';

export interface FragmentResult<T> {
  value: T;
  errors: HclSyntaxError[];
  comments: Comment[];
}

export function parseTemplateFragment(text: string, positions: PositionSource): FragmentResult<TemplatePart[]> {
  const p = new ParserContext(text, positions, { indentationRecovery: false });
  const parts = parseStandaloneTemplate(p);
  return { value: parts, errors: p.errors, comments: p.comments };
}

export function parseExpressionFragment(text: string, positions: PositionSource): FragmentResult<Expression> {
  const p = new ParserContext(text, positions, { indentationRecovery: false });
  p.newlinesSignificant = false;
  p.advance();
  const expr = parseExpression(p);
  if (p.token() !== Tok.EOF) p.error(`Unexpected ${p.describeCurrent()} after the expression`, p.start, p.end);
  return { value: expr, errors: p.errors, comments: p.comments };
}
