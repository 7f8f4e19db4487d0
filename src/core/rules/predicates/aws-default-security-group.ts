/**
 * The default security group of a VPC carries no rules. Terraform removes every rule of the
 * adopted default group that the configuration does not list, so a resource without `ingress` and
 * `egress` blocks (or whose dynamic blocks iterate over empty lists) leaves the group closed.
 */
import type { Scope } from '../../subjects/types';
import { TerraformScope } from '../../subjects/terraform-scope';
import { combineAll, type EvalContext, type Evidence } from '../evaluate';
import { blockInstances } from './aws-block-instances';
import { registerPredicate } from './registry';

registerPredicate('aws-default-security-group-empty', (scope: Scope, _args, _ctx: EvalContext): Evidence => {
  if (!(scope instanceof TerraformScope)) return { outcome: 'pass', origins: [] };
  const results: Evidence[] = [];
  for (const type of ['ingress', 'egress']) {
    const seen = new Set<unknown>();
    for (const { scope: rule, header, unknownReason } of blockInstances(scope, type)) {
      // One finding per written block, however many rules a dynamic block generates.
      if (seen.has(rule.block)) continue;
      seen.add(rule.block);
      results.push(
        unknownReason === undefined
          ? { outcome: 'fail', range: header, origins: [], scope: rule, valueText: type }
          : { outcome: 'undetermined', range: header, reason: unknownReason, origins: [], scope: rule },
      );
    }
  }
  return combineAll(results);
});
