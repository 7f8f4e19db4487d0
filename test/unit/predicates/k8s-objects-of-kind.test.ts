import assert from 'node:assert/strict';
import { parseYamlTree } from '../../../src/core/yaml/parse-yaml';
import { kubernetesObjects } from '../../../src/core/kubernetes/objects';
import { attachManifestContext } from '../../../src/core/kubernetes/manifest-set';
import { kubernetesSubjects, type KubernetesSubject } from '../../../src/core/subjects/kubernetes-subjects';
import { objectsOfKind } from '../../../src/core/rules/predicates/k8s-context';

const FILE = [
  'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api}',
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: i}]',
  'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: i}]}',
].join('\n---\n');

function objectSubjects(text: string): KubernetesSubject[] {
  const tree = parseYamlTree(text);
  return kubernetesSubjects(tree, '/w/k8s/app.yaml', kubernetesObjects(tree)).filter((s) => (s.scope ?? 'object') === 'object');
}

describe('objectsOfKind (companion lookups of the Kubernetes predicates)', () => {
  it('groups the manifest set once per file, so every subject of a large file shares one lookup', () => {
    const [first, second] = objectSubjects(FILE);
    const accounts = objectsOfKind(first, 'ServiceAccount');
    assert.deepEqual(accounts.map((p) => p.object.name), ['api']);
    // The same array for another subject of the file: the set was not filtered again per subject
    // (that was quadratic: 30 s for a manifest of 12,500 pods).
    assert.equal(objectsOfKind(second, 'ServiceAccount'), accounts);
    assert.deepEqual(objectsOfKind(first, 'LimitRange'), []);
  });

  it('sees objects of other files of the set, and regroups when a new set is attached', () => {
    const [subject] = objectSubjects(FILE);
    assert.equal(objectsOfKind(subject, 'NetworkPolicy').length, 0);
    const other = parseYamlTree('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec: {podSelector: {}}\n');
    attachManifestContext(subject.tree, { others: [{ path: '/w/k8s/policy.yaml', tree: other, objects: kubernetesObjects(other) }] });
    const policies = objectsOfKind(subject, 'NetworkPolicy');
    assert.deepEqual(policies.map((p) => [p.object.name, p.file]), [['deny', '/w/k8s/policy.yaml']]);
  });
});
