/**
 * Where a copy of the data goes: the region of a destination named by ARN (an AWS Backup copy
 * action's vault, an S3 replication rule's bucket). A literal ARN names its region; a reference to
 * a resource of the same configuration takes that resource's region: its own `region` argument
 * (AWS provider v6) or the region of the provider configuration it uses (aliases included).
 */
import type { Expression } from '../../hcl/ast';
import type { Scope } from '../../subjects/types';
import { TerraformScope } from '../../subjects/terraform-scope';
import { evaluate, getAttribute, providerRegion, referencedResources } from '../../terraform';
import { Unknown, type Evaluated, type ResourceDecl, type TerraformModule } from '../../terraform/types';
import { combineAll, splitPath, type EvalContext, type Evidence } from '../evaluate';
import { regionAllowed } from '../operators';
import { moduleOfDeclaration } from './aws-declarations';
import { registerPredicate } from './registry';

/** The region of a resource: its own `region` argument, else its provider configuration's. */
export function resourceRegion(from: TerraformModule, decl: ResourceDecl): Evaluated {
  const module = moduleOfDeclaration(from, decl);
  if (!module) return { value: new Unknown(`${decl.address} could not be found`), origins: [] };
  const own = getAttribute(decl.block.body, 'region');
  if (own) return evaluate(module, own.expr);
  return providerRegion(module, decl);
}

/** `arn:aws:backup:eu-west-1:123456789012:backup-vault:x` → `eu-west-1`; S3 ARNs carry none. */
export function regionOfArn(arn: string): string | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return parts[3] === '' ? undefined : parts[3];
}

/** The regions a destination may lie in, or why they cannot be told. */
type Destination = { regions: string[] } | { reason: string };

function destinationRegions(scope: TerraformScope, expr: Expression, targets: string[]): Destination {
  const evaluated = evaluate(scope.module, expr, scope.evalScope).value;
  if (typeof evaluated === 'string') {
    const region = regionOfArn(evaluated);
    if (region) return { regions: [region] };
  }
  const referenced = referencedResources(scope.module, expr).filter((r) => targets.includes(r.type));
  if (referenced.length > 0) {
    // Several candidates (a conditional between two vaults): every one must be allowed.
    const regions: string[] = [];
    for (const decl of referenced) {
      const region = resourceRegion(scope.module, decl).value;
      if (typeof region !== 'string') {
        return { reason: region instanceof Unknown ? `the region of ${decl.address} is not known: ${region.reason}` : `the region of ${decl.address} is not a string` };
      }
      regions.push(region);
    }
    return { regions };
  }
  if (evaluated instanceof Unknown) return { reason: evaluated.reason };
  if (typeof evaluated === 'string') return { reason: `the destination "${evaluated}" does not name its region` };
  return { reason: 'the destination is not an ARN' };
}

/**
 * args: `blocks` (dotted nested block path holding the destination, '' for the subject itself),
 * `attribute` (the argument naming the destination), `targets` (resource types a reference may
 * point at to tell the region).
 */
registerPredicate('aws-destination-in-allowed-region', (scope: Scope, args, ctx: EvalContext): Evidence => {
  if (!(scope instanceof TerraformScope)) return { outcome: 'pass', origins: [] };
  const blocks = typeof args.blocks === 'string' ? splitPath(args.blocks) : [];
  const attribute = String(args.attribute ?? '');
  const targets = Array.isArray(args.targets) ? args.targets.map(String) : [];
  const results: Evidence[] = [];
  for (const item of scope.items(blocks)) {
    if (!(item instanceof TerraformScope)) continue;
    const written = getAttribute(item.body, attribute);
    if (!written) continue;
    const destination = destinationRegions(item, written.expr, targets);
    const range = written.expr.range;
    if ('reason' in destination) {
      results.push({ outcome: 'undetermined', range, reason: destination.reason, origins: [], scope: item });
      continue;
    }
    const outside = destination.regions.find((r) => !regionAllowed(r, ctx.config.allowedRegions));
    results.push(outside ? { outcome: 'fail', range, origins: [], scope: item, valueText: outside } : { outcome: 'pass', origins: [] });
  }
  return combineAll(results);
});
