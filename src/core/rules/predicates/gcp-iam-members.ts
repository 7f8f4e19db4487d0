/**
 * IAM `member` and `members` arguments that name everyone: `allUsers` (anyone on the internet)
 * or `allAuthenticatedUsers` (anyone with a Google account). A member is often built from a
 * resource known only after apply ("serviceAccount:${google_service_account.x.email}"); such a
 * value has a principal type written before it, or comes from a resource, and so cannot be one
 * of the public principals. It passes instead of being undetermined.
 */
import type { Expression } from '../../hcl/ast';
import type { Lookup, Scope } from '../../subjects/types';
import { TerraformScope } from '../../subjects/terraform-scope';
import { getAttribute, referencedResources, type TerraformModule } from '../../terraform';
import { combineAll, type EvalContext, type Evidence } from '../evaluate';
import { registerPredicate } from './registry';
import { PASS, failAt, undetermined } from './gcp-scopes';

const PUBLIC_PRINCIPALS = new Set(['allusers', 'allauthenticatedusers']);

export function isPublicPrincipal(value: unknown): boolean {
  return typeof value === 'string' && PUBLIC_PRINCIPALS.has(value.trim().toLowerCase());
}

/** Whether an expression whose value is unknown can still not be a public principal. */
export function namesPrincipalType(module: TerraformModule, expr: Expression): boolean {
  if (expr.type === 'Template') {
    const first = expr.parts[0];
    if (first?.type === 'TemplateString' && /^[A-Za-z]+:/.test(first.value)) return true;
  }
  // Values computed from a resource (google_service_account.x.member) are principals of that resource.
  const traversalRoot = expr.type === 'GetAttr' || expr.type === 'Index' ? rootName(expr) : undefined;
  return traversalRoot !== undefined && !['var', 'local', 'each', 'count', 'module'].includes(traversalRoot) && referencedResources(module, expr).length > 0;
}

function rootName(expr: Expression): string | undefined {
  let e: Expression = expr;
  while (e.type === 'GetAttr' || e.type === 'Index') e = e.target;
  return e.type === 'Variable' ? e.name : undefined;
}

function check(scope: TerraformScope, name: string): Evidence {
  const lookup: Lookup = scope.resolve([name])[0];
  if (lookup.state === 'absent') return PASS;
  if (lookup.state === 'unknown') {
    const attribute = getAttribute(scope.body, name);
    return attribute && namesPrincipalType(scope.module, attribute.expr) ? PASS : undetermined(lookup, scope);
  }
  const values = Array.isArray(lookup.value) ? lookup.value : [lookup.value];
  const found = values.find(isPublicPrincipal);
  return found === undefined ? { ...PASS, origins: lookup.origins } : failAt(lookup.range, scope, lookup, String(found));
}

registerPredicate('gcp-iam-members-not-public', (scope: Scope, _args, _ctx: EvalContext): Evidence => {
  if (!(scope instanceof TerraformScope)) return PASS;
  return combineAll([check(scope, 'member'), check(scope, 'members')]);
});
