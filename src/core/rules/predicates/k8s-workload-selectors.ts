/**
 * Conditions for `select.when` that say which workloads or containers a rule is about: the
 * containers that serve for a long time (probes make sense there), the container lists that may
 * carry a given field, and workloads labelled as holding patient data.
 */
import type { Evidence } from '../evaluate';
import { registerPredicate } from './registry';
import { containerGroup, isWindowsPod, kubernetesSubject, labelsHoldHealthData, labelsOf, pass, podMetadata } from './k8s-context';
import { mapGet } from '../../documents/tree';

function verdict(holds: boolean, headerRange: Evidence['range']): Evidence {
  return holds ? pass() : { outcome: 'fail', range: headerRange, origins: [] };
}

const BATCH_KINDS = new Set(['Job', 'CronJob']);
const ENDS_ON_ITS_OWN = new Set(['Never', 'OnFailure']);

/**
 * A container that keeps serving: a regular container (or a restartable init "sidecar") of a
 * workload that is not a Job, CronJob or a bare Pod that is meant to run to completion.
 */
registerPredicate('k8s-long-running-container', (_scope, _args, ctx): Evidence => {
  const subject = kubernetesSubject(ctx);
  if (subject.scope !== 'container' || BATCH_KINDS.has(subject.object.kind)) return verdict(false, subject.headerRange);
  const group = containerGroup(subject);
  const restart = mapGet(subject.node, 'restartPolicy');
  const sidecar = group === 'initContainers' && restart?.kind === 'scalar' && restart.value === 'Always';
  if (group !== 'containers' && !sidecar) return verdict(false, subject.headerRange);
  const podRestart = mapGet(subject.pod?.node, 'restartPolicy');
  const runsToCompletion = subject.object.kind === 'Pod' && podRestart?.kind === 'scalar' && ENDS_ON_ITS_OWN.has(String(podRestart.value));
  return verdict(!runsToCompletion, subject.headerRange);
});

/** The container sits in one of `args.groups` (`containers`, `initContainers`, `ephemeralContainers`). */
registerPredicate('k8s-container-in-groups', (_scope, args, ctx): Evidence => {
  const groups = Array.isArray(args.groups) ? args.groups.map(String) : [];
  if (groups.length === 0) throw new Error('k8s-container-in-groups needs args.groups');
  const subject = kubernetesSubject(ctx);
  const group = containerGroup(subject);
  return verdict(group !== undefined && groups.includes(group), subject.headerRange);
});

/**
 * The object or its pod template carries a data-classification label (configured names) with a
 * patient-data value, or one of `args.extraValues` (e.g. `clinical`).
 */
registerPredicate('k8s-labelled-health-data', (_scope, args, ctx): Evidence => {
  const subject = kubernetesSubject(ctx);
  const extra = Array.isArray(args.extraValues) ? args.extraValues.map(String) : [];
  const own = labelsHoldHealthData(subject.object.labels, ctx.config, extra);
  const template = labelsHoldHealthData(labelsOf(podMetadata(subject.object)), ctx.config, extra);
  return verdict(own || template, subject.headerRange);
});

/**
 * A Linux pod (anything but `os.name: windows`): capabilities, seccomp, AppArmor, SELinux,
 * `procMount` and a read-only root filesystem mean nothing on Windows nodes.
 */
registerPredicate('k8s-linux-pod', (_scope, _args, ctx): Evidence => {
  const subject = kubernetesSubject(ctx);
  return verdict(!isWindowsPod(subject.pod?.node), subject.headerRange);
});
