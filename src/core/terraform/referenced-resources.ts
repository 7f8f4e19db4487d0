/**
 * Which resources an expression refers to, following locals, module arguments and module outputs,
 * so a rule can tell that `kms_key_id = local.key` means `aws_kms_key.records` even though the
 * key's ARN itself is only known after apply.
 */
import type { Expression } from '../hcl/ast';
import { getAttribute } from './blocks';
import { findResource, hasResourceType } from './eval/context';
import { isExpression } from './eval/inputs';
import { traversalOf } from './eval/traversal';
import { forEachChildExpression } from './eval/walk';
import type { ResourceDecl, TerraformModule } from './types';

/** Bounds the walk through locals, variables and outputs of deeply layered configurations. */
const MAX_FOLLOW_DEPTH = 64;

export function referencedResources(module: TerraformModule, expr: Expression): ResourceDecl[] {
  const found = new Set<ResourceDecl>();
  collect(module, expr, found, new Set<object>(), 0);
  return [...found];
}

function collect(module: TerraformModule, expr: Expression, found: Set<ResourceDecl>, followed: Set<object>, depth: number): void {
  if (depth > MAX_FOLLOW_DEPTH) return;
  const traversal = traversalOf(expr);
  if (traversal) {
    follow(module, traversal.root, traversal.steps.map((s) => (s.kind === 'attr' ? s.name : undefined)), found, followed, depth);
    // Index keys can hold references of their own (`aws_x.y[local.k]`).
    for (const step of traversal.steps) if (step.kind === 'index') collect(module, step.key, found, followed, depth + 1);
    return;
  }
  forEachChildExpression(expr, (child) => collect(module, child, found, followed, depth + 1));
}

/** `names` are the attribute steps after the root (undefined for an index step). */
function follow(
  module: TerraformModule,
  root: string,
  names: Array<string | undefined>,
  found: Set<ResourceDecl>,
  followed: Set<object>,
  depth: number,
): void {
  const [first, second] = names.filter((n): n is string => n !== undefined);
  const once = (key: object, action: () => void): void => {
    if (followed.has(key)) return;
    followed.add(key);
    action();
  };
  switch (root) {
    case 'data': {
      const decl = first && second ? findResource(module, `data.${first}.${second}`) : undefined;
      if (decl) found.add(decl);
      return;
    }
    case 'local': {
      const decl = first ? module.locals.get(first) : undefined;
      if (decl) once(decl, () => collect(module, decl.attribute.expr, found, followed, depth + 1));
      return;
    }
    case 'var': {
      const input = first ? module.inputs.get(first) : undefined;
      if (input?.scopeModule && isExpression(input.expr)) {
        const caller = input.scopeModule;
        const expr = input.expr;
        once(input, () => collect(caller, expr, found, followed, depth + 1));
      }
      return;
    }
    case 'module': {
      const child = first ? module.children?.get(first) : undefined;
      // `module.x[0].out`: the index step was dropped from `names`, so `second` is the output.
      const output = child?.outputs.find((o) => o.name === second);
      const value = output ? getAttribute(output.block.body, 'value') : undefined;
      if (child && value) once(value, () => collect(child, value.expr, found, followed, depth + 1));
      return;
    }
    default: {
      if (!first || !hasResourceType(module, root)) return;
      const decl = findResource(module, `${root}.${first}`);
      if (decl) found.add(decl);
    }
  }
}
