/** Module inputs hold either syntax (tfvars, module arguments) or a value given by the host. */
import type { Expression } from '../../hcl/ast';
import { Unknown, type TfValue } from '../types';

export function isExpression(input: Expression | TfValue): input is Expression {
  if (input === null || typeof input !== 'object' || Array.isArray(input) || input instanceof Unknown) return false;
  const candidate = input as { type?: unknown; range?: unknown };
  return typeof candidate.type === 'string' && typeof candidate.range === 'object' && candidate.range !== null;
}
