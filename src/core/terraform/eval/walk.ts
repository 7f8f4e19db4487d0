/** Visits the direct sub-expressions of an expression, including those inside template parts. */
import type { Expression, TemplatePart } from '../../hcl/ast';

export function forEachChildExpression(expr: Expression, visit: (child: Expression) => void): void {
  switch (expr.type) {
    case 'Literal':
    case 'Variable':
    case 'Invalid':
      return;
    case 'Template':
      visitParts(expr.parts, visit);
      return;
    case 'Tuple':
      expr.elements.forEach(visit);
      return;
    case 'Object':
      for (const item of expr.items) {
        // A bare-name key is a literal, not a reference.
        if (item.key.type !== 'Variable') visit(item.key);
        visit(item.value);
      }
      return;
    case 'FunctionCall':
      expr.args.forEach(visit);
      return;
    case 'GetAttr':
      visit(expr.target);
      return;
    case 'Index':
      visit(expr.target);
      visit(expr.key);
      return;
    case 'Splat':
      visit(expr.source);
      visit(expr.each);
      return;
    case 'For':
      visit(expr.collection);
      if (expr.keyExpr) visit(expr.keyExpr);
      visit(expr.valueExpr);
      if (expr.condition) visit(expr.condition);
      return;
    case 'Conditional':
      visit(expr.condition);
      visit(expr.trueExpr);
      visit(expr.falseExpr);
      return;
    case 'Binary':
      visit(expr.left);
      visit(expr.right);
      return;
    case 'Unary':
      visit(expr.operand);
      return;
    case 'Paren':
      visit(expr.expr);
      return;
  }
}

function visitParts(parts: TemplatePart[], visit: (child: Expression) => void): void {
  for (const part of parts) {
    if (part.type === 'TemplateInterpolation') visit(part.expr);
    else if (part.type === 'TemplateIf') {
      visit(part.condition);
      visitParts(part.then, visit);
      if (part.else) visitParts(part.else, visit);
    } else if (part.type === 'TemplateFor') {
      visit(part.collection);
      visitParts(part.body, visit);
    }
  }
}
