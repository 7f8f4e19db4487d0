import assert from 'node:assert/strict';
import { createEngine } from '../../../src/core/engine/engine';
import { fixIsBuilt, findingWithLazyFix } from '../../../src/core/engine/lazy-fix';
import { MAX_FIXES_PER_RULE_AND_FILE } from '../../../src/core/engine/run-rules';
import type { Finding, Fix } from '../../../src/core/findings/types';
import { MemoryHost } from '../helpers/hosts';

const BASE: Finding = {
  ruleId: 'r',
  severity: 'error',
  status: 'fail',
  message: 'm',
  file: '/w/a.tf',
  range: { start: { offset: 0, line: 0, column: 0 }, end: { offset: 1, line: 0, column: 1 } },
  resource: 'x.y',
  controls: ['C-1'],
  related: [],
  reason: undefined,
  fingerprint: '00000000',
};
const FIX: Fix = { title: 't', edits: [{ file: '/w/a.tf', range: BASE.range, newText: 'n' }], preferred: true };

async function lintFiles(files: Record<string, string>) {
  return createEngine({ host: new MemoryHost(new Map(Object.entries(files))), today: '2026-06-01' }).lint(Object.keys(files));
}

describe('fixes built on demand', () => {
  it('builds a fix once, when first read, and then holds it as a plain field', () => {
    let builds = 0;
    const finding = findingWithLazyFix(BASE, () => {
      builds++;
      return FIX;
    });
    assert.equal(builds, 0);
    assert.equal(fixIsBuilt(finding), false);
    assert.deepEqual(Object.keys(finding).sort(), [...Object.keys(BASE), 'fix'].sort(), 'every field of the finding is carried over');
    assert.equal(finding.fix, FIX);
    assert.equal(finding.fix, FIX);
    assert.equal(builds, 1);
    assert.equal(fixIsBuilt(finding), true);
  });

  it('drops the field when no fix can be written, or when building it fails', () => {
    for (const build of [() => undefined, () => { throw new Error('odd shape'); }]) {
      const finding = findingWithLazyFix(BASE, build);
      assert.equal(finding.fix, undefined);
      assert.equal('fix' in finding, false);
      assert.deepEqual(finding, { ...BASE });
    }
  });

  it('shows the built fix to spreading, JSON and structured clone (the scan worker), and accepts assignment', () => {
    const spread = { ...findingWithLazyFix(BASE, () => FIX) };
    assert.deepEqual(spread.fix, FIX);
    assert.deepEqual(JSON.parse(JSON.stringify(findingWithLazyFix(BASE, () => FIX))).fix, JSON.parse(JSON.stringify(FIX)));
    assert.deepEqual(structuredClone(findingWithLazyFix(BASE, () => FIX)).fix, FIX);
    const assigned = findingWithLazyFix(BASE, () => FIX);
    assigned.fix = undefined;
    assert.equal(assigned.fix, undefined);
  });

  it('leaves every fix unbuilt after a lint, and builds the same fix a reader would have got before', async () => {
    const files = { '/w/main.tf': 'resource "aws_db_instance" "a" {\n  publicly_accessible = true\n  storage_encrypted = false\n}\n' };
    const result = await lintFiles(files);
    const fixable = result.findings.filter((f) => Object.getOwnPropertyDescriptor(f, 'fix'));
    assert.ok(fixable.length > 0);
    assert.ok(fixable.every((f) => !fixIsBuilt(f)), 'no fix is built by linting');
    const publicAccess = result.findings.find((f) => f.ruleId === 'aws-rds-not-publicly-accessible');
    assert.equal(publicAccess?.fix?.edits[0].newText, 'false');
  });

  it('builds no fix when the caller shows none, and reports the same findings otherwise', async () => {
    const files = {
      '/w/main.tf': 'resource "aws_db_instance" "a" {\n  publicly_accessible = true\n  storage_encrypted = false\n}\n',
      '/w/deploy.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: registry.example.eu/c:1.0\n      securityContext:\n        privileged: true\n',
    };
    const engine = () => createEngine({ host: new MemoryHost(new Map(Object.entries(files))), today: '2026-06-01' });
    const withFixes = await engine().lint(Object.keys(files));
    const without = await engine().lint(Object.keys(files), { fixes: false });
    assert.ok(withFixes.findings.some((f) => f.fix !== undefined), 'the files have fixable findings');
    assert.ok(without.findings.every((f) => !Object.getOwnPropertyDescriptor(f, 'fix')), 'no finding carries a fix');
    const plain = (findings: Finding[]) => findings.map(({ fix: _fix, ...rest }) => rest);
    assert.deepEqual(plain(without.findings), plain(withFixes.findings));
    assert.deepEqual(without.passes, withFixes.passes);
  });

  it('keeps the budget of fixes per rule and file', async () => {
    const many = Array.from({ length: MAX_FIXES_PER_RULE_AND_FILE + 20 }, (_, i) => `resource "aws_db_instance" "a${i}" {\n  publicly_accessible = true\n}\n`).join('');
    const result = await lintFiles({ '/w/main.tf': many });
    const findings = result.findings.filter((f) => f.ruleId === 'aws-rds-not-publicly-accessible');
    assert.equal(findings.length, MAX_FIXES_PER_RULE_AND_FILE + 20);
    assert.equal(findings.filter((f) => f.fix).length, MAX_FIXES_PER_RULE_AND_FILE);
  });
});
