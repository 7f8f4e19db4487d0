import * as assert from 'node:assert/strict';
import { parse, parseAllDocuments } from 'yaml';
import { parseYamlTree } from '../../../src/core/yaml/parse-yaml';
import { kubernetesObjects } from '../../../src/core/kubernetes/objects';
import { kubernetesSubjects, type KubernetesSubject } from '../../../src/core/subjects/kubernetes-subjects';
import { evaluateCondition, type Evidence } from '../../../src/core/rules/evaluate';
import type { Condition, FixOperation } from '../../../src/core/rules/condition-types';
import { buildFix } from '../../../src/core/fixes/build-fix';
import { applyEdits } from '../../../src/core/edits/apply';
import { defaultConfig } from '../../../src/core/config/defaults';
import { loadRules } from '../../../src/core/rules/load-rules';

function subjectsOf(text: string): KubernetesSubject[] {
  const file = parseYamlTree(text);
  return kubernetesSubjects(file, '/m.yaml', kubernetesObjects(file));
}

/** Every failure of `condition` on the first subject of `scope`, each with its fix applied (or undefined). */
function fixesFor(text: string, condition: Condition, ops: FixOperation[], scope: 'object' | 'container' = 'object'): Array<string | undefined> {
  const subject = subjectsOf(text).find((s) => s.scope === scope)!;
  const evidence = evaluateCondition(condition, subject, { config: defaultConfig(), subject, related: () => [] });
  assert.equal(evidence.outcome, 'fail');
  const failures: Evidence[] = [evidence, ...(evidence.others ?? [])];
  return failures.map((e) => {
    const fix = buildFix({ title: 't', ops, safe: false }, subject, e, () => []);
    return fix ? applyEdits(text, fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText }))) : undefined;
  });
}

const binding = (subjects: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: b\nroleRef: { kind: Role, name: r, apiGroup: rbac.authorization.k8s.io }\nsubjects:\n${subjects}`;
const noAnonymous: Condition = { each: 'subjects', require: { path: 'name', notOneOf: ['system:anonymous'] } };

const role = (rules: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: r\nrules:\n${rules}`;
const noSecrets: Condition = { each: 'rules', require: { path: 'resources', notContains: 'secrets' } };
// The RBAC predicates point at the list item; a value test on the item does the same here.
const noSecretItem: Condition = { each: 'rules', require: { each: 'resources', require: { path: '', notEquals: 'secrets' } } };

describe('removeItem fix op', () => {
  it('removes the map item holding the finding and leaves [] when it was the only one', () => {
    const [fixed] = fixesFor(binding('- kind: User\n  name: system:anonymous\n'), noAnonymous, [{ removeItem: { lists: ['subjects'] } }]);
    assert.deepEqual(parse(fixed!).subjects, []);
    const [kept] = fixesFor(binding('- kind: User\n  name: system:anonymous\n- kind: Group\n  name: ops\n'), noAnonymous, [{ removeItem: { lists: ['subjects'] } }]);
    assert.deepEqual(parse(kept!).subjects, [{ kind: 'Group', name: 'ops' }]);
  });

  it('removes the key when asked to', () => {
    const [fixed] = fixesFor(binding('- kind: User\n  name: system:anonymous\n'), noAnonymous, [{ removeItem: { lists: ['subjects'], ifEmpty: 'removeKey' } }]);
    assert.equal('subjects' in parse(fixed!), false);
  });

  it('removes the scalar item, then the rule holding an emptied list, then leaves rules: []', () => {
    const ops: FixOperation[] = [{ removeItem: { lists: ['resources'], ifEmpty: 'removeParentItem' } }];
    const two = role('- apiGroups: [""]\n  resources: [configmaps, secrets]\n  verbs: [get]\n- apiGroups: [""]\n  resources: [secrets]\n  verbs: [list]\n');
    const [first, second] = fixesFor(two, noSecretItem, ops);
    assert.deepEqual(parse(first!).rules, [
      { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
      { apiGroups: [''], resources: ['secrets'], verbs: ['list'] },
    ]);
    assert.deepEqual(parse(second!).rules, [{ apiGroups: [''], resources: ['configmaps', 'secrets'], verbs: ['get'] }]);
    const [only] = fixesFor(role('- apiGroups: [""]\n  resources: [secrets]\n  verbs: [get]\n'), noSecretItem, ops);
    assert.deepEqual(parse(only!).rules, []);
  });

  it('does nothing (no fix) when the finding is not in one of the named lists', () => {
    const [fixed] = fixesFor(role('- apiGroups: [""]\n  resources: [secrets]\n  verbs: [get]\n'), noSecrets, [{ removeItem: { lists: ['verbs'] } }]);
    assert.equal(fixed, undefined);
  });
});

const pod = (container: string, podExtra = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${podExtra}  containers:\n    - name: app\n      image: x:1\n${container}`;

describe('computed fix values', () => {
  const limitFromRequest: FixOperation[] = [{ set: { path: 'resources.limits.memory', value: { $from: 'resources.requests.memory' } } }];
  const hasLimit: Condition = { path: 'resources.limits.memory', exists: true };

  it('copies a value from the subject', () => {
    const [fixed] = fixesFor(pod('      resources:\n        requests: { memory: 256Mi }\n'), hasLimit, limitFromRequest, 'container');
    assert.equal(parse(fixed!).spec.containers[0].resources.limits.memory, '256Mi');
  });

  it('offers no fix when the source is absent or only known after rendering', () => {
    assert.deepEqual(fixesFor(pod('      resources:\n        requests: { cpu: 1 }\n'), hasLimit, limitFromRequest, 'container'), [undefined]);
    assert.deepEqual(fixesFor(pod('      resources:\n        requests:\n          memory: {{ .Values.memory }}\n'), hasLimit, limitFromRequest, 'container'), [undefined]);
  });

  it('takes the first of several paths, skipping rejected values', () => {
    const ops: FixOperation[] = [{ set: { path: 'securityContext.runAsGroup', value: { $from: ['securityContext.runAsUser', 'ports.containerPort'], notOneOf: [0] } } }];
    const hasGroup: Condition = { path: 'securityContext.runAsGroup', exists: true };
    const [fromUser] = fixesFor(pod('      securityContext: { runAsUser: 1001 }\n'), hasGroup, ops, 'container');
    assert.equal(parse(fromUser!).spec.containers[0].securityContext.runAsGroup, 1001);
    const [fromPort] = fixesFor(pod('      securityContext: { runAsUser: 0 }\n      ports: [{ containerPort: 8080 }]\n'), hasGroup, ops, 'container');
    assert.equal(parse(fromPort!).spec.containers[0].securityContext.runAsGroup, 8080);
  });

  it('collects every value of a fanned-out path, fills templates and drops optional keys', () => {
    const ingress = (rules: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n${rules}`;
    const ops: FixOperation[] = [
      { set: { path: 'spec.tls', value: [{ hosts: { $from: 'spec.rules.host', all: true, optional: true }, secretName: { $template: '{metadata.name}-tls' } }] } },
    ];
    const withHosts = ingress('  rules:\n    - host: a.example.eu\n    - host: b.example.eu\n    - host: a.example.eu\n');
    assert.deepEqual(parse(fixesFor(withHosts, { path: 'spec.tls', exists: true }, ops)[0]!).spec.tls, [{ hosts: ['a.example.eu', 'b.example.eu'], secretName: 'web-tls' }]);
    const noHosts = ingress('  defaultBackend: { service: { name: web, port: { number: 80 } } }\n');
    assert.deepEqual(parse(fixesFor(noHosts, { path: 'spec.tls', exists: true }, ops)[0]!).spec.tls, [{ secretName: 'web-tls' }]);
  });

  it('replaces the offending value only under the keys named in "at"', () => {
    const text = pod('', '  securityContext:\n    runAsUser: 2000\n    runAsGroup: 0\n    supplementalGroups: [0]\n');
    const subject = subjectsOf(text).find((s) => s.scope === 'pod')!;
    const zero: Condition = { all: [{ path: 'securityContext.runAsGroup', notEquals: 0 }, { each: 'securityContext.supplementalGroups', require: { path: '', notEquals: 0 } }] };
    const evidence = evaluateCondition(zero, subject, { config: defaultConfig(), subject, related: () => [] });
    const ops: FixOperation[] = [{ replace: { at: ['runAsGroup'], value: { $from: 'securityContext.runAsUser' } } }, { removeItem: { lists: ['supplementalGroups'], ifEmpty: 'removeKey' } }];
    const [group, supplemental] = [evidence, ...(evidence.others ?? [])].map((e) => {
      const fix = buildFix({ title: 't', ops }, subject, e, () => [])!;
      return parse(applyEdits(text, fix.edits)).spec.securityContext;
    });
    assert.deepEqual(group, { runAsUser: 2000, runAsGroup: 2000, supplementalGroups: [0] });
    assert.deepEqual(supplemental, { runAsUser: 2000, runAsGroup: 0 });
  });

  it('adds a document computed from the subject', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ehr\n';
    const ops: FixOperation[] = [{ addDocument: { value: { kind: 'NetworkPolicy', metadata: { namespace: { $from: 'metadata.name' } } } } }];
    const [fixed] = fixesFor(text, { path: 'metadata.labels', exists: true }, ops);
    assert.deepEqual(parseAllDocuments(fixed!).map((d) => d.toJS())[1], { kind: 'NetworkPolicy', metadata: { namespace: 'ehr' } });
  });

  it('appends to a list, creating it when missing', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';
    const ops: FixOperation[] = [{ appendItem: { path: 'metadata.finalizers', value: { $template: 'keep-{metadata.name}' } } }];
    const [fixed] = fixesFor(text, { path: 'metadata.finalizers', exists: true }, ops);
    assert.deepEqual(parse(fixed!).metadata.finalizers, ['keep-c']);
  });
});

describe('quoted path segments', () => {
  const text = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: i\n  annotations:\n    nginx.ingress.kubernetes.io/ssl-redirect: "false"\n    other: x\n';
  const path = 'metadata.annotations."nginx.ingress.kubernetes.io/ssl-redirect"';

  it('address annotation keys in conditions and fixes', () => {
    const [fixed] = fixesFor(text, { path, notEquals: 'false' }, [{ remove: { path } }]);
    assert.deepEqual(parse(fixed!).metadata.annotations, { other: 'x' });
    const [set] = fixesFor(text, { path, notEquals: 'false' }, [{ set: { path, value: 'true' } }]);
    assert.equal(parse(set!).metadata.annotations['nginx.ingress.kubernetes.io/ssl-redirect'], 'true');
  });
});

describe('loading the new fix ops', () => {
  const base = {
    id: 'k8s-test-rule',
    title: 't',
    severity: 'warning',
    target: 'kubernetes',
    family: 'f',
    message: { what: 'a.', why: 'b.', fix: 'c.' },
    remediation: 'r',
    controls: ['X'],
    select: { types: ['Pod'] },
    condition: { path: 'a', exists: true },
  };
  const errorsFor = (ops: unknown[]) => loadRules([{ ...base, fix: { title: 'f', ops } }]).errors.map((e) => e.message);

  it('accepts well-formed ops and reports malformed ones', () => {
    assert.deepEqual(
      errorsFor([
        { removeItem: { lists: ['subjects'], ifEmpty: 'removeParentItem' } },
        { replace: { at: ['fsGroup'], value: { $from: 'securityContext.runAsUser', notOneOf: [0] } } },
        { appendItem: { path: 'spec."a.b"', value: { $found: 'value' } } },
        { addDocument: { value: { kind: 'X', metadata: { name: { $template: '{metadata.name}-x' } } } } },
      ]),
      [],
    );
    assert.equal(errorsFor([{ removeItem: { lists: [] } }]).length, 1);
    assert.equal(errorsFor([{ removeItem: { lists: ['a'], ifEmpty: 'drop' } }]).length, 1);
    assert.equal(errorsFor([{ set: { path: 'a."b', value: 1 } }]).length, 1);
    assert.equal(errorsFor([{ set: { path: 'a', value: { $from: 'b', typo: true } } }]).length, 1);
    assert.equal(errorsFor([{ addDocument: { value: [1] } }]).length, 1);
  });
});
