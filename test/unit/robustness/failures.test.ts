/**
 * Failures surface: a rule that throws is reported once per file (an `internal-error` finding and
 * an `internalErrors` entry naming rule and file), every other rule still runs, and the CLI exits 2
 * with a message naming the rule and the file. The throwing predicate exists in this test only.
 */
import assert from 'node:assert/strict';
import { createEngine } from '../../../src/core/engine/engine';
import { builtinCatalog } from '../../../src/core/catalog';
import { defaultConfig } from '../../../src/core/config/defaults';
import { getPredicate, registerPredicate } from '../../../src/core/rules/predicates/registry';
import { runCli } from '../../../src/cli/run-cli';
import { BytesHost } from '../../fuzz/targets';
import { makeTree, removeTree } from '../cli/cli-harness';

const PREDICATE = 'test-only-always-throws';

function throwingRule(id: string): string {
  return [
    `id: ${id}`,
    'title: A rule whose check is broken',
    'severity: error',
    'target: kubernetes',
    'family: k8s-workload-security',
    'select: { scope: container, types: [Pod, Deployment] }',
    `condition: { predicate: ${PREDICATE} }`,
    'message: { what: Never shown., why: The check throws., fix: Nothing to do. }',
    'remediation: None.',
    'controls: [EUCS-OPS-21]',
    'noFixReason: A test rule.',
  ].join('\n');
}

const POD = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      securityContext:\n        privileged: true\n    - name: b\n      image: y:1\n`;

describe('robustness: an internal error in one rule', function () {
  this.timeout(30_000);

  before(() => {
    if (!getPredicate(PREDICATE)) {
      registerPredicate(PREDICATE, () => {
        throw new TypeError('boom: the predicate is broken');
      });
    }
  });

  it('is reported once per file, named, and the other rules still run', async () => {
    const files = new Map([
      ['/w/k8s/a.yaml', POD('a')],
      ['/w/k8s/b.yaml', POD('b')],
      ['/w/rules/broken.yaml', throwingRule('k8s-test-broken-check')],
    ]);
    const config = { ...defaultConfig(), extraRuleFolders: ['rules'] };
    const result = await createEngine({ host: new BytesHost(files), config, configDir: '/w', trusted: true }).lint(['/w/k8s/a.yaml', '/w/k8s/b.yaml']);

    // Two containers per file would fail twice each: still one report per rule and file.
    assert.deepEqual(
      result.internalErrors.map((e) => `${e.ruleId} ${e.file}`),
      ['k8s-test-broken-check /w/k8s/a.yaml', 'k8s-test-broken-check /w/k8s/b.yaml'],
    );
    assert.match(result.internalErrors[0].message, /boom: the predicate is broken/);
    const notices = result.findings.filter((f) => f.ruleId === 'internal-error');
    assert.deepEqual(notices.map((f) => f.file), ['/w/k8s/a.yaml', '/w/k8s/b.yaml']);
    assert.match(notices[0].message, /k8s-test-broken-check/);
    for (const file of ['/w/k8s/a.yaml', '/w/k8s/b.yaml']) {
      assert.ok(result.findings.some((f) => f.ruleId === 'k8s-container-not-privileged' && f.file === file), `other rules ran on ${file}`);
    }
  });

  it('makes the CLI exit 2 with a message naming the rule and the file, after writing the report', async () => {
    const root = makeTree({
      'k8s/pod.yaml': POD('ehr'),
      'rules/broken.yaml': throwingRule('k8s-test-broken-check'),
      '.enisa-health.yaml': 'extraRuleFolders: [rules]\n',
    });
    try {
      let stdout = '';
      let stderr = '';
      const code = await runCli(
        ['scan', 'k8s', '--config', '.enisa-health.yaml', '--format', 'json'],
        {
          cwd: root,
          env: {},
          stdout: { write: (text) => void (stdout += text), isTTY: false },
          stderr: { write: (text) => void (stderr += text), isTTY: false },
        },
        { createEngine, catalog: builtinCatalog },
      );
      assert.equal(code, 2, stderr);
      assert.match(stderr, /internal error in rule k8s-test-broken-check on k8s\/pod\.yaml: .*boom/);
      const report = JSON.parse(stdout) as { findings: Array<{ ruleId: string }> };
      assert.ok(report.findings.some((f) => f.ruleId === 'k8s-container-not-privileged'), 'the report still holds the other findings');
    } finally {
      removeTree(root);
    }
  });
});
