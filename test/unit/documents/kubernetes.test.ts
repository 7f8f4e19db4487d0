import * as assert from 'node:assert/strict';
import { kubernetesObjects } from '../../../src/core/kubernetes/objects';
import { parseYamlTree } from '../../../src/core/yaml/parse-yaml';
import { parseJsonTree } from '../../../src/core/yaml/parse-json';
import { classifyFile } from '../../../src/core/documents/classify';
import { corpusDir, listFiles, readText, textAt } from './support';

describe('kubernetesObjects', () => {
  it('finds one object per document with its metadata and header range', () => {
    const text = [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: api',
      '  namespace: ehr',
      '  labels: {app: api, tier: "backend"}',
      '  annotations:',
      '    note: "x"',
      '---',
      '# not an object',
      'just: data',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  generateName: worker-',
      'spec:',
      '  template:',
      '    spec:',
      '      initContainers:',
      '        - name: init',
      '      containers:',
      '        - name: app',
      '          image: app:1',
      '        - name: sidecar',
      '      ephemeralContainers:',
      '        - name: debug',
      '',
    ].join('\n');
    const objects = kubernetesObjects(parseYamlTree(text));
    assert.equal(objects.length, 2);
    const [service, deployment] = objects;
    assert.deepEqual(
      { kind: service.kind, apiVersion: service.apiVersion, name: service.name, namespace: service.namespace, documentIndex: service.documentIndex },
      { kind: 'Service', apiVersion: 'v1', name: 'api', namespace: 'ehr', documentIndex: 0 },
    );
    assert.deepEqual(service.labels, { app: 'api', tier: 'backend' });
    assert.deepEqual(service.annotations, { note: 'x' });
    assert.equal(textAt(text, service.headerRange), 'Service');
    assert.equal(service.podSpec, undefined);
    assert.equal(deployment.name, 'worker-');
    assert.equal(deployment.documentIndex, 2);
    assert.equal(deployment.namespace, undefined);
    assert.deepEqual(deployment.podSpec!.path, ['spec', 'template', 'spec']);
    assert.deepEqual(
      deployment.podSpec!.containers.map((c) => [c.group, c.index, c.name]),
      [['containers', 0, 'app'], ['containers', 1, 'sidecar'], ['initContainers', 0, 'init'], ['ephemeralContainers', 0, 'debug']],
    );
  });

  it('finds the pod spec of every workload kind where that kind keeps it', () => {
    const podSpec = (indent: string) => `${indent}containers:\n${indent}  - name: c\n`;
    const cases: Array<[string, string, string[]]> = [
      ['Pod', `spec:\n${podSpec('  ')}`, ['spec']],
      ['StatefulSet', `spec:\n  template:\n    spec:\n${podSpec('      ')}`, ['spec', 'template', 'spec']],
      ['DaemonSet', `spec:\n  template:\n    spec:\n${podSpec('      ')}`, ['spec', 'template', 'spec']],
      ['ReplicaSet', `spec:\n  template:\n    spec:\n${podSpec('      ')}`, ['spec', 'template', 'spec']],
      ['ReplicationController', `spec:\n  template:\n    spec:\n${podSpec('      ')}`, ['spec', 'template', 'spec']],
      ['Job', `spec:\n  template:\n    spec:\n${podSpec('      ')}`, ['spec', 'template', 'spec']],
      ['CronJob', `spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n${podSpec('          ')}`, ['spec', 'jobTemplate', 'spec', 'template', 'spec']],
    ];
    for (const [kind, body, path] of cases) {
      const [object] = kubernetesObjects(parseYamlTree(`apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: x\n${body}`));
      assert.deepEqual(object.podSpec?.path, path, kind);
      assert.equal(object.podSpec?.containers[0].name, 'c', kind);
    }
    const [noTemplate] = kubernetesObjects(parseYamlTree('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {}\n'));
    assert.equal(noTemplate.podSpec, undefined);
  });

  it('expands the items of List documents, nested Lists included', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: v1',
      '    kind: ConfigMap',
      '    metadata: {name: one}',
      '  - apiVersion: v1',
      '    kind: PodList',
      '    items:',
      '      - apiVersion: v1',
      '        kind: Pod',
      '        metadata: {name: two}',
      '        spec: {containers: [{name: c}]}',
      '  - not: an object',
      '',
    ].join('\n');
    const objects = kubernetesObjects(parseYamlTree(text));
    assert.deepEqual(objects.map((o) => `${o.kind}/${o.name}`), ['ConfigMap/one', 'Pod/two']);
    assert.equal(textAt(text, objects[1].headerRange), 'Pod');
    assert.equal(objects[1].podSpec!.containers[0].name, 'c');
  });

  it('reads JSON manifests and keeps label names like __proto__ as labels', () => {
    const file = parseJsonTree('{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "labels": {"__proto__": "x"}}, "spec": {"containers": []}}');
    const [pod] = kubernetesObjects(file);
    assert.equal(pod.labels['__proto__'], 'x');
    assert.equal(Object.keys(pod.labels).length, 1);
    assert.deepEqual(pod.podSpec!.containers, []);
  });

  it('uses the template text for templated names in Helm charts', () => {
    const [object] = kubernetesObjects(parseYamlTree('apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "x.fullname" . }}\n'));
    assert.equal(object.name, '{{ include "x.fullname" . }}');
  });

  it('finds the objects of the corpus manifests', function () {
    const dir = corpusDir('kubernetes');
    if (!dir) this.skip();
    const files = listFiles(dir, (p) => /\.(ya?ml|json)$/.test(p)).filter((p) => classifyFile(p, readText(p)) === 'kubernetes');
    const kinds = new Map<string, number>();
    let containers = 0;
    for (const path of files) {
      const text = readText(path);
      const file = path.endsWith('.json') ? parseJsonTree(text) : parseYamlTree(text);
      const objects = kubernetesObjects(file);
      assert.ok(objects.length > 0, path);
      for (const object of objects) {
        kinds.set(object.kind, (kinds.get(object.kind) ?? 0) + 1);
        assert.ok(textAt(text, object.headerRange).includes(object.kind) || object.headerRange.start.offset === object.headerRange.end.offset, path);
        containers += object.podSpec?.containers.length ?? 0;
      }
    }
    for (const kind of ['Deployment', 'Service', 'Pod', 'StatefulSet', 'ReplicationController']) assert.ok(kinds.has(kind), kind);
    assert.ok(containers > 100, `${containers} containers`);
  });
});
