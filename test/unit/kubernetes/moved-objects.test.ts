import assert from 'node:assert/strict';
import { parseYamlTree } from '../../../src/core/yaml/parse-yaml';
import { reparseYamlTree } from '../../../src/core/yaml/incremental-parse';
import { isMovePending } from '../../../src/core/yaml/moved-document';
import { kubernetesObjects, unplacedShape } from '../../../src/core/kubernetes/objects';
import { kubernetesSubjects } from '../../../src/core/subjects/kubernetes-subjects';
import type { TreeFile } from '../../../src/core/documents/tree';

const WORKLOAD = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ehr
  labels: { app: ${name}, data: phi }
spec:
  template:
    spec:
      initContainers:
        - name: init
          image: busybox
      containers:
        - image: nginx
        - name: api
          image: api:1.2
          securityContext:
            privileged: false
`;

const LIST = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: { name: svc }
  - apiVersion: v1
    kind: ConfigMap
    metadata: { name: cm }
`;

const TEXT = `${WORKLOAD('first')}---\n${WORKLOAD('second')}---\n${LIST}---\nkind: NoApiVersion\n`;

/** Objects and subjects as plain data: every field read, so every copy made. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'tree' || key === 'object' || key === 'pod' ? undefined : v)));
}

function subjectsOf(tree: TreeFile) {
  return kubernetesSubjects(tree, '/k/app.yaml', kubernetesObjects(tree)).map((s) => ({
    key: s.memoKey,
    type: s.type,
    name: s.name,
    scope: s.scope,
    aliases: s.aliases,
    node: s.node,
    headerRange: s.headerRange,
    podNode: s.pod?.node,
  }));
}

describe('Kubernetes objects of documents an edit moved', () => {
  function edited(): { before: TreeFile; after: TreeFile; text: string } {
    const before = parseYamlTree(TEXT);
    // A longer value in the first document moves every later one by one character and one line.
    const text = TEXT.replace('privileged: false', 'privileged: true\n            runAsNonRoot: true');
    return { before, after: reparseYamlTree(text, before), text };
  }

  it('names, kinds, labels and subjects come without copying the moved documents', () => {
    const { after, text } = edited();
    assert.ok(after.documents.slice(1).every(isMovePending), 'the later documents are still to be copied');
    const objects = kubernetesObjects(after);
    const subjects = kubernetesSubjects(after, '/k/app.yaml', objects);
    const fresh = kubernetesObjects(parseYamlTree(text));
    assert.deepEqual(
      objects.map((o) => [o.kind, o.name, o.namespace, o.labels, o.documentIndex, Object.keys(o)]),
      fresh.map((o) => [o.kind, o.name, o.namespace, o.labels, o.documentIndex, Object.keys(o)]),
    );
    assert.deepEqual(
      subjects.map((s) => [s.memoKey, s.type, s.name, s.scope, s.aliases]),
      kubernetesSubjects(parseYamlTree(text), '/k/app.yaml', fresh).map((s) => [s.memoKey, s.type, s.name, s.scope, s.aliases]),
    );
    // Container names and count come from the unmoved nodes.
    assert.deepEqual(
      unplacedShape(objects[1]).podSpec?.containers.map((c) => c.name),
      [undefined, 'api', 'init'],
    );
    assert.ok(after.documents.slice(1).every(isMovePending), 'still nothing copied');
  });

  it('places nodes and ranges exactly where a fresh parse has them once read', () => {
    const { after, text } = edited();
    const fresh = parseYamlTree(text);
    assert.deepEqual(plain(subjectsOf(after)), plain(subjectsOf(fresh)));
    assert.deepEqual(plain(kubernetesObjects(after)), plain(kubernetesObjects(fresh)));
    assert.deepEqual(after.documents.map(isMovePending), [false, false, false, true], 'reading the nodes copied the documents with objects');
  });

  it('copies only the document whose object is read', () => {
    const { after, text } = edited();
    const objects = kubernetesObjects(after);
    const second = objects.find((o) => o.name === 'second')!;
    const fresh = kubernetesObjects(parseYamlTree(text)).find((o) => o.name === 'second')!;
    assert.deepEqual(plain(second.headerRange), plain(fresh.headerRange));
    assert.equal(isMovePending(after.documents[1]), false);
    assert.equal(isMovePending(after.documents[2]), true);
    assert.equal(second.root, after.documents[1].root, 'the object holds the copied root');
    assert.equal(unplacedShape(second), second, 'a placed object is its own shape');
  });

  it('keeps objects of later edits right when earlier copies were never made', () => {
    let text = TEXT;
    let tree = parseYamlTree(text);
    for (const value of ['true', 'false', 'maybe', 'no', 'true']) {
      text = text.replace(/privileged: \w+/, `privileged: ${value}`);
      tree = reparseYamlTree(text, tree);
      kubernetesSubjects(tree, '/k/app.yaml', kubernetesObjects(tree));
    }
    const fresh = parseYamlTree(text);
    assert.deepEqual(plain(subjectsOf(tree)), plain(subjectsOf(fresh)));
  });
});
