/**
 * CPU and memory requests and limits of a container. A limit without a request also sets the
 * request (Kubernetes copies it), and a LimitRange of the namespace may fill in defaults at
 * admission; LimitRanges are looked for among the manifests deployed with the workload.
 */
import type { K8sObject } from '../../kubernetes/objects';
import { mapGet, type TreeNode } from '../../documents/tree';
import type { Evidence } from '../evaluate';
import { registerPredicate } from './registry';
import { failMissing, kubernetesSubject, lookupOne, missingCompanion, objectsOfKind, pass, sameNamespace, undetermined } from './k8s-context';

type Kind = 'requests' | 'limits';

/** Whether a LimitRange item for containers gives a default for the resource. */
function limitRangeDefault(limitRange: K8sObject, kind: Kind, resource: string): boolean {
  const limits = mapGet(mapGet(limitRange.root, 'spec'), 'limits');
  if (!limits || limits.kind !== 'seq') return false;
  const defaults = kind === 'limits' ? ['default'] : ['defaultRequest', 'default'];
  return limits.items.some((item: TreeNode) => {
    const type = mapGet(item, 'type');
    if (!type || type.kind !== 'scalar' || type.value !== 'Container') return false;
    return defaults.some((key) => mapGet(mapGet(item, key), resource) !== undefined);
  });
}

registerPredicate('k8s-container-resource-set', (_scope, args, ctx): Evidence => {
  const kind = args.kind as Kind;
  const resource = String(args.resource ?? '');
  if ((kind !== 'requests' && kind !== 'limits') || resource === '') throw new Error('k8s-container-resource-set needs args.kind and args.resource');
  const subject = kubernetesSubject(ctx);
  const own = lookupOne(subject, ['resources', kind, resource]);
  if (own.state === 'known') return pass();
  if (own.state === 'unknown') return undetermined(own, subject);
  if (kind === 'requests') {
    const fromLimit = lookupOne(subject, ['resources', 'limits', resource]);
    if (fromLimit.state === 'known') return pass();
    if (fromLimit.state === 'unknown') return undetermined(fromLimit, subject);
  }
  const defaulted = objectsOfKind(subject, 'LimitRange').some(({ object: o }) => sameNamespace(o, subject.object) && limitRangeDefault(o, kind, resource));
  if (defaulted) return pass();
  return missingCompanion(subject, failMissing(own, `no ${resource} ${kind === 'requests' ? 'request' : 'limit'}`), `${resource} ${kind} and no LimitRange default`);
});
