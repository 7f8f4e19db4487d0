/**
 * Whether a pod gets a Kubernetes API token mounted. The pod's `automountServiceAccountToken`
 * decides when written; otherwise its ServiceAccount's does, read when that ServiceAccount is among
 * the manifests deployed with the pod. Both absent means the token is mounted.
 */
import { mapGet } from '../../documents/tree';
import type { Evidence } from '../evaluate';
import { registerPredicate } from './registry';
import { failAt, failMissing, kubernetesSubject, lookupOne, missingCompanion, objectsOfKind, originAt, pass, sameNamespace, undetermined } from './k8s-context';

registerPredicate('k8s-service-account-token-not-mounted', (_scope, _args, ctx): Evidence => {
  const subject = kubernetesSubject(ctx);
  const own = lookupOne(subject, ['automountServiceAccountToken']);
  if (own.state === 'unknown') return undetermined(own, subject);
  if (own.state === 'known') return own.value === false || own.value === 'false' ? pass() : failAt(own, subject, `automountServiceAccountToken is ${String(own.value)}`);
  const name = lookupOne(subject, ['serviceAccountName']);
  const legacyName = lookupOne(subject, ['serviceAccount']);
  const chosen = name.state !== 'absent' ? name : legacyName;
  if (chosen.state === 'unknown') return undetermined(chosen, subject);
  const accountName = chosen.state === 'known' ? String(chosen.value) : 'default';
  const account = objectsOfKind(subject, 'ServiceAccount').find(({ object: o }) => o.name === accountName && sameNamespace(o, subject.object));
  const setting = mapGet(account?.object.root, 'automountServiceAccountToken');
  const failure = failMissing(own, `neither the pod nor service account ${accountName} turns it off`);
  if (!account) return missingCompanion(subject, failure, `ServiceAccount ${accountName}`);
  const origins = originAt(subject, account, setting?.range ?? account.object.headerRange, `ServiceAccount ${accountName}`);
  if (setting?.kind === 'templated') return { outcome: 'undetermined', range: origins.length ? failure.range : setting.range, reason: setting.reason, origins };
  if (setting?.kind === 'scalar' && (setting.value === false || setting.value === 'false')) return pass();
  return { ...failure, origins };
});
