/** The evaluator's public surface: values of expressions, instances of resources, nested block instances. */
import type { Body, Expression } from '../hcl/ast';
import { Unknown, type EvalScope, type Evaluated, type ResourceDecl, type TerraformModule } from './types';
import { OriginList, type EvalContext } from './eval/context';
import { expandNestedBlocks, evalInDynamicContext, type BlockInstance } from './eval/dynamic-blocks';
import { expansionOf, scopesOf } from './eval/instances';

export type { BlockInstance } from './eval/dynamic-blocks';

function newContext(module: TerraformModule, scope: EvalScope): EvalContext {
  return { module, scope, origins: new OriginList(), depth: 0 };
}

/**
 * The value of `expr` in `module`, three-valued, with the places that decided it (variables,
 * tfvars lines, locals, module arguments and outputs, resource arguments; `expr` itself is not
 * listed, the caller knows where it is). Never throws: anything that cannot be known statically
 * is an `Unknown` carrying the reason. Inside a dynamic block's content, pass the iterator in
 * `scope.locals` (see `nestedBlockInstances`); without it, all generated blocks must agree.
 */
export function evaluate(module: TerraformModule, expr: Expression, scope: EvalScope = {}): Evaluated {
  const ctx = newContext(module, scope);
  try {
    const value = evalInDynamicContext(expr, ctx);
    return { value, origins: ctx.origins.flatten() };
  } catch (error) {
    // Last line of defence (e.g. a stack overflow on pathological input): the linter keeps running.
    return { value: new Unknown(`could not be evaluated: ${error instanceof Error ? error.message : String(error)}`), origins: [] };
  }
}

/**
 * One scope per instance: `each.key`/`each.value` for a known for_each, `count.index` for a known
 * count; one scope with Unknown bindings when the collection is unknown (or too large); none at
 * all when count is 0 or for_each is empty, meaning the resource is disabled.
 */
export function instancesOf(module: TerraformModule, resource: ResourceDecl): EvalScope[] {
  const owner = { count: resource.count, forEach: resource.forEach, key: resource.address };
  return scopesOf(expansionOf(owner, newContext(module, {})));
}

/**
 * The blocks of `type` inside `body` as they will exist: written blocks once each, `dynamic`
 * blocks once per element with their iterator bound in the returned scope.
 */
export function nestedBlockInstances(module: TerraformModule, body: Body, type: string, scope: EvalScope = {}): BlockInstance[] {
  return expandNestedBlocks(body, type, newContext(module, scope));
}
