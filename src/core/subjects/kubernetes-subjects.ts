/** Kubernetes objects as subjects: the object, its pod spec, and each of its containers. */
import type { Range } from '../text/position';
import type { TreeFile, TreeNode } from '../documents/tree';
import type { K8sObject } from '../kubernetes/objects';
import type { Subject } from './types';
import { TreeScope, itemHeader } from './tree-scope';

export class KubernetesSubject extends TreeScope implements Subject {
  readonly target = 'kubernetes' as const;
  /** Document, scope and name: what tells this subject apart across lints of one file (see `incremental-kubernetes.ts`). */
  readonly memoKey: string;

  constructor(
    tree: TreeFile,
    node: TreeNode,
    headerRange: Range,
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
    super(tree, node, headerRange);
    this.memoKey = `${object.documentIndex}\u0000${scope}\u0000${name}`;
  }
}

function objectName(object: K8sObject): string {
  return object.namespace ? `${object.kind} ${object.namespace}/${object.name || '(unnamed)'}` : `${object.kind} ${object.name || '(unnamed)'}`;
}

export function kubernetesSubjects(file: TreeFile, path: string, objects: K8sObject[]): KubernetesSubject[] {
  const subjects: KubernetesSubject[] = [];
  for (const object of objects) {
    const name = objectName(object);
    const tags = object.labels ?? {};
    subjects.push(new KubernetesSubject(file, object.root, object.headerRange, path, object.kind, name, tags, 'object', [], object));
    const pod = object.podSpec;
    if (!pod) continue;
    const podHeader = pod.spec.keyRange ?? object.headerRange;
    const podScope = new TreeScope(file, pod.spec, podHeader);
    subjects.push(new KubernetesSubject(file, pod.spec, podHeader, path, object.kind, name, tags, 'pod', ['Workload'], object, podScope));
    for (const container of pod.containers) {
      const containerName = container.name ?? '(unnamed)';
      const header = itemHeader(container.node) ?? podHeader;
      subjects.push(
        new KubernetesSubject(file, container.node, header, path, object.kind, `container "${containerName}" in ${name}`, tags, 'container', ['Workload'], object, podScope),
      );
    }
  }
  return subjects;
}
