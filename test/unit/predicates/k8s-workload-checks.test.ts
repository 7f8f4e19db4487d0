import assert from 'node:assert/strict';
import { isSensitiveHostPath, normalizeHostPath } from '../../../src/core/rules/predicates/k8s-host-paths';
import { defaultConfig } from '../../../src/core/config/defaults';
import { covered, pod, run, subjectOf } from './k8s-helpers';

describe('k8s host paths', () => {
  it('normalises slashes before comparing', () => {
    assert.equal(normalizeHostPath('//var//run/'), '/var/run');
    assert.equal(normalizeHostPath('/'), '/');
  });

  it('treats sensitive directories, their children and their parents as sensitive', () => {
    for (const path of ['/', '/var', '/var/lib', '/etc', '/etc/kubernetes/pki', '/var/run/docker.sock', '/run/containerd/containerd.sock', '/proc/1', '/var/lib/kubelet/']) {
      assert.ok(isSensitiveHostPath(path), path);
    }
    for (const path of ['/data', '/var/lib/mysql', '/mnt/disks/ssd0', '/etcetera', '/opt/app', 'relative/dir']) {
      assert.ok(!isSensitiveHostPath(path), path);
    }
  });

  it('gives each hostPath volume to exactly one of the two rules', () => {
    const yaml = pod('  volumes:\n    - name: a\n      hostPath: { path: /data }\n    - name: b\n      hostPath: { path: /var/log }\n    - name: c\n      emptyDir: {}\n');
    const subject = subjectOf(yaml, 'pod');
    assert.deepEqual(covered(yaml, run('k8s-host-path-volumes', subject, { sensitive: false })), ['/data']);
    assert.deepEqual(covered(yaml, run('k8s-host-path-volumes', subject, { sensitive: true })), ['/var/log']);
  });
});

describe('predicate k8s-list-items', () => {
  const yaml = pod('', '  containers:\n    - name: app\n      image: x:1\n      securityContext:\n        capabilities:\n          add: [NET_BIND_SERVICE, cap_sys_admin, "{{ .Values.cap }}"]\n');

  it('checks an allow-list without case and without a prefix, and reports templated items as undetermined', () => {
    const subject = subjectOf(yaml, 'container');
    const args = { path: 'securityContext.capabilities.add', allowed: ['NET_BIND_SERVICE'], ignorePrefix: 'CAP_' };
    const evidence = run('k8s-list-items', subject, args);
    assert.equal(evidence.outcome, 'fail');
    assert.deepEqual(covered(yaml, evidence), ['cap_sys_admin']);
    assert.equal(evidence.scope, subject, 'a fix may rewrite the list in the scope the check ran in');
    const templatedOnly = pod('', '  containers:\n    - name: app\n      image: x:1\n      securityContext:\n        capabilities:\n          add: ["{{ .Values.cap }}"]\n');
    assert.equal(run('k8s-list-items', subjectOf(templatedOnly, 'container'), args).outcome, 'undetermined');
  });

  it('checks a deny-list', () => {
    const evidence = run('k8s-list-items', subjectOf(yaml, 'container'), { path: 'securityContext.capabilities.add', forbidden: ['net_bind_service'] });
    assert.deepEqual(covered(yaml, evidence), ['NET_BIND_SERVICE']);
  });

  it('insists on exactly one of allowed and forbidden', () => {
    assert.throws(() => run('k8s-list-items', subjectOf(yaml, 'container'), { path: 'x' }), /exactly one/);
  });
});

describe('predicate k8s-container-resource-set', () => {
  it('counts a limit as the request and a LimitRange default of the same namespace', () => {
    const limited = pod('', '  containers:\n    - name: app\n      image: x:1\n      resources:\n        limits: { memory: 1Gi }\n');
    assert.equal(run('k8s-container-resource-set', subjectOf(limited, 'container'), { kind: 'requests', resource: 'memory' }).outcome, 'pass');
    assert.equal(run('k8s-container-resource-set', subjectOf(limited, 'container'), { kind: 'requests', resource: 'cpu' }).outcome, 'fail');
    const withRange = `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: l\nspec:\n  limits:\n    - type: Container\n      default: { cpu: 500m }\n---\n${pod('')}`;
    assert.equal(run('k8s-container-resource-set', subjectOf(withRange, 'container'), { kind: 'limits', resource: 'cpu' }).outcome, 'pass');
    assert.equal(run('k8s-container-resource-set', subjectOf(withRange, 'container'), { kind: 'limits', resource: 'memory' }).outcome, 'fail');
  });
});

describe('predicate k8s-service-account-token-not-mounted', () => {
  it('follows the pod setting first, then the ServiceAccount written in the same file', () => {
    const account = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\nautomountServiceAccountToken: false\n---\n';
    assert.equal(run('k8s-service-account-token-not-mounted', subjectOf(account + pod(''), 'pod')).outcome, 'pass');
    assert.equal(run('k8s-service-account-token-not-mounted', subjectOf(pod(''), 'pod')).outcome, 'fail');
    const override = account + pod('  automountServiceAccountToken: true\n');
    assert.deepEqual(covered(override, run('k8s-service-account-token-not-mounted', subjectOf(override, 'pod'))), ['true']);
    const other = account + pod('  serviceAccountName: api\n');
    assert.equal(run('k8s-service-account-token-not-mounted', subjectOf(other, 'pod')).outcome, 'fail');
  });
});

describe('workload selectors', () => {
  const yaml = `apiVersion: batch/v1
kind: Job
metadata:
  name: j
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: task
          image: x:1
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    metadata:
      labels: { data-classification: PHI }
    spec:
      initContainers:
        - name: init
          image: x:1
        - name: sidecar
          image: x:1
          restartPolicy: Always
      containers:
        - name: app
          image: x:1
      ephemeralContainers:
        - name: debug
          image: x:1
`;

  it('k8s-long-running-container: regular and sidecar containers of serving workloads only', () => {
    const outcome = (name: string) => run('k8s-long-running-container', subjectOf(yaml, 'container', `"${name}"`)).outcome;
    assert.equal(outcome('task'), 'fail');
    assert.equal(outcome('init'), 'fail');
    assert.equal(outcome('sidecar'), 'pass');
    assert.equal(outcome('app'), 'pass');
    assert.equal(outcome('debug'), 'fail');
  });

  it('k8s-container-in-groups picks containers by list', () => {
    const args = { groups: ['containers', 'initContainers'] };
    assert.equal(run('k8s-container-in-groups', subjectOf(yaml, 'container', '"init"'), args).outcome, 'pass');
    assert.equal(run('k8s-container-in-groups', subjectOf(yaml, 'container', '"debug"'), args).outcome, 'fail');
  });

  it('k8s-labelled-health-data reads object and pod template labels, with extra values', () => {
    assert.equal(run('k8s-labelled-health-data', subjectOf(yaml, 'object', 'Deployment')).outcome, 'pass');
    assert.equal(run('k8s-labelled-health-data', subjectOf(yaml, 'object', 'Job')).outcome, 'fail');
    const clinical = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: c\n  labels: { classification: clinical }\nspec: {}\n';
    assert.equal(run('k8s-labelled-health-data', subjectOf(clinical, 'object'), {}).outcome, 'fail');
    assert.equal(run('k8s-labelled-health-data', subjectOf(clinical, 'object'), { extraValues: ['clinical'] }).outcome, 'pass');
    const custom = { ...defaultConfig(), dataClassification: { tagNames: ['tier'], healthValues: ['records'] } };
    const tiered = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n  labels: { tier: records }\n';
    assert.equal(run('k8s-labelled-health-data', subjectOf(tiered, 'object'), {}, custom).outcome, 'pass');
  });

  it('k8s-linux-pod skips Windows pods', () => {
    assert.equal(run('k8s-linux-pod', subjectOf(pod('  os: { name: windows }\n'), 'container')).outcome, 'fail');
    assert.equal(run('k8s-linux-pod', subjectOf(pod(''), 'container')).outcome, 'pass');
  });
});

describe('predicate k8s-min-replicas', () => {
  it('reads spec.replicas (default 1), or the minReplicas of an autoscaler in the same file', () => {
    const deployment = (replicas: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n${replicas}  template:\n    spec:\n      containers: []\n`;
    assert.equal(run('k8s-min-replicas', subjectOf(deployment(''), 'object'), { min: 2 }).outcome, 'fail');
    assert.equal(run('k8s-min-replicas', subjectOf(deployment('  replicas: 3\n'), 'object'), { min: 2 }).outcome, 'pass');
    const hpa = (min: number) => `---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: api\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }\n  minReplicas: ${min}\n  maxReplicas: 4\n`;
    assert.equal(run('k8s-min-replicas', subjectOf(deployment('  replicas: 1\n') + hpa(2), 'object', 'Deployment'), { min: 2 }).outcome, 'pass');
    const low = deployment('  replicas: 3\n') + hpa(1);
    const evidence = run('k8s-min-replicas', subjectOf(low, 'object', 'Deployment'), { min: 2 });
    assert.deepEqual(covered(low, evidence), ['1']);
  });
});
