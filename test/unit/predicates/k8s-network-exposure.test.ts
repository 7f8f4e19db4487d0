import assert from 'node:assert/strict';
import { loadBalancerReach } from '../../../src/core/rules/predicates/k8s-service-exposure';
import { tlsHostCovers } from '../../../src/core/rules/predicates/k8s-ingress';
import { isDefaultDenyIngress } from '../../../src/core/rules/predicates/k8s-network-policy';
import { covered, run, runIn, subjectOf } from './k8s-helpers';

function service(type: string, extra = '', annotations = ''): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n${annotations ? `  annotations:\n${annotations}` : ''}spec:\n  type: ${type}\n${extra}  ports:\n    - name: dicom\n      port: 104\n    - name: web\n      port: 443\n`;
}

describe('predicate k8s-load-balancer-health-ports-restricted', () => {
  it('reports sensitive ports of a public load balancer without source ranges', () => {
    const yaml = service('LoadBalancer');
    const evidence = run('k8s-load-balancer-health-ports-restricted', subjectOf(yaml, 'object'));
    assert.deepEqual(covered(yaml, evidence), ['104']);
    assert.match(evidence.valueText ?? '', /DICOM/);
  });

  it('accepts listed source ranges and internal load balancers, and reports open ranges', () => {
    assert.equal(run('k8s-load-balancer-health-ports-restricted', subjectOf(service('LoadBalancer', '  loadBalancerSourceRanges: [192.0.2.0/24]\n'), 'object')).outcome, 'pass');
    const open = service('LoadBalancer', '  loadBalancerSourceRanges: [192.0.2.0/24, 0.0.0.0/0]\n');
    assert.deepEqual(covered(open, run('k8s-load-balancer-health-ports-restricted', subjectOf(open, 'object'))), ['0.0.0.0/0']);
    const internal = service('LoadBalancer', '', '    service.beta.kubernetes.io/aws-load-balancer-internal: "true"\n');
    assert.equal(run('k8s-load-balancer-health-ports-restricted', subjectOf(internal, 'object')).outcome, 'pass');
    const annotated = service('LoadBalancer', '', '    service.beta.kubernetes.io/load-balancer-source-ranges: "0.0.0.0/0"\n');
    assert.equal(run('k8s-load-balancer-health-ports-restricted', subjectOf(annotated, 'object')).outcome, 'fail');
  });

  it('ignores other Service types', () => {
    assert.equal(run('k8s-load-balancer-health-ports-restricted', subjectOf(service('ClusterIP'), 'object')).outcome, 'pass');
  });

  it('knows the internal-load-balancer annotations of the big clouds', () => {
    const reach = (annotation: string) => loadBalancerReach(subjectOf(service('LoadBalancer', '', `    ${annotation}\n`), 'object').object);
    assert.equal(reach('networking.gke.io/load-balancer-type: "Internal"'), 'internal');
    assert.equal(reach('service.beta.kubernetes.io/azure-load-balancer-internal: "true"'), 'internal');
    assert.equal(reach('service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing'), 'public');
  });
});

describe('predicate k8s-node-port-no-health-ports', () => {
  it('offers the ClusterIP fix only when no nodePort or traffic policy is written', () => {
    const plain = service('NodePort');
    const free = run('k8s-node-port-no-health-ports', subjectOf(plain, 'object'));
    assert.equal(free.outcome, 'fail');
    assert.notEqual((free.scope?.handle as { kind: string }).kind, 'no-fix');
    const pinned = service('NodePort', '  externalTrafficPolicy: Local\n');
    const stuck = run('k8s-node-port-no-health-ports', subjectOf(pinned, 'object'));
    assert.equal((stuck.scope?.handle as { kind: string }).kind, 'no-fix');
  });
});

describe('k8s ingress predicates', () => {
  it('matches wildcard TLS hosts one label deep, without case', () => {
    assert.ok(tlsHostCovers('*.example.eu', 'portal.example.eu'));
    assert.ok(tlsHostCovers('Portal.example.eu', 'portal.EXAMPLE.eu'));
    assert.ok(!tlsHostCovers('*.example.eu', 'example.eu'));
    assert.ok(!tlsHostCovers('*.example.eu', 'a.b.example.eu'));
  });

  it('k8s-annotation-not reports the annotation value, with the object as the place to fix', () => {
    const yaml = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: i\n  annotations:\n    nginx.ingress.kubernetes.io/ssl-redirect: "FALSE"\nspec: {}\n';
    const evidence = run('k8s-annotation-not', subjectOf(yaml, 'object'), { keys: ['nginx.ingress.kubernetes.io/ssl-redirect'], values: ['false'] });
    assert.deepEqual(covered(yaml, evidence), ['"FALSE"']);
    // A fix addresses the annotation from the object with a quoted key (`metadata.annotations."..."`).
    assert.equal((evidence.scope?.handle as { kind: string }).kind, 'tree');
    assert.equal(evidence.lookup?.state === 'known' && evidence.lookup.value, 'FALSE');
  });
});

describe('k8s network policy predicates', () => {
  const policy = (spec: string, namespace = 'ehr') => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\n  namespace: ${namespace}\nspec:\n${spec}`;

  it('recognises a default deny of ingress', () => {
    const deny = (spec: string) => isDefaultDenyIngress(subjectOf(policy(spec), 'object').object);
    assert.ok(deny('  podSelector: {}\n'));
    assert.ok(deny('  podSelector: {}\n  policyTypes: [Ingress]\n  ingress: []\n'));
    assert.ok(!deny('  podSelector: {}\n  policyTypes: [Egress]\n'));
    assert.ok(!deny('  podSelector:\n    matchLabels: { app: a }\n'));
    assert.ok(!deny('  podSelector: {}\n  ingress:\n    - {}\n'));
  });

  it('k8s-namespace-default-deny-ingress looks for the policy in the same file and namespace', () => {
    const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ehr\n';
    assert.equal(run('k8s-namespace-default-deny-ingress', subjectOf(namespace, 'object')).outcome, 'fail');
    const covering = `${namespace}---\n${policy('  podSelector: {}\n')}`;
    assert.equal(run('k8s-namespace-default-deny-ingress', subjectOf(covering, 'object', 'Namespace')).outcome, 'pass');
    const elsewhere = `${namespace}---\n${policy('  podSelector: {}\n', 'other')}`;
    assert.equal(run('k8s-namespace-default-deny-ingress', subjectOf(elsewhere, 'object', 'Namespace')).outcome, 'fail');
  });

  it('k8s-network-policy-ingress-sources finds rules without sources, with templated labels left alone', () => {
    const yaml = policy('  podSelector: {}\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels: { app: "{{ .Values.app }}" }\n    - ports: [{ port: 80 }]\n');
    const evidence = run('k8s-network-policy-ingress-sources', subjectOf(yaml, 'object'));
    assert.deepEqual(covered(yaml, evidence), ['ports']);
  });
});

describe('predicate k8s-rbac-rule-not-granting', () => {
  const role = (rule: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: r\nrules:\n  - ${rule}\n`;
  const check = (yaml: string) => {
    const subject = subjectOf(yaml, 'object');
    const [item] = subject.items(['rules']);
    const grant = { resources: ['secrets'], verbs: ['get', 'list', 'watch'] };
    return runIn('k8s-rbac-rule-not-granting', item, subject, grant);
  };

  it('reports read access to the named resource in the core group', () => {
    const yaml = role('{ apiGroups: [""], resources: [pods, secrets], verbs: [list] }');
    assert.deepEqual(covered(yaml, check(yaml)), ['secrets']);
  });

  it('passes other groups, other verbs and rules narrowed by resourceNames', () => {
    assert.equal(check(role('{ apiGroups: [apps], resources: [secrets], verbs: [get] }')).outcome, 'pass');
    assert.equal(check(role('{ apiGroups: [""], resources: [secrets], verbs: [create] }')).outcome, 'pass');
    assert.equal(check(role('{ apiGroups: [""], resources: [secrets], resourceNames: [tls], verbs: [get] }')).outcome, 'pass');
  });
});
