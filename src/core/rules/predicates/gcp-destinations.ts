/**
 * Finding the resources that data is copied to (BigQuery datasets, Pub/Sub topics, buckets, log
 * buckets) anywhere in the loaded module tree, and telling where they keep the data.
 */
import type { Range } from '../../text/position';
import type { Expression } from '../../hcl/ast';
import type { Scope } from '../../subjects/types';
import { TerraformScope } from '../../subjects/terraform-scope';
import { evaluate, getAttribute, instancesOf, modulesInTree, referencedResources, rootOf, Unknown, type ResourceDecl, type TerraformModule, type ValueOrigin } from '../../terraform';
import type { Evidence } from '../evaluate';
import { regionAllowed } from '../operators';
import { blockInstances, single } from './gcp-scopes';

/** BigQuery's location when a dataset does not name one. */
export const BIGQUERY_DEFAULT_LOCATION = 'US';

export interface Destination {
  module: TerraformModule;
  resource: ResourceDecl;
}

export function allResources(module: TerraformModule, type: string): Destination[] {
  return modulesInTree(rootOf(module)).flatMap((m) => m.resources.filter((r) => r.type === type).map((resource) => ({ module: m, resource })));
}

/** The value of one argument of a destination resource, the same for all its instances or unknown. */
export function argumentOf(dest: Destination, name: string): { value: unknown; origins: ValueOrigin[]; written: boolean } {
  const attribute = getAttribute(dest.resource.block.body, name);
  if (!attribute) return { value: undefined, origins: [], written: false };
  const origin: ValueOrigin = { file: dest.resource.file, range: attribute.expr.range, description: `${name} of ${dest.resource.address}` };
  const values = instancesOf(dest.module, dest.resource).map((scope) => evaluate(dest.module, attribute.expr, scope));
  if (values.length === 0) return { value: undefined, origins: [origin], written: true };
  const first = values[0];
  const agree = values.every((v) => JSON.stringify(v.value) === JSON.stringify(first.value));
  return { value: agree ? first.value : new Unknown(`instances of ${dest.resource.address} differ`), origins: [origin, ...first.origins], written: true };
}

/** The resource of one of `types` that an expression refers to, if any. */
export function referencedDestination(module: TerraformModule, expr: Expression, types: string[]): Destination | undefined {
  const decl = referencedResources(module, expr).find((r) => types.includes(r.type));
  if (!decl) return undefined;
  return allResources(module, decl.type).find((d) => d.resource === decl);
}

/** The resource of `type` whose `nameArgument` evaluates to `name`. */
export function destinationNamed(module: TerraformModule, type: string, nameArgument: string, name: string): Destination | undefined {
  return allResources(module, type).find((d) => argumentOf(d, nameArgument).value === name);
}

export function failAtSetting(range: Range, scope: Scope, origins: ValueOrigin[], valueText: string): Evidence {
  return { outcome: 'fail', range, scope, origins, valueText };
}

export function notDefinedHere(range: Range, scope: Scope, what: string): Evidence {
  return { outcome: 'undetermined', range, scope, origins: [], reason: `${what} is not defined in this configuration, so its location cannot be checked` };
}

/**
 * Whether a destination with a location argument keeps data in an allowed location. `fallback`
 * is the platform's location when the argument is left out (BigQuery's US), if it has one.
 */
export function locationVerdict(dest: Destination, argument: string, allowed: string[], fallback?: string): { ok: true } | { ok: false; text: string; origins: ValueOrigin[] } | { unknown: string; origins: ValueOrigin[] } {
  const location = argumentOf(dest, argument);
  const value = location.written ? location.value : fallback;
  if (value instanceof Unknown) return { unknown: value.reason, origins: location.origins };
  if (value === undefined) return { unknown: `${dest.resource.address} has no ${argument}`, origins: [] };
  if (typeof value === 'string' && regionAllowed(value, allowed)) return { ok: true };
  const where = location.written ? `"${String(value)}"` : `the ${String(value)} multi-region (no ${argument} set)`;
  return { ok: false, text: `${dest.resource.address} in ${where}`, origins: location.origins };
}

/** Pub/Sub topics: the regions their message storage policy allows, or why that is not enough. */
export function topicVerdict(dest: Destination, allowed: string[]): { ok: true } | { ok: false; text: string; origins: ValueOrigin[] } | { unknown: string; origins: ValueOrigin[] } {
  const scope = new TerraformScope(dest.module, dest.resource.file, dest.resource.block, dest.resource.block.body, instancesOf(dest.module, dest.resource)[0] ?? {});
  const regions = blockInstances(scope, 'message_storage_policy').map((p) => single(p, 'allowed_persistence_regions'))[0];
  if (!regions || regions.state === 'absent') return { ok: false, text: `Pub/Sub topic ${dest.resource.address} without a message storage policy`, origins: [] };
  if (regions.state === 'unknown') return { unknown: regions.reason, origins: regions.origins };
  const list = Array.isArray(regions.value) ? regions.value : [regions.value];
  const outside = list.filter((r) => typeof r !== 'string' || !regionAllowed(r, allowed));
  if (outside.length === 0 && list.length > 0) return { ok: true };
  const origins: ValueOrigin[] = [{ file: dest.resource.file, range: regions.range, description: `allowed_persistence_regions of ${dest.resource.address}` }, ...regions.origins];
  return { ok: false, text: `Pub/Sub topic ${dest.resource.address} storing messages in ${outside.map((r) => JSON.stringify(r)).join(', ') || 'no listed region'}`, origins };
}
