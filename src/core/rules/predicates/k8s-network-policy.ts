/**
 * NetworkPolicies. A namespace holding patient data should start from "deny all ingress" (a policy
 * selecting every pod with no ingress rule), looked for among the manifests deployed with the
 * Namespace. Separately, an ingress rule without `from` (or with an ipBlock of 0.0.0.0/0) admits
 * traffic from anywhere.
 */
import { mapEntry, mapGet, type TreeNode } from '../../documents/tree';
import { TreeScope } from '../../subjects/tree-scope';
import type { K8sObject } from '../../kubernetes/objects';
import { combineAll, type Evidence } from '../evaluate';
import { isPublicCidr } from '../operators';
import { registerPredicate } from './registry';
import { NoFixScope, kubernetesSubject, lookupOne, missingCompanion, objectsOfKind, pass } from './k8s-context';

function scalarList(node: TreeNode | undefined): string[] | undefined {
  if (!node) return undefined;
  if (node.kind !== 'seq') return [];
  return node.items.filter((i) => i.kind === 'scalar').map((i) => String((i as { value: unknown }).value));
}

function isEmptyMap(node: TreeNode | undefined): boolean {
  if (!node) return false;
  if (node.kind === 'scalar') return node.value === null;
  if (node.kind !== 'map') return false;
  return node.entries.every((e) => {
    const v = e.value;
    return (v.kind === 'map' && v.entries.length === 0) || (v.kind === 'seq' && v.items.length === 0) || (v.kind === 'scalar' && v.value === null);
  });
}

/** Whether a policy governs ingress: listed in policyTypes, or implied when policyTypes is absent. */
function governsIngress(spec: TreeNode | undefined): boolean {
  const types = scalarList(mapGet(spec, 'policyTypes'));
  return types === undefined || types.includes('Ingress');
}

/** A policy that selects every pod and allows no ingress: the namespace's default deny. */
export function isDefaultDenyIngress(policy: K8sObject): boolean {
  const spec = mapGet(policy.root, 'spec');
  if (!isEmptyMap(mapGet(spec, 'podSelector'))) return false;
  if (!governsIngress(spec)) return false;
  const ingress = mapGet(spec, 'ingress');
  return ingress === undefined || (ingress.kind === 'seq' && ingress.items.length === 0) || (ingress.kind === 'scalar' && ingress.value === null);
}

registerPredicate('k8s-namespace-default-deny-ingress', (_scope, _args, ctx): Evidence => {
  const subject = kubernetesSubject(ctx);
  const namespace = subject.object.name;
  // A policy without a namespace deployed with the Namespace is taken to be applied into it.
  const covered = objectsOfKind(subject, 'NetworkPolicy').some(
    ({ object: o }) => (o.namespace === undefined || o.namespace === namespace) && isDefaultDenyIngress(o),
  );
  if (covered) return pass();
  return missingCompanion(subject, { outcome: 'fail', range: subject.headerRange, origins: [], scope: subject, valueText: namespace }, 'default-deny ingress NetworkPolicy');
});

/**
 * Each ingress rule names its sources. A rule without `from` (or with an empty list) admits every
 * source; the fix narrows it to pods of the same namespace. An ipBlock of 0.0.0.0/0 is reported
 * without a fix: which networks should remain is the team's call.
 */
registerPredicate('k8s-network-policy-ingress-sources', (_scope, _args, ctx): Evidence => {
  const subject = kubernetesSubject(ctx);
  const spec = mapGet(subject.object.root, 'spec');
  if (!governsIngress(spec)) return pass();
  const results: Evidence[] = [];
  for (const rule of subject.items(['spec', 'ingress'])) {
    // Only whether sources are listed matters here, so templated label values inside them do not
    // make the rule unknown; a templated `from` (or a template line that may add one) does.
    const node = rule instanceof TreeScope ? rule.node : undefined;
    const from = mapEntry(node, 'from')?.value;
    if (from?.kind === 'templated') {
      results.push({ outcome: 'undetermined', range: from.range, reason: from.reason, origins: [] });
      continue;
    }
    const hidden = from === undefined && node?.kind === 'map' ? node.templated?.[0] : from?.kind === 'seq' && from.items.length === 0 ? from.templated?.[0] : undefined;
    if (hidden) {
      results.push({ outcome: 'undetermined', range: hidden.range, reason: hidden.reason, origins: [] });
      continue;
    }
    if (from === undefined || (from.kind === 'seq' && from.items.length === 0) || (from.kind === 'scalar' && from.value === null)) {
      // Point at the rule's first key (`ports`), or at `{}` for an empty rule.
      const at = node?.kind === 'map' ? node.entries[0]?.keyRange ?? node.range : rule.headerRange;
      results.push({ outcome: 'fail', range: at, origins: [], scope: rule, valueText: 'an ingress rule without sources' });
      continue;
    }
    for (const peer of rule.items(['from'])) {
      const cidr = lookupOne(peer, ['ipBlock', 'cidr']);
      // Carving private ranges out with `except` still leaves the whole internet allowed.
      if (cidr.state === 'known' && isPublicCidr(cidr.value)) {
        results.push({ outcome: 'fail', range: cidr.range, origins: [], lookup: cidr, scope: new NoFixScope(cidr.range), valueText: String(cidr.value) });
      }
    }
  }
  return results.length ? combineAll(results) : pass();
});
