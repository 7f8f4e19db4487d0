/**
 * Enough replicas for a service that must stay up: `spec.replicas` (1 when absent), or, when a
 * HorizontalPodAutoscaler in the same file scales the workload, its `minReplicas` (1 when absent),
 * since the autoscaler then owns the replica count.
 */
import { mapGet } from '../../documents/tree';
import type { K8sObject } from '../../kubernetes/objects';
import { TreeScope } from '../../subjects/tree-scope';
import type { Evidence } from '../evaluate';
import { registerPredicate } from './registry';
import { NoFixScope, failAt, failMissing, kubernetesSubject, lookupOne, numberValue, objectsInFile, pass, sameNamespace, undetermined } from './k8s-context';

function scalesTarget(hpa: K8sObject, target: K8sObject): boolean {
  const ref = mapGet(mapGet(hpa.root, 'spec'), 'scaleTargetRef');
  const kind = mapGet(ref, 'kind');
  const name = mapGet(ref, 'name');
  return kind?.kind === 'scalar' && kind.value === target.kind && name?.kind === 'scalar' && name.value === target.name && sameNamespace(hpa, target);
}

registerPredicate('k8s-min-replicas', (_scope, args, ctx): Evidence => {
  const min = typeof args.min === 'number' ? args.min : 2;
  const subject = kubernetesSubject(ctx);
  const autoscaler = objectsInFile(subject).find((o) => o.kind === 'HorizontalPodAutoscaler' && scalesTarget(o, subject.object));
  if (autoscaler) {
    const hpa = new TreeScope(subject.tree, autoscaler.root, autoscaler.headerRange);
    const floor = lookupOne(hpa, ['spec', 'minReplicas']);
    if (floor.state === 'unknown') return undetermined(floor, hpa);
    const value = floor.state === 'known' ? numberValue(floor.value) : 1;
    if (value !== undefined && value >= min) return pass();
    const range = floor.state === 'known' ? floor.range : autoscaler.headerRange;
    // The fix writes `spec.replicas` of the workload, which the autoscaler would override.
    return { outcome: 'fail', range, origins: [], scope: new NoFixScope(range), valueText: `autoscaler minReplicas ${value ?? 1}` };
  }
  const replicas = lookupOne(subject, ['spec', 'replicas']);
  if (replicas.state === 'unknown') return undetermined(replicas, subject);
  if (replicas.state === 'absent') return failMissing(replicas, 'replicas not set, so 1');
  const count = numberValue(replicas.value);
  return count !== undefined && count >= min ? pass() : failAt(replicas, subject, String(replicas.value));
});
