/**
 * The region a resource is created in, from the provider configuration it uses: its `provider`
 * meta-argument (`aws.eu`) or the default for its type prefix, looked up in its module, then
 * through the `providers = { aws = aws.eu }` map of the module call, or inherited from the caller.
 */
import { getAttribute, traversalText } from './blocks';
import { origin } from './eval/context';
import { evaluate } from './evaluate';
import { Unknown, type Evaluated, type ProviderDecl, type ResourceDecl, type TerraformModule } from './types';

type ProviderLookup = { module: TerraformModule; provider: ProviderDecl } | { reason: string };

/** Terraform also forbids deeper module trees; this only bounds a malformed `parent` chain. */
const MAX_HOPS = 32;

export function providerRegion(module: TerraformModule, resource: ResourceDecl): Evaluated {
  const ref = resource.providerRef ?? defaultProviderName(resource.type);
  const found = findProviderConfig(module, ref, 0);
  if ('reason' in found) return { value: new Unknown(found.reason), origins: [] };
  const { provider } = found;
  const label = provider.alias ? `${provider.name}.${provider.alias}` : provider.name;
  const where = origin(provider.file, provider.block, `provider "${label}"`);
  if (!provider.region) {
    const reason = `provider "${label}" sets no region; it comes from the environment (e.g. AWS_REGION) or the profile`;
    return { value: new Unknown(reason, [where]), origins: [where] };
  }
  const evaluated = evaluate(found.module, provider.region.expr);
  const regionOrigin = origin(provider.file, provider.region.expr, `region of provider "${label}"`);
  return { value: evaluated.value, origins: [regionOrigin, ...evaluated.origins] };
}

/** `aws_s3_bucket` uses the provider `aws`; `google_storage_bucket` uses `google`. */
export function defaultProviderName(resourceType: string): string {
  const underscore = resourceType.indexOf('_');
  return underscore < 0 ? resourceType : resourceType.slice(0, underscore);
}

/** `ref` is `aws` or `aws.eu` as seen from `module`. */
function findProviderConfig(module: TerraformModule, ref: string, hops: number): ProviderLookup {
  const [name, alias] = splitRef(ref);
  const own = module.providers.find((p) => p.name === name && p.alias === alias);
  if (own) return { module, provider: own };
  const parent = module.parent;
  if (!parent || hops > MAX_HOPS) {
    return { reason: `no provider "${ref}" configuration in ${module.dir}; the region comes from the environment (e.g. AWS_REGION) or the profile` };
  }
  const passed = getAttribute(parent.call.block.body, 'providers');
  if (passed) {
    if (passed.expr.type !== 'Object') return { reason: `the providers argument of module "${parent.call.name}" is not a literal map` };
    for (const item of passed.expr.items) {
      if (traversalText(item.key) !== ref) continue;
      const given = traversalText(item.value);
      if (given === undefined) return { reason: `the provider passed as "${ref}" to module "${parent.call.name}" is not a provider reference` };
      return findProviderConfig(parent.module, given, hops + 1);
    }
    // An explicit providers map hands over only what it lists.
    return { reason: `module "${parent.call.name}" does not pass a provider "${ref}"` };
  }
  if (alias !== undefined) return { reason: `provider "${ref}" must be passed to module "${parent.call.name}" in its providers argument` };
  return findProviderConfig(parent.module, ref, hops + 1);
}

function splitRef(ref: string): [string, string | undefined] {
  const dot = ref.indexOf('.');
  return dot < 0 ? [ref, undefined] : [ref.slice(0, dot), ref.slice(dot + 1)];
}
