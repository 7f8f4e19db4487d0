/**
 * Passwords and tokens written into the configuration as literal strings (directly, or through a
 * local that holds a literal). Values from variables, resources (random_password, Secrets
 * Manager) or data sources are not literals and pass; a variable's default is the concern of the
 * variable, not of the resource.
 */
import type { Expression } from '../../hcl/ast';
import type { Scope } from '../../subjects/types';
import { TerraformScope } from '../../subjects/terraform-scope';
import { getAttribute } from '../../terraform';
import type { TerraformModule } from '../../terraform/types';
import { traversalOf } from '../../terraform/eval/traversal';
import { combineAll, splitPath, type EvalContext, type Evidence } from '../evaluate';
import { registerPredicate } from './registry';

const MAX_FOLLOW = 8;

/** Whether the expression is a non-empty string fixed in the source. */
export function isLiteralString(module: TerraformModule, expr: Expression, depth = 0): boolean {
  let e = expr;
  while (e.type === 'Paren') e = e.expr;
  if (e.type === 'Literal') return typeof e.value === 'string' && e.value !== '';
  if (e.type === 'Template') {
    if (!e.parts.every((p) => p.type === 'TemplateString')) return false;
    return e.parts.some((p) => p.type === 'TemplateString' && p.value !== '');
  }
  const traversal = traversalOf(e);
  if (depth < MAX_FOLLOW && traversal?.root === 'local' && traversal.steps.length === 1 && traversal.steps[0].kind === 'attr') {
    const local = module.locals.get(traversal.steps[0].name);
    return local !== undefined && isLiteralString(module, local.attribute.expr, depth + 1);
  }
  return false;
}

/** args: `paths`, dotted paths whose last segment is the argument and the rest nested blocks. */
registerPredicate('aws-no-literal-secret', (scope: Scope, args, _ctx: EvalContext): Evidence => {
  const paths = Array.isArray(args.paths) ? args.paths.map(String) : [];
  const results: Evidence[] = [];
  for (const path of paths) {
    const segments = splitPath(path);
    const name = segments[segments.length - 1];
    if (!name) continue;
    for (const item of scope.items(segments.slice(0, -1))) {
      if (!(item instanceof TerraformScope)) continue;
      const written = getAttribute(item.body, name);
      if (!written || !isLiteralString(item.module, written.expr)) continue;
      // The value itself never goes into the message or the fingerprint.
      results.push({ outcome: 'fail', range: written.expr.range, origins: [], scope: item, valueText: name });
    }
  }
  return combineAll(results);
});
