/**
 * Like the `related` condition, but only counts companion resources that Terraform will actually
 * create: a flow log or S3 logging resource behind `count = 0` (a module switch left off) does
 * not log anything. Each instance of a companion is judged with its own `count.index` or
 * `each.*` values.
 */
import type { Scope } from '../../subjects/types';
import { TerraformSubject } from '../../subjects/terraform-subjects';
import { instancesOf } from '../../terraform';
import { Unknown, type EvalScope } from '../../terraform/types';
import type { Condition } from '../condition-types';
import { combineAny, evaluateCondition, type EvalContext, type Evidence } from '../evaluate';
import { registerPredicate } from './registry';

function unknownBinding(scope: EvalScope): Unknown | undefined {
  if (scope.countIndex instanceof Unknown) return scope.countIndex;
  if (scope.each?.key instanceof Unknown) return scope.each.key;
  return undefined;
}

/** args: `types`, `via` (as in `related`), and an optional `require` condition for each companion. */
registerPredicate('aws-related-enabled', (scope: Scope, args, ctx: EvalContext): Evidence => {
  const types = Array.isArray(args.types) ? args.types.map(String) : [];
  const via = String(args.via ?? '');
  const require = args.require as Condition | undefined;
  const instances: TerraformSubject[] = [];
  let open: Evidence | undefined;
  for (const candidate of ctx.related(ctx.subject, types, via)) {
    if (!(candidate instanceof TerraformSubject)) continue;
    for (const instance of instancesOf(candidate.module, candidate.resource)) {
      const unknown = unknownBinding(instance);
      if (unknown) {
        open ??= { outcome: 'undetermined', range: candidate.headerRange, reason: `whether ${candidate.name} is created is not known: ${unknown.reason}`, origins: unknown.origins, scope: candidate };
        continue;
      }
      instances.push(new TerraformSubject(candidate.module, candidate.resource, instance, undefined));
    }
  }
  if (instances.length === 0) return open ?? { outcome: 'fail', range: ctx.subject.headerRange, origins: [], scope: ctx.subject };
  if (!require) return { outcome: 'pass', origins: [] };
  return combineAny(
    instances.map((instance) => evaluateCondition(require, instance, { ...ctx, subject: instance })),
    scope,
  );
});
