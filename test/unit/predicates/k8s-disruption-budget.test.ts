import assert from 'node:assert/strict';
import { parseYamlTree } from '../../../src/core/yaml/parse-yaml';
import { kubernetesObjects } from '../../../src/core/kubernetes/objects';
import { attachManifestContext } from '../../../src/core/kubernetes/manifest-set';
import { kubernetesSubjects } from '../../../src/core/subjects/kubernetes-subjects';
import { budgetVerdict, selectorSelects } from '../../../src/core/rules/predicates/k8s-disruption-budget';
import { run, subjectOf } from './k8s-helpers';

const WORKLOAD = (replicas: string, labels = '{ app: ehr, tier: api }') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ehr
spec:
  replicas: ${replicas}
  template:
    metadata:
      labels: ${labels}
    spec:
      containers:
        - name: api
          image: example.eu/ehr:1
`;

function budget(spec: string, apiVersion = 'policy/v1') {
  const tree = parseYamlTree(`apiVersion: ${apiVersion}\nkind: PodDisruptionBudget\nmetadata:\n  name: ehr\nspec:\n${spec}`);
  return kubernetesObjects(tree)[0];
}

const LABELS = { values: new Map([['app', 'ehr'], ['tier', 'api']]), open: false };

describe('k8s-pod-disruption-budget', () => {
  describe('selectors', () => {
    it('matches labels and every expression operator', () => {
      assert.equal(selectorSelects(budget('  selector:\n    matchLabels: { app: ehr }\n'), LABELS), 'yes');
      assert.equal(selectorSelects(budget('  selector:\n    matchLabels: { app: ehr, tier: web }\n'), LABELS), 'no');
      const expressions = (e: string) => budget(`  selector:\n    matchExpressions:\n      - ${e}\n`);
      assert.equal(selectorSelects(expressions('{ key: app, operator: In, values: [ehr, pacs] }'), LABELS), 'yes');
      assert.equal(selectorSelects(expressions('{ key: app, operator: NotIn, values: [ehr] }'), LABELS), 'no');
      assert.equal(selectorSelects(expressions('{ key: canary, operator: NotIn, values: ["true"] }'), LABELS), 'yes');
      assert.equal(selectorSelects(expressions('{ key: tier, operator: Exists }'), LABELS), 'yes');
      assert.equal(selectorSelects(expressions('{ key: tier, operator: DoesNotExist }'), LABELS), 'no');
    });

    it('selects nothing without a selector, and everything with an empty one only in policy/v1', () => {
      assert.equal(selectorSelects(budget('  minAvailable: 1\n'), LABELS), 'no');
      assert.equal(selectorSelects(budget('  selector: {}\n'), LABELS), 'yes');
      assert.equal(selectorSelects(budget('  selector: {}\n', 'policy/v1beta1'), LABELS), 'no');
    });

    it('is unknown when a template decides the labels', () => {
      assert.equal(selectorSelects(budget('  selector:\n    matchLabels: { app: "{{ .Values.app }}" }\n'), LABELS), 'unknown');
      assert.equal(selectorSelects(budget('  selector:\n    matchLabels: { app: other }\n'), { values: new Map(), open: true }), 'unknown');
    });
  });

  describe('budgets', () => {
    const verdict = (spec: string, replicas: number) => budgetVerdict(budget(spec), replicas).state;

    it('keeps a pod with minAvailable of 1 or more, or a percentage above 0', () => {
      assert.equal(verdict('  minAvailable: 1\n', 3), 'keeps-one');
      assert.equal(verdict('  minAvailable: 0\n', 3), 'lets-all-go');
      assert.equal(verdict('  minAvailable: 1%\n', 2), 'keeps-one', '1% of 2 rounds up to 1');
      assert.equal(verdict('  minAvailable: 0%\n', 2), 'lets-all-go');
      assert.equal(verdict('  minAvailable: "2"\n', 3), 'keeps-one');
    });

    it('keeps a pod with maxUnavailable below the replicas, rounding percentages up', () => {
      assert.equal(verdict('  maxUnavailable: 1\n', 2), 'keeps-one');
      assert.equal(verdict('  maxUnavailable: 2\n', 2), 'lets-all-go');
      assert.equal(verdict('  maxUnavailable: 50%\n', 2), 'keeps-one');
      assert.equal(verdict('  maxUnavailable: 60%\n', 2), 'lets-all-go', '60% of 2 rounds up to 2');
      assert.equal(verdict('  maxUnavailable: 100%\n', 5), 'lets-all-go');
    });

    it('is unknown for a templated value; a budget that sets neither blocks every eviction, so keeps pods up', () => {
      assert.equal(verdict('  maxUnavailable: {{ .Values.max }}\n', 3), 'unknown');
      assert.equal(verdict('  selector: {}\n', 3), 'keeps-one');
    });
  });

  it('fails at the header when no budget exists and passes with one in the manifest set', () => {
    const subject = subjectOf(WORKLOAD('3'), 'object', 'ehr');
    const missing = run('k8s-pod-disruption-budget', subject);
    assert.equal(missing.outcome, 'fail');
    assert.deepEqual(missing.range, subject.headerRange);

    const other = parseYamlTree('apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ehr\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: { app: ehr }\n');
    attachManifestContext(subject.tree, { others: [{ path: '/test/pdb.yaml', tree: other, objects: kubernetesObjects(other) }] });
    assert.equal(run('k8s-pod-disruption-budget', subject).outcome, 'pass');
  });

  it('uses the autoscaler floor as the replica count for percentages', () => {
    const yaml = `${WORKLOAD('10')}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ehr
spec:
  scaleTargetRef: { kind: Deployment, name: ehr }
  minReplicas: 2
  maxReplicas: 10
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ehr
spec:
  maxUnavailable: 60%
  selector:
    matchLabels: { app: ehr }
`;
    const tree = parseYamlTree(yaml);
    const subject = kubernetesSubjects(tree, '/test/manifest.yaml', kubernetesObjects(tree)).find((s) => s.type === 'Deployment' && s.scope === 'object')!;
    const evidence = run('k8s-pod-disruption-budget', subject);
    assert.equal(evidence.outcome, 'fail', '60% of the 2 autoscaled replicas rounds up to both');
    assert.equal(run('k8s-replicas-at-least', subject, { min: 2 }).outcome, 'pass');
  });

  it('turns a missing budget into undetermined when the set is incomplete', () => {
    const subject = subjectOf(WORKLOAD('3'), 'object', 'ehr');
    attachManifestContext(subject.tree, { others: [], incomplete: 'folder k8s holds 500 YAML files' });
    const evidence = run('k8s-pod-disruption-budget', subject);
    assert.equal(evidence.outcome, 'undetermined');
    assert.match(evidence.reason ?? '', /500 YAML files/);
  });
});
