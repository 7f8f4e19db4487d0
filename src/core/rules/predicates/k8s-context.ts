/**
 * What the Kubernetes predicates need beyond one subject's own tree: the pod spec a container
 * inherits from, the pod template's metadata (where legacy annotations live), which container
 * list a container sits in, and the other objects of the deployment. Checks that need other
 * objects (a NetworkPolicy for a Namespace, a LimitRange for a container) search the manifest set
 * the engine attached to the file (see `kubernetes/manifest-set.ts`), or this file alone when
 * there is none.
 */
import type { Range } from '../../text/position';
import { mapEntry, mapGet, type MapNode, type TreeFile, type TreeNode } from '../../documents/tree';
import { kubernetesObjects, type ContainerGroup, type K8sObject } from '../../kubernetes/objects';
import { KubernetesSubject } from '../../subjects/kubernetes-subjects';
import type { Lookup, Scope } from '../../subjects/types';
import type { EngineConfig } from '../../config/types';
import type { EvalContext, Evidence } from '../evaluate';
import type { ValueOrigin } from '../../terraform/types';
import { manifestContextOf } from '../../kubernetes/manifest-set';
import { SideTable } from '../../util/side-table';

export function pass(): Evidence {
  return { outcome: 'pass', origins: [] };
}

export function kubernetesSubject(ctx: EvalContext): KubernetesSubject {
  if (!(ctx.subject instanceof KubernetesSubject)) throw new Error(`a Kubernetes predicate ran on ${ctx.subject.target} subject ${ctx.subject.name}`);
  return ctx.subject;
}

/** The one value at a path that does not fan out (a setting, not a list). */
export function lookupOne(scope: Scope, path: string[]): Lookup {
  const found = scope.resolve(path);
  return found.find((l) => l.state === 'unknown') ?? found.find((l) => l.state === 'known') ?? found[0];
}

export function undetermined(lookup: Lookup & { state: 'unknown' }, scope: Scope): Evidence {
  return { outcome: 'undetermined', range: lookup.range, reason: lookup.reason, origins: lookup.origins, lookup, scope };
}

/** A failure at a written value. */
export function failAt(lookup: Lookup & { state: 'known' }, scope: Scope, valueText: string): Evidence {
  return { outcome: 'fail', range: lookup.range, origins: lookup.origins, lookup, scope, valueText };
}

/** A failure about something missing, pointing at the nearest existing parent. */
export function failMissing(lookup: Lookup & { state: 'absent' }, valueText: string): Evidence {
  return { outcome: 'fail', range: lookup.anchor, origins: [], lookup, scope: lookup.scope, valueText };
}

/**
 * A place a fix must not edit: the remedy needs a choice only the team can make (which user id,
 * which profile name), or the value sits where the fix writers cannot reach (an annotation key with
 * dots). Findings whose evidence carries this scope are reported without a fix.
 */
export class NoFixScope implements Scope {
  readonly handle = { kind: 'no-fix' } as const;

  constructor(readonly headerRange: Range) {}

  resolve(): Lookup[] {
    return [];
  }

  items(): Scope[] {
    return [];
  }
}

export function failWithoutFix(range: Range, lookup: Lookup | undefined, valueText: string): Evidence {
  return { outcome: 'fail', range, origins: [], lookup, scope: new NoFixScope(range), valueText };
}

export function numberValue(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

export function stringValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The list a container is written in: regular, init or ephemeral. */
export function containerGroup(subject: KubernetesSubject): ContainerGroup | undefined {
  return subject.object.podSpec?.containers.find((c) => c.node === subject.node)?.group;
}

export function containerName(subject: KubernetesSubject): string | undefined {
  return subject.object.podSpec?.containers.find((c) => c.node === subject.node)?.name;
}

/** The pod template's `metadata` (a Pod's own metadata), where pod annotations and labels live. */
export function podMetadata(object: K8sObject): MapNode | undefined {
  const podSpec = object.podSpec;
  if (!podSpec) return undefined;
  let node: TreeNode | undefined = object.root;
  for (const segment of [...podSpec.path.slice(0, -1), 'metadata']) node = mapGet(node, segment);
  return node && node.kind === 'map' ? node : undefined;
}

/** An annotation of the pod template as a lookup, so templated values stay unknown. */
export function podAnnotation(object: K8sObject, key: string): { node: TreeNode; keyRange: Range } | undefined {
  const entry = mapEntry(mapGet(podMetadata(object), 'annotations'), key);
  return entry ? { node: entry.value, keyRange: entry.keyRange } : undefined;
}

/** An annotation of the object itself (Ingress, Service). */
export function objectAnnotation(object: K8sObject, key: string): { node: TreeNode; keyRange: Range } | undefined {
  const entry = mapEntry(mapGet(mapGet(object.root, 'metadata'), 'annotations'), key);
  return entry ? { node: entry.value, keyRange: entry.keyRange } : undefined;
}

/**
 * Linux unless the pod says `os.name: windows`, or can only be scheduled on Windows nodes through
 * the well-known `kubernetes.io/os` node label (the usual way before `os` existed). Seccomp,
 * AppArmor, capabilities and privilege escalation are Linux-only.
 */
export function isWindowsPod(podSpec: TreeNode | undefined): boolean {
  const isWindows = (node: TreeNode | undefined) => node?.kind === 'scalar' && String(node.value).trim().toLowerCase() === 'windows';
  if (isWindows(mapGet(mapGet(podSpec, 'os'), 'name'))) return true;
  const nodeSelector = mapGet(podSpec, 'nodeSelector');
  return isWindows(mapGet(nodeSelector, 'kubernetes.io/os')) || isWindows(mapGet(nodeSelector, 'beta.kubernetes.io/os'));
}

/** An object of the deployment and the file it is written in. */
export interface PlacedObject {
  object: K8sObject;
  file: string;
  tree: TreeFile;
}

/** Every object of the subject's manifest set: its own file first, then the files deployed with it. */
export function objectsInManifestSet(subject: KubernetesSubject): PlacedObject[] {
  const own = kubernetesObjects(subject.tree).map((object) => ({ object, file: subject.file, tree: subject.tree }));
  const others = manifestContextOf(subject.tree)?.others ?? [];
  return own.concat(others.flatMap((f) => f.objects.map((object) => ({ object, file: f.path, tree: f.tree }))));
}

/** The set's objects grouped by kind, per parsed file and the manifest context attached to it. */
const setsByKind = new SideTable<TreeFile, { context: unknown; byKind: Map<string, PlacedObject[]> }>('manifest sets by kind');

/**
 * The objects of one kind in the subject's manifest set, in the order of `objectsInManifestSet`.
 * Every subject of a file asks for the same few kinds: grouping once per file keeps a file of
 * thousands of documents linear (filtering the whole set per subject took 30 s for 12,500 pods).
 */
export function objectsOfKind(subject: KubernetesSubject, kind: string): PlacedObject[] {
  const context = manifestContextOf(subject.tree);
  let entry = setsByKind.get(subject.tree);
  if (!entry || entry.context !== context) {
    const byKind = new Map<string, PlacedObject[]>();
    for (const placed of objectsInManifestSet(subject)) {
      const list = byKind.get(placed.object.kind);
      if (list) list.push(placed);
      else byKind.set(placed.object.kind, [placed]);
    }
    entry = { context, byKind };
    setsByKind.set(subject.tree, entry);
  }
  return entry.byKind.get(kind) ?? [];
}

/** Why an object missing from the set might still exist in an unread file; undefined when the set is complete. */
export function manifestSetGap(subject: KubernetesSubject): string | undefined {
  return manifestContextOf(subject.tree)?.incomplete;
}

/**
 * The verdict when a companion object was not found: a failure, or undetermined with the reason
 * when part of the deployment could not be read.
 */
export function missingCompanion(subject: KubernetesSubject, failure: Evidence, what: string): Evidence {
  const gap = manifestSetGap(subject);
  if (!gap) return failure;
  return { outcome: 'undetermined', range: failure.range, reason: `No ${what} was found, but ${gap}`, origins: [] };
}

/** A related location at an object in another file of the set (none for the subject's own file). */
export function originAt(subject: KubernetesSubject, placed: PlacedObject, range: Range, description: string): ValueOrigin[] {
  return placed.file === subject.file ? [] : [{ file: placed.file, range, description: `${description} in ${placed.file.slice(placed.file.lastIndexOf('/') + 1)}` }];
}

/** Two objects are in the same namespace when both name it alike or both leave it to `kubectl -n`. */
export function sameNamespace(a: K8sObject, b: K8sObject): boolean {
  return (a.namespace ?? '') === (b.namespace ?? '');
}

/** Whether labels mark patient data under the configured classification label names and values. */
export function labelsHoldHealthData(labels: Record<string, string>, config: EngineConfig, extraValues: string[] = []): boolean {
  const names = new Set(config.dataClassification.tagNames.map((n) => n.toLowerCase()));
  const values = new Set([...config.dataClassification.healthValues, ...extraValues].map((v) => v.toLowerCase()));
  return Object.entries(labels).some(([k, v]) => names.has(k.toLowerCase()) && values.has(String(v).toLowerCase()));
}

/** Plain string labels of a metadata map (templated values left out). */
export function labelsOf(metadata: TreeNode | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const labels = mapGet(metadata, 'labels');
  if (!labels || labels.kind !== 'map') return out;
  for (const entry of labels.entries) {
    if (entry.value.kind === 'scalar' && entry.value.value !== null) {
      Object.defineProperty(out, entry.key, { value: String(entry.value.value), enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}
