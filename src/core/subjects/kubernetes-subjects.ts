/** Kubernetes objects as subjects: the object, its pod spec, and each of its containers. */
import type { TreeFile } from '../documents/tree';
import { unplacedShape, type K8sObject } from '../kubernetes/objects';
import type { Subject } from './types';
import { TreeScope, itemHeader, type TreeSite } from './tree-scope';

export class KubernetesSubject extends TreeScope implements Subject {
  readonly target = 'kubernetes' as const;
  /** Document, scope and name: what tells this subject apart across lints of one file (see `incremental-kubernetes.ts`). */
  readonly memoKey: string;

  constructor(
    tree: TreeFile,
    site: TreeSite | (() => TreeSite),
    readonly file: string,
    readonly type: string,
    readonly name: string,
    readonly tags: Record<string, string>,
    readonly scope: 'object' | 'pod' | 'container',
    readonly aliases: readonly string[],
    readonly object: K8sObject,
    /** For container subjects: the pod spec they inherit settings from. */
    readonly pod?: TreeScope,
  ) {
    super(tree, site);
    this.memoKey = `${object.documentIndex}\u0000${scope}\u0000${name}`;
  }
}

function objectName(object: K8sObject): string {
  return object.namespace ? `${object.kind} ${object.namespace}/${object.name || '(unnamed)'}` : `${object.kind} ${object.name || '(unnamed)'}`;
}

/**
 * Subjects of objects whose document is not yet copied after an edit (`unplacedShape`) find their
 * nodes on first use, so that building them copies nothing; the others are placed at once.
 */
export function kubernetesSubjects(file: TreeFile, path: string, objects: K8sObject[]): KubernetesSubject[] {
  const subjects: KubernetesSubject[] = [];
  for (const object of objects) {
    const shape = unplacedShape(object);
    const site = shape === object ? (find: () => TreeSite) => find() : (find: () => TreeSite) => find;
    const name = objectName(object);
    const tags = object.labels ?? {};
    subjects.push(new KubernetesSubject(file, site(() => ({ node: object.root, headerRange: object.headerRange })), path, object.kind, name, tags, 'object', [], object));
    const pod = shape.podSpec;
    if (!pod) continue;
    const podSite = site(() => ({ node: object.podSpec!.spec, headerRange: object.podSpec!.spec.keyRange ?? object.headerRange }));
    const podScope = new TreeScope(file, podSite);
    subjects.push(new KubernetesSubject(file, podSite, path, object.kind, name, tags, 'pod', ['Workload'], object, podScope));
    pod.containers.forEach((container, at) => {
      const containerName = container.name ?? '(unnamed)';
      const containerSite = site(() => {
        const node = object.podSpec!.containers[at].node;
        return { node, headerRange: itemHeader(node) ?? podScope.headerRange };
      });
      subjects.push(new KubernetesSubject(file, containerSite, path, object.kind, `container "${containerName}" in ${name}`, tags, 'container', ['Workload'], object, podScope));
    });
  }
  return subjects;
}
