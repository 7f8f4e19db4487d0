import * as assert from 'node:assert/strict';
import { buildComplianceSummary, type Tally } from '../../../src/core/reports';
import { sampleInput } from './sample-input';

function counts(rows: Tally[]): Record<string, [number, number, number, number]> {
  return Object.fromEntries(rows.map((r) => [r.key, [r.failed, r.undetermined, r.suppressed, r.passed]]));
}

describe('compliance summary', () => {
  const summary = buildComplianceSummary(sampleInput({ baselined: 2 }));

  it('counts outcomes per control family from the catalog, unknown controls as unmapped, use-case entries not as a family', () => {
    assert.deepEqual(counts(summary.byFamily), {
      encryption: [1, 0, 0, 1],
      hardening: [0, 1, 1, 1],
      network: [1, 0, 1, 1],
      unmapped: [2, 0, 0, 1],
    });
  });

  it('counts per ENISA use case from rules and controls, labelled from the catalog', () => {
    assert.deepEqual(counts(summary.byUseCase), {
      ehr: [1, 0, 1, 2],
      'medical-devices': [0, 1, 1, 1],
      'remote-care': [0, 1, 1, 1],
    });
    assert.equal(summary.byUseCase.find((r) => r.key === 'ehr')!.label, 'Electronic Health Record');
    assert.equal(summary.byUseCase.find((r) => r.key === 'remote-care')!.label, 'Remote care');
  });

  it('counts per file (clean files included) and per rule', () => {
    assert.deepEqual(counts(summary.byFile), {
      'clean/ok.yaml': [0, 0, 0, 1],
      'config/.env': [1, 0, 0, 1],
      'k8s/deploy.yaml': [1, 1, 1, 0],
      'terraform/main.tf': [1, 0, 1, 1],
    });
    assert.equal(summary.byRule.find((r) => r.key === 'aws-s3-public')!.label, 'Title of aws-s3-public');
    assert.deepEqual(counts(summary.byRule)['parse-error'], [1, 0, 0, 0]);
  });

  it('lists waivers in force and the expired one that no longer hides its finding', () => {
    assert.deepEqual(
      summary.waivers.map((w) => [w.ruleId, w.file, w.line, w.expires, w.inForce]),
      [
        ['env-secret', 'config/.env', 1, '2020-01-01', false],
        ['k8s-run-as-root', 'k8s/deploy.yaml', 41, undefined, true],
        ['aws-s3-public', 'terraform/main.tf', 31, '2099-12-31', true],
      ],
    );
  });

  it('keeps skipped files, internal errors and the baseline count', () => {
    assert.deepEqual(summary.skippedFiles.map((f) => f.file), ['big/huge.json']);
    assert.equal(summary.internalErrors.length, 1);
    assert.equal(summary.baselined, 2);
    assert.equal(summary.findings.length, 4);
  });

  it('works without a catalog', () => {
    const bare = buildComplianceSummary(sampleInput({ catalog: undefined }));
    assert.deepEqual(bare.byFamily.map((r) => r.key), ['unmapped']);
    assert.equal(bare.byUseCase.find((r) => r.key === 'ehr')!.label, 'Electronic health records');
  });
});
