/**
 * Security settings a container inherits from its pod. `runAsUser`, `runAsGroup`, `runAsNonRoot`,
 * `seLinuxOptions`, `seccompProfile`, `appArmorProfile` and `windowsOptions` may be written in the
 * pod's `securityContext` and in each container's; the container's own setting wins. The kubelet
 * replaces whole structs (a container's `seccompProfile` hides the pod's entirely), except
 * `windowsOptions`, whose fields override one by one.
 */
import type { ValueTest } from '../condition-types';
import type { EngineConfig } from '../../config/types';
import type { KubernetesSubject } from '../../subjects/kubernetes-subjects';
import type { Lookup, Scope } from '../../subjects/types';
import { combineAll, splitPath, type Evidence } from '../evaluate';
import { applyOperators } from '../operators';
import { registerPredicate } from './registry';
import {
  containerName,
  failAt,
  failMissing,
  failWithoutFix,
  isWindowsPod,
  kubernetesSubject,
  lookupOne,
  numberValue,
  pass,
  podAnnotation,
  undetermined,
} from './k8s-context';

export interface EffectiveSetting {
  /** Where the value in force is written; `unset` when neither the container nor the pod says. */
  level: 'container' | 'pod' | 'unset';
  /** The value at that level (absent when unset, unknown when a template writes it). */
  lookup: Lookup;
  /** Where a fix writes: the level that decides, or the subject itself when nothing is written. */
  scope: Scope;
}

/** How many path segments make up the unit a container overrides (a struct, or one Windows field). */
function overrideDepth(path: string[]): number {
  return path[0] === 'windowsOptions' ? 2 : 1;
}

/**
 * The setting in force for a container (its own, else its pod's) or for a pod subject. `path` is
 * relative to `securityContext`, e.g. `['seccompProfile', 'type']`.
 */
export function effectiveSetting(subject: KubernetesSubject, path: string[]): EffectiveSetting {
  const full = ['securityContext', ...path];
  const unit = full.slice(0, 1 + overrideDepth(path));
  const levels: Array<{ level: 'container' | 'pod'; scope: Scope }> = [];
  if (subject.scope === 'container') levels.push({ level: 'container', scope: subject });
  if (subject.pod) levels.push({ level: 'pod', scope: subject.pod });
  for (const { level, scope } of levels) {
    const written = lookupOne(scope, unit);
    if (written.state === 'absent') continue;
    if (written.state === 'unknown') return { level, lookup: written, scope };
    return { level, lookup: lookupOne(scope, full), scope };
  }
  return { level: 'unset', lookup: lookupOne(subject, full), scope: subject };
}

function describe(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Applies a value test to the setting in force; an absent setting takes the test's `default`. */
export function judgeSetting(setting: EffectiveSetting, test: ValueTest, config: EngineConfig): Evidence {
  const { lookup, scope } = setting;
  if (lookup.state === 'unknown') return undetermined(lookup, scope);
  const verdict = applyOperators(test, lookup.state === 'known' ? lookup.value : test.default, config);
  if (verdict === true) return pass();
  if (verdict !== false) {
    const range = lookup.state === 'known' ? lookup.range : lookup.anchor;
    return { outcome: 'undetermined', range, reason: verdict.undetermined, origins: [], scope };
  }
  return lookup.state === 'known' ? failAt(lookup, scope, describe(lookup.value)) : failMissing(lookup, 'not set');
}

/** `args` is a value test whose `path` is relative to `securityContext`. */
registerPredicate('k8s-effective-security-context', (_scope, args, ctx): Evidence => {
  const test = args as unknown as ValueTest;
  if (typeof test.path !== 'string' || test.path === '') throw new Error('k8s-effective-security-context needs args.path');
  const subject = kubernetesSubject(ctx);
  return judgeSetting(effectiveSetting(subject, splitPath(test.path)), test, ctx.config);
});

/**
 * Runs as a non-root user: the user id in force is above 0, or `runAsNonRoot` in force is true
 * (the kubelet then refuses to start an image whose user is root). An explicit user 0 fails even
 * beside `runAsNonRoot: true`, and carries no fix: only the team knows which user the image needs.
 */
registerPredicate('k8s-runs-as-non-root', (_scope, _args, ctx): Evidence => {
  const subject = kubernetesSubject(ctx);
  const user = effectiveSetting(subject, ['runAsUser']);
  if (user.lookup.state === 'unknown') return undetermined(user.lookup, user.scope);
  const uid = user.lookup.state === 'known' ? numberValue(user.lookup.value) : undefined;
  if (uid === 0 && user.lookup.state === 'known') return failWithoutFix(user.lookup.range, user.lookup, 'runAsUser 0');
  if (uid !== undefined && uid > 0) return pass();
  const nonRoot = effectiveSetting(subject, ['runAsNonRoot']);
  const verdict = judgeSetting(nonRoot, { path: 'runAsNonRoot', equals: true }, ctx.config);
  if (verdict.outcome !== 'fail') return verdict;
  return { ...verdict, valueText: nonRoot.lookup.state === 'known' ? `runAsNonRoot ${describe(nonRoot.lookup.value)}` : 'neither runAsNonRoot nor runAsUser is set' };
});

/**
 * No root group: the group id in force, the pod's `fsGroup` and its `supplementalGroups` are not
 * 0. Absent values pass (the Pod Security Standards' optional control reads the same way).
 */
registerPredicate('k8s-no-root-group', (_scope, _args, ctx): Evidence => {
  const subject = kubernetesSubject(ctx);
  const results: Evidence[] = [];
  const group = effectiveSetting(subject, ['runAsGroup']);
  results.push(rootIdCheck(group.lookup, group.scope, 'runAsGroup 0'));
  if (subject.pod) {
    const fsGroup = lookupOne(subject.pod, ['securityContext', 'fsGroup']);
    results.push(rootIdCheck(fsGroup, subject.pod, 'fsGroup 0'));
    for (const item of subject.pod.items(['securityContext', 'supplementalGroups'])) {
      results.push(rootIdCheck(lookupOne(item, []), item, 'supplemental group 0'));
    }
  }
  return combineAll(results);
});

function rootIdCheck(lookup: Lookup, scope: Scope, valueText: string): Evidence {
  if (lookup.state === 'unknown') return undetermined(lookup, scope);
  // The scope is where the 0 is written (container, pod or the supplementalGroups item), so a fix
  // can replace it with the user id written there or remove the list item.
  if (lookup.state === 'known' && numberValue(lookup.value) === 0) return failAt(lookup, scope, valueText);
  return pass();
}

const CONFINED_SECCOMP = ['RuntimeDefault', 'Localhost'];
const LEGACY_SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const LEGACY_SECCOMP_CONTAINER = 'container.seccomp.security.alpha.kubernetes.io/';

/**
 * A RuntimeDefault or Localhost seccomp profile is in force. The alpha annotations that predate
 * the field are ignored by current Kubernetes versions, so they do not count; the finding says so.
 * Windows pods have no seccomp and pass.
 */
registerPredicate('k8s-seccomp-confined', (_scope, _args, ctx): Evidence => {
  const subject = kubernetesSubject(ctx);
  if (isWindowsPod(subject.pod?.node)) return pass();
  const setting = effectiveSetting(subject, ['seccompProfile', 'type']);
  const verdict = judgeSetting(setting, { path: 'seccompProfile.type', oneOf: CONFINED_SECCOMP }, ctx.config);
  if (verdict.outcome !== 'fail' || setting.lookup.state !== 'absent') return verdict;
  const name = containerName(subject);
  const legacy = podAnnotation(subject.object, LEGACY_SECCOMP_POD) ?? (name ? podAnnotation(subject.object, LEGACY_SECCOMP_CONTAINER + name) : undefined);
  return legacy ? { ...verdict, valueText: 'only the deprecated seccomp annotation, which current Kubernetes versions ignore' } : verdict;
});

const APPARMOR_CONTAINER = 'container.apparmor.security.beta.kubernetes.io/';

/**
 * AppArmor is not switched off: neither the `appArmorProfile` in force nor the container's
 * (deprecated) annotation says unconfined. Absent settings leave the runtime's default profile on.
 */
registerPredicate('k8s-apparmor-not-unconfined', (_scope, _args, ctx): Evidence => {
  const subject = kubernetesSubject(ctx);
  if (isWindowsPod(subject.pod?.node)) return pass();
  const field = judgeSetting(effectiveSetting(subject, ['appArmorProfile', 'type']), { path: 'appArmorProfile.type', notEquals: 'Unconfined' }, ctx.config);
  const name = containerName(subject);
  const annotation = name ? podAnnotation(subject.object, APPARMOR_CONTAINER + name) : undefined;
  let legacy: Evidence = pass();
  if (annotation) {
    const node = annotation.node;
    if (node.kind === 'templated') legacy = { outcome: 'undetermined', range: node.range, reason: node.reason, origins: [] };
    else if (node.kind === 'scalar' && String(node.value).trim().toLowerCase() === 'unconfined') {
      legacy = failWithoutFix(node.range, undefined, 'its annotation says unconfined');
    }
  }
  return combineAll([field, legacy]);
});
