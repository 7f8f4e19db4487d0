/**
 * Enough replicas for a service that must stay up: `spec.replicas` (1 when absent), or, when a
 * HorizontalPodAutoscaler deployed with the workload scales it, its `minReplicas` (1 when absent),
 * since the autoscaler then owns the replica count.
 */
import { mapGet } from '../../documents/tree';
import type { K8sObject } from '../../kubernetes/objects';
import { TreeScope } from '../../subjects/tree-scope';
import type { KubernetesSubject } from '../../subjects/kubernetes-subjects';
import type { Lookup } from '../../subjects/types';
import type { Evidence } from '../evaluate';
import { registerPredicate } from './registry';
import {
  NoFixScope,
  failAt,
  failMissing,
  kubernetesSubject,
  lookupOne,
  missingCompanion,
  numberValue,
  objectsOfKind,
  originAt,
  pass,
  sameNamespace,
  undetermined,
  type PlacedObject,
} from './k8s-context';

function scalesTarget(hpa: K8sObject, target: K8sObject): boolean {
  const ref = mapGet(mapGet(hpa.root, 'spec'), 'scaleTargetRef');
  const kind = mapGet(ref, 'kind');
  const name = mapGet(ref, 'name');
  return kind?.kind === 'scalar' && kind.value === target.kind && name?.kind === 'scalar' && name.value === target.name && sameNamespace(hpa, target);
}

/** How many replicas a workload keeps at least, and which setting says so. */
export type ReplicaFloor =
  | { state: 'unknown'; evidence: Evidence }
  | { state: 'known'; count: number | undefined; autoscaler?: PlacedObject; lookup: Lookup };

export function replicaFloor(subject: KubernetesSubject): ReplicaFloor {
  const autoscaler = objectsOfKind(subject, 'HorizontalPodAutoscaler').find(({ object }) => scalesTarget(object, subject.object));
  if (autoscaler) {
    const hpa = new TreeScope(autoscaler.tree, autoscaler.object.root, autoscaler.object.headerRange);
    const floor = lookupOne(hpa, ['spec', 'minReplicas']);
    if (floor.state === 'unknown') return { state: 'unknown', evidence: { ...undetermined(floor, hpa), range: autoscaler.file === subject.file ? floor.range : subject.headerRange } };
    return { state: 'known', count: floor.state === 'known' ? numberValue(floor.value) : 1, autoscaler, lookup: floor };
  }
  const replicas = lookupOne(subject, ['spec', 'replicas']);
  if (replicas.state === 'unknown') return { state: 'unknown', evidence: undetermined(replicas, subject) };
  return { state: 'known', count: replicas.state === 'known' ? numberValue(replicas.value) : 1, lookup: replicas };
}

registerPredicate('k8s-min-replicas', (_scope, args, ctx): Evidence => {
  const min = typeof args.min === 'number' ? args.min : 2;
  const subject = kubernetesSubject(ctx);
  const floor = replicaFloor(subject);
  if (floor.state === 'unknown') return floor.evidence;
  if (floor.count !== undefined && floor.count >= min) return pass();
  const { autoscaler, lookup } = floor;
  if (autoscaler) {
    const at = lookup.state === 'known' ? lookup.range : autoscaler.object.headerRange;
    const origins = originAt(subject, autoscaler, at, `HorizontalPodAutoscaler ${autoscaler.object.name}`);
    // An autoscaler in another file: the finding stays on the workload and points there.
    const range = origins.length ? subject.headerRange : at;
    // The fix writes `spec.replicas` of the workload, which the autoscaler would override.
    return { outcome: 'fail', range, origins, scope: new NoFixScope(range), valueText: `autoscaler minReplicas ${floor.count ?? 1}` };
  }
  const failure = lookup.state === 'known' ? failAt(lookup, subject, String(lookup.value)) : lookup.state === 'absent' ? failMissing(lookup, 'replicas not set, so 1') : undefined;
  if (!failure) return pass();
  return missingCompanion(subject, failure, 'HorizontalPodAutoscaler raising the replica count');
});

/** The workload keeps at least `args.min` replicas (for `select.when`: rules about replicated services). */
registerPredicate('k8s-replicas-at-least', (_scope, args, ctx): Evidence => {
  const min = typeof args.min === 'number' ? args.min : 2;
  const subject = kubernetesSubject(ctx);
  const floor = replicaFloor(subject);
  if (floor.state === 'unknown') return floor.evidence;
  return floor.count !== undefined && floor.count >= min ? pass() : { outcome: 'fail', range: subject.headerRange, origins: [] };
});
