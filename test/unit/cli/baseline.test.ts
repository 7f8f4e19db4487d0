import * as assert from 'node:assert/strict';
import { applyBaseline, createBaseline, parseBaseline, serializeBaseline, BaselineFormatError } from '../../../src/cli/baseline';
import type { Finding } from '../../../src/core/findings/types';

function finding(ruleId: string, file: string, fingerprint: string, resource?: string, line = 0): Finding {
  const at = { offset: 0, line, column: 0 };
  return { ruleId, severity: 'error', status: 'fail', message: 'm', file, range: { start: at, end: at }, controls: [], related: [], fingerprint, ...(resource ? { resource } : {}) };
}

describe('baseline', () => {
  const old = [finding('r1', 'a/main.tf', 'fp1', 'aws_s3_bucket.x'), finding('r2', 'k8s/app.yaml', 'fp2')];
  const baseline = parseBaseline(serializeBaseline(createBaseline('enisa-health-lint', old)));

  it('round-trips through its file format', () => {
    assert.equal(baseline.version, 1);
    assert.equal(baseline.findings.length, 2);
    assert.deepEqual(baseline.findings.find((e) => e.ruleId === 'r1'), { ruleId: 'r1', file: 'a/main.tf', resource: 'aws_s3_bucket.x', fingerprint: 'fp1' });
  });

  it('hides known findings even when they moved to another line', () => {
    const { kept, hidden } = applyBaseline([finding('r1', 'a/main.tf', 'fp1', 'aws_s3_bucket.x', 40)], baseline);
    assert.deepEqual(kept, []);
    assert.equal(hidden, 1);
  });

  it('never lets an old finding hide a new one in another file, resource or rule', () => {
    const fresh = [
      finding('r1', 'b/main.tf', 'fp1', 'aws_s3_bucket.x'),
      finding('r1', 'a/main.tf', 'fp1', 'aws_s3_bucket.y'),
      finding('r3', 'a/main.tf', 'fp1', 'aws_s3_bucket.x'),
      finding('r1', 'a/main.tf', 'fp-changed', 'aws_s3_bucket.x'),
    ];
    const { kept, hidden } = applyBaseline(fresh, baseline);
    assert.equal(hidden, 0);
    assert.equal(kept.length, 4);
  });

  it('counts entries: a second identical finding is new', () => {
    const { kept, hidden } = applyBaseline([finding('r2', 'k8s/app.yaml', 'fp2'), finding('r2', 'k8s/app.yaml', 'fp2')], baseline);
    assert.equal(hidden, 1);
    assert.equal(kept.length, 1);
  });

  it('rejects files that are not baselines, saying why', () => {
    assert.throws(() => parseBaseline('{'), (e: unknown) => e instanceof BaselineFormatError && /not valid JSON/.test(e.message));
    assert.throws(() => parseBaseline('[]'), /"findings" array/);
    assert.throws(() => parseBaseline('{"version":2,"findings":[]}'), /unsupported baseline version 2/);
    assert.throws(() => parseBaseline('{"version":1,"findings":[{"ruleId":"x"}]}'), /findings\[0\]/);
  });
});
