import assert from 'node:assert/strict';
import { createEngine } from '../../../src/core/engine/engine';
import type { EngineLintResult } from '../../../src/core/engine/api';
import type { Finding } from '../../../src/core/findings/types';
import { MemoryHost } from '../helpers/hosts';
import { defaultConfig } from '../../../src/core/config/defaults';

const NAMESPACE = `apiVersion: v1
kind: Namespace
metadata:
  name: ehr
  labels:
    data-classification: patient-data
`;

const DENY_ALL = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: ehr
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;

const deployment = (replicas: number, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ehr-api
  namespace: ehr
  labels:
    data-classification: patient-data
spec:
  replicas: ${replicas}
  selector:
    matchLabels: { app: ehr-api }
  template:
    metadata:
      labels: { app: ehr-api }
    spec:
${extra}      containers:
        - name: api
          image: example.eu/ehr-api:3.0.0
`;

const budget = (value: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ehr-api
  namespace: ehr
spec:
  ${value}
  selector:
    matchLabels: { app: ehr-api }
`;

async function lint(files: Record<string, string>, paths: string[] = Object.keys(files), overlays?: Map<string, string>): Promise<EngineLintResult> {
  const engine = createEngine({ host: new MemoryHost(new Map(Object.entries(files))), today: '2026-06-01' });
  return engine.lint(paths, { overlays });
}

function of(result: EngineLintResult, ruleId: string): Finding[] {
  return result.findings.filter((f) => f.ruleId === ruleId);
}

function summary(findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId}|${f.status}|${f.file}|${f.range.start.offset}-${f.range.end.offset}|${f.related.map((r) => `${r.file}@${r.range.start.offset}`).join(',')}`).sort();
}

describe('manifest sets (Kubernetes checks across files)', () => {
  it('finds a default-deny NetworkPolicy written in another file of the folder', async () => {
    const alone = await lint({ '/w/k8s/namespace.yaml': NAMESPACE });
    assert.equal(of(alone, 'k8s-namespace-default-deny-ingress').length, 1);
    const together = await lint({ '/w/k8s/namespace.yaml': NAMESPACE, '/w/k8s/policy.yaml': DENY_ALL }, ['/w/k8s/namespace.yaml']);
    assert.deepEqual(of(together, 'k8s-namespace-default-deny-ingress'), []);
  });

  it('follows files a kustomization lists under resources, and not directories or remote bases', async () => {
    const files = {
      '/w/overlay/namespace.yaml': NAMESPACE,
      '/w/overlay/kustomization.yaml': 'resources:\n  - namespace.yaml\n  - ../shared/policy.yaml\n  - ../base\n  - https://example.eu/remote.yaml\n',
      '/w/shared/policy.yaml': DENY_ALL,
    };
    const result = await lint(files, ['/w/overlay/namespace.yaml']);
    assert.deepEqual(of(result, 'k8s-namespace-default-deny-ingress'), []);
  });

  it('uses an autoscaler from another file and points at it with a related location', async () => {
    const hpa = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ehr-api
  namespace: ehr
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: ehr-api }
  minReplicas: 1
  maxReplicas: 4
`;
    const result = await lint({ '/w/k8s/deployment.yaml': deployment(3), '/w/k8s/hpa.yaml': hpa }, ['/w/k8s/deployment.yaml']);
    const [finding] = of(result, 'k8s-workload-clinical-replicas');
    assert.ok(finding, 'the autoscaler floor of 1 is reported');
    assert.equal(finding.file, '/w/k8s/deployment.yaml');
    assert.equal(finding.related[0]?.file, '/w/k8s/hpa.yaml');
    assert.equal(finding.related[0]?.range.start.line, 7);
    assert.equal(finding.fix, undefined);
  });

  it('reads a ServiceAccount in another file and points at its setting', async () => {
    const account = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\n  namespace: ehr\nautomountServiceAccountToken: true\n';
    const withAccount = deployment(2, '      serviceAccountName: api\n');
    const result = await lint({ '/w/k8s/deployment.yaml': withAccount, '/w/k8s/account.yaml': account }, ['/w/k8s/deployment.yaml']);
    const [finding] = of(result, 'k8s-pod-service-account-token-not-mounted');
    assert.ok(finding);
    assert.equal(finding.related[0]?.file, '/w/k8s/account.yaml');
    const off = await lint({ '/w/k8s/deployment.yaml': withAccount, '/w/k8s/account.yaml': account.replace('true', 'false') }, ['/w/k8s/deployment.yaml']);
    assert.deepEqual(of(off, 'k8s-pod-service-account-token-not-mounted'), []);
  });

  it('gives the same findings whether the files are linted together or one at a time', async () => {
    const files = {
      '/w/k8s/namespace.yaml': NAMESPACE,
      '/w/k8s/deployment.yaml': deployment(3),
      '/w/k8s/pdb.yaml': budget('maxUnavailable: 100%'),
      '/w/k8s/limits.yaml': 'apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n  namespace: ehr\nspec:\n  limits:\n    - type: Container\n      default: { cpu: 500m, memory: 256Mi }\n',
    };
    const together = await lint(files);
    const oneByOne: Finding[] = [];
    for (const path of Object.keys(files)) oneByOne.push(...(await lint(files, [path])).findings);
    assert.deepEqual(summary(oneByOne), summary(together.findings));
    assert.equal(of(together, 'k8s-container-memory-limit-set').length, 0, 'the LimitRange in limits.yaml gives the default');
    const [pdb] = of(together, 'k8s-workload-disruption-budget');
    assert.ok(pdb, 'a budget of 100% unavailable is reported');
    assert.equal(pdb.file, '/w/k8s/deployment.yaml');
    assert.equal(pdb.related[0]?.file, '/w/k8s/pdb.yaml');
  });

  it('lets an unsaved buffer of a sibling win over the disk', async () => {
    const files = { '/w/k8s/deployment.yaml': deployment(3), '/w/k8s/pdb.yaml': budget('maxUnavailable: 100%') };
    const saved = await lint(files, ['/w/k8s/deployment.yaml']);
    assert.equal(of(saved, 'k8s-workload-disruption-budget').length, 1);
    const edited = await lint(files, ['/w/k8s/deployment.yaml'], new Map([['/w/k8s/pdb.yaml', budget('maxUnavailable: 1')]]));
    assert.deepEqual(of(edited, 'k8s-workload-disruption-budget'), []);
  });

  it('reports a missing budget as undetermined when the folder is too large to read', async () => {
    const files: Record<string, string> = { '/w/big/deployment.yaml': deployment(3), '/w/big/pdb.yaml': budget('minAvailable: 1') };
    for (let i = 0; i < 201; i++) files[`/w/big/config-${i}.yaml`] = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`;
    const result = await lint(files, ['/w/big/deployment.yaml']);
    const [finding] = of(result, 'k8s-workload-disruption-budget');
    assert.equal(finding?.status, 'undetermined');
    assert.match(finding?.reason ?? '', /203 YAML files/);
    const namespace = await lint({ ...files, '/w/big/namespace.yaml': NAMESPACE }, ['/w/big/namespace.yaml']);
    assert.equal(of(namespace, 'k8s-namespace-default-deny-ingress')[0]?.status, 'undetermined');
  });

  it('says undetermined when a sibling manifest is over the size limit', async () => {
    const config = defaultConfig();
    config.maxFileSizeBytes = 2000;
    const engine = createEngine({
      host: new MemoryHost(new Map([['/w/k8s/namespace.yaml', NAMESPACE], ['/w/k8s/huge.yaml', `${DENY_ALL}# ${'x'.repeat(3000)}\n`]])),
      config,
      today: '2026-06-01',
    });
    const result = await engine.lint(['/w/k8s/namespace.yaml']);
    const [finding] = of(result, 'k8s-namespace-default-deny-ingress');
    assert.equal(finding?.status, 'undetermined');
    assert.match(finding?.reason ?? '', /huge\.yaml/);
  });
});

describe('Kustomize patch files', () => {
  const patch = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ehr-api
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: api
          securityContext:
            privileged: true
`;

  it('reports only what a strategic-merge patch sets, never what it leaves out', async () => {
    const standalone = await lint({ '/w/overlay/replicas.yaml': patch });
    assert.ok(of(standalone, 'k8s-container-runs-as-non-root').length > 0, 'as a whole object it misses settings');
    for (const kustomization of [
      'resources: [../base]\npatches:\n  - path: replicas.yaml\n    target: { kind: Deployment }\n',
      'resources: [../base]\npatchesStrategicMerge:\n  - replicas.yaml\n',
    ]) {
      const result = await lint({ '/w/overlay/replicas.yaml': patch, '/w/overlay/kustomization.yaml': kustomization }, ['/w/overlay/replicas.yaml']);
      assert.deepEqual(
        result.findings.map((f) => f.ruleId),
        ['k8s-container-not-privileged'],
        JSON.stringify(result.findings.map((f) => `${f.ruleId} ${f.range.start.line}`)),
      );
    }
  });

  it('recognises a patch listed by a kustomization in a parent folder', async () => {
    const result = await lint(
      { '/w/overlays/prod/patches/replicas.yaml': patch, '/w/overlays/prod/kustomization.yaml': 'patches:\n  - path: patches/replicas.yaml\n' },
      ['/w/overlays/prod/patches/replicas.yaml'],
    );
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['k8s-container-not-privileged']);
  });

  it('reports no object findings in a JSON 6902 patch', async () => {
    const ops = '- op: replace\n  path: /spec/replicas\n  value: 1\n';
    const result = await lint({ '/w/overlay/ops.yaml': ops, '/w/overlay/kustomization.yaml': 'patchesJson6902:\n  - target: { kind: Deployment, name: x }\n    path: ops.yaml\n' }, [
      '/w/overlay/ops.yaml',
    ]);
    assert.deepEqual(result.findings, []);
  });

  it('keeps patches out of the manifest set of their siblings', async () => {
    const partialBudget = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ehr-api\n  namespace: ehr\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: { app: ehr-api }\n';
    const files = {
      '/w/overlay/deployment.yaml': deployment(3),
      '/w/overlay/pdb-patch.yaml': partialBudget,
      '/w/overlay/kustomization.yaml': 'resources: [deployment.yaml]\npatches:\n  - path: pdb-patch.yaml\n',
    };
    const result = await lint(files, ['/w/overlay/deployment.yaml']);
    assert.equal(of(result, 'k8s-workload-disruption-budget').length, 1, 'a patch changes a budget defined elsewhere; it is not one itself');
  });
});
