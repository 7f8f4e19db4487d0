import assert from 'node:assert/strict';
import { effectiveSetting } from '../../../src/core/rules/predicates/k8s-security-context';
import { covered, pod, run, subjectOf } from './k8s-helpers';

const TWO_CONTAINERS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      securityContext:
        runAsUser: 1000
        seccompProfile:
          type: RuntimeDefault
        windowsOptions:
          hostProcess: true
          runAsUserName: svc
      containers:
        - name: inherits
          image: example.eu/a:1
        - name: overrides
          image: example.eu/b:1
          securityContext:
            runAsUser: 0
            seccompProfile:
              localhostProfile: x.json
            windowsOptions:
              runAsUserName: other
`;

describe('k8s security context inheritance', () => {
  it('reads the pod setting for a container that writes none', () => {
    const setting = effectiveSetting(subjectOf(TWO_CONTAINERS, 'container', 'inherits'), ['runAsUser']);
    assert.equal(setting.level, 'pod');
    assert.equal(setting.lookup.state === 'known' && setting.lookup.value, 1000);
  });

  it('lets the container win, and replaces whole structs such as seccompProfile', () => {
    const subject = subjectOf(TWO_CONTAINERS, 'container', 'overrides');
    const user = effectiveSetting(subject, ['runAsUser']);
    assert.equal(user.level, 'container');
    assert.equal(user.lookup.state === 'known' && user.lookup.value, 0);
    const seccomp = effectiveSetting(subject, ['seccompProfile', 'type']);
    assert.equal(seccomp.level, 'container');
    assert.equal(seccomp.lookup.state, 'absent', 'the pod type does not leak into the container struct');
  });

  it('merges windowsOptions field by field', () => {
    const subject = subjectOf(TWO_CONTAINERS, 'container', 'overrides');
    assert.equal(effectiveSetting(subject, ['windowsOptions', 'hostProcess']).level, 'pod');
    assert.equal(effectiveSetting(subject, ['windowsOptions', 'runAsUserName']).level, 'container');
  });

  it('reports unset settings against the container, where a fix would write them', () => {
    const subject = subjectOf(pod(''), 'container');
    const setting = effectiveSetting(subject, ['runAsNonRoot']);
    assert.equal(setting.level, 'unset');
    assert.equal(setting.scope, subject);
  });
});

describe('predicate k8s-runs-as-non-root', () => {
  it('passes on an inherited non-root user or runAsNonRoot', () => {
    assert.equal(run('k8s-runs-as-non-root', subjectOf(TWO_CONTAINERS, 'container', 'inherits')).outcome, 'pass');
    assert.equal(run('k8s-runs-as-non-root', subjectOf(pod('  securityContext:\n    runAsNonRoot: true\n'), 'container')).outcome, 'pass');
  });

  it('fails on an explicit user 0 without offering a fix place, even beside runAsNonRoot', () => {
    const yaml = pod('  securityContext:\n    runAsNonRoot: true\n    runAsUser: 0\n');
    const evidence = run('k8s-runs-as-non-root', subjectOf(yaml, 'container'));
    assert.equal(evidence.outcome, 'fail');
    assert.deepEqual(covered(yaml, evidence), ['0']);
    assert.equal((evidence.scope?.handle as { kind: string }).kind, 'no-fix');
  });

  it('fails at the container when nothing is set, and at runAsNonRoot: false where it is written', () => {
    const bare = pod('');
    const missing = run('k8s-runs-as-non-root', subjectOf(bare, 'container'));
    assert.equal(missing.outcome, 'fail');
    assert.deepEqual(covered(bare, missing), ['name: app']);
    const explicit = pod('  securityContext:\n    runAsNonRoot: false\n');
    const subject = subjectOf(explicit, 'container');
    const written = run('k8s-runs-as-non-root', subject);
    assert.deepEqual(covered(explicit, written), ['false']);
    assert.equal(written.scope, subject.pod, 'the fix edits the pod, where the value is written');
  });

  it('is undetermined when a template sets the user', () => {
    const yaml = pod('  securityContext:\n    runAsUser: {{ .Values.uid }}\n');
    assert.equal(run('k8s-runs-as-non-root', subjectOf(yaml, 'container')).outcome, 'undetermined');
  });
});

describe('predicate k8s-no-root-group', () => {
  it('reports every root group id once: inherited runAsGroup, fsGroup and supplemental groups', () => {
    const yaml = pod('  securityContext:\n    runAsGroup: 0\n    fsGroup: 0\n    supplementalGroups: [5, 0]\n');
    const evidence = run('k8s-no-root-group', subjectOf(yaml, 'container'));
    assert.equal(evidence.outcome, 'fail');
    assert.deepEqual(covered(yaml, evidence), ['0', '0', '0']);
  });

  it('passes when groups are absent or non-zero', () => {
    assert.equal(run('k8s-no-root-group', subjectOf(pod(''), 'container')).outcome, 'pass');
    assert.equal(run('k8s-no-root-group', subjectOf(pod('  securityContext:\n    fsGroup: 2000\n'), 'container')).outcome, 'pass');
  });
});

describe('predicate k8s-seccomp-confined', () => {
  it('accepts RuntimeDefault and Localhost in force, and refuses Unconfined', () => {
    assert.equal(run('k8s-seccomp-confined', subjectOf(TWO_CONTAINERS, 'container', 'inherits')).outcome, 'pass');
    const yaml = pod('  securityContext:\n    seccompProfile:\n      type: Unconfined\n');
    assert.deepEqual(covered(yaml, run('k8s-seccomp-confined', subjectOf(yaml, 'container'))), ['Unconfined']);
  });

  it('does not count the deprecated annotations and says so', () => {
    const yaml = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    container.seccomp.security.alpha.kubernetes.io/app: runtime/default\nspec:\n  containers:\n    - name: app\n      image: x:1\n`;
    const evidence = run('k8s-seccomp-confined', subjectOf(yaml, 'container'));
    assert.equal(evidence.outcome, 'fail');
    assert.match(evidence.valueText ?? '', /deprecated seccomp annotation/);
  });

  it('skips Windows pods', () => {
    assert.equal(run('k8s-seccomp-confined', subjectOf(pod('  os:\n    name: windows\n'), 'container')).outcome, 'pass');
  });
});

describe('predicate k8s-apparmor-not-unconfined', () => {
  it('reads the annotation of the container by name, and the field in force', () => {
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    metadata:
      annotations:
        container.apparmor.security.beta.kubernetes.io/b: unconfined
    spec:
      containers:
        - name: a
          image: x:1
        - name: b
          image: y:1
          securityContext:
            appArmorProfile:
              type: Unconfined
`;
    assert.equal(run('k8s-apparmor-not-unconfined', subjectOf(yaml, 'container', '"a"')).outcome, 'pass');
    const evidence = run('k8s-apparmor-not-unconfined', subjectOf(yaml, 'container', '"b"'));
    assert.deepEqual(covered(yaml, evidence).sort(), ['Unconfined', 'unconfined']);
  });
});

describe('predicate k8s-effective-security-context', () => {
  it('applies a value test with a default to the setting in force', () => {
    const args = { path: 'windowsOptions.hostProcess', default: false, equals: false };
    assert.equal(run('k8s-effective-security-context', subjectOf(TWO_CONTAINERS, 'container', 'overrides'), args).outcome, 'fail');
    assert.equal(run('k8s-effective-security-context', subjectOf(pod(''), 'container'), args).outcome, 'pass');
  });

  it('refuses to run without a path', () => {
    assert.throws(() => run('k8s-effective-security-context', subjectOf(pod(''), 'container'), { equals: true }), /needs args.path/);
  });
});
