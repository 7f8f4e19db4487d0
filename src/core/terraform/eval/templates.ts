/** String templates: interpolations, `%{if}` and `%{for}` directives. */
import type { TemplateExpr, TemplatePart } from '../../hcl/ast';
import { Unknown, type TfValue } from '../types';
import type { EvalContext } from './context';
import { evalExpr, withLocals } from './expressions';
import { EvalFailure, asBool, asString, isObject, sortedKeys, typeName } from './values';

export function evalTemplate(expr: TemplateExpr, ctx: EvalContext): TfValue {
  // `"${x}"` alone yields x itself, not its string form (a list stays a list).
  if (expr.parts.length === 1 && expr.parts[0].type === 'TemplateInterpolation') return evalExpr(expr.parts[0].expr, ctx);
  return renderParts(expr.parts, ctx);
}

function renderParts(parts: TemplatePart[], ctx: EvalContext): string | Unknown {
  let out = '';
  for (const part of parts) {
    const piece = renderPart(part, ctx);
    if (piece instanceof Unknown) return piece;
    out += piece;
  }
  return out;
}

function renderPart(part: TemplatePart, ctx: EvalContext): string | Unknown {
  switch (part.type) {
    case 'TemplateString':
      return part.value;
    case 'TemplateInterpolation': {
      const value = evalExpr(part.expr, ctx);
      if (value instanceof Unknown) return value;
      if (value === null) return new EvalFailure('a template cannot include null');
      const text = asString(value);
      return text ?? new EvalFailure(`a template cannot include a ${typeName(value)}`);
    }
    case 'TemplateIf': {
      const condition = evalExpr(part.condition, ctx);
      if (condition instanceof Unknown) return condition;
      const b = asBool(condition);
      if (b === undefined) return new EvalFailure('a template if condition must be a bool');
      return b ? renderParts(part.then, ctx) : renderParts(part.else ?? [], ctx);
    }
    case 'TemplateFor': {
      const collection = evalExpr(part.collection, ctx);
      if (collection instanceof Unknown) return collection;
      let entries: Array<[TfValue, TfValue]>;
      if (Array.isArray(collection)) entries = collection.map((v, i) => [i, v]);
      else if (isObject(collection)) entries = sortedKeys(collection).map((k) => [k, collection[k]]);
      else return new EvalFailure('a template for needs a list or map');
      let out = '';
      for (const [key, value] of entries) {
        const bindings: Record<string, TfValue> = { [part.valueVar]: value };
        if (part.keyVar) bindings[part.keyVar] = key;
        const piece = renderParts(part.body, withLocals(ctx, bindings));
        if (piece instanceof Unknown) return piece;
        out += piece;
      }
      return out;
    }
  }
}
