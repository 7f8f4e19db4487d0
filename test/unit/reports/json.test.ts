import * as assert from 'node:assert/strict';
import { buildJsonReport } from '../../../src/core/reports';
import { formatReport } from '../../../src/core/reports';
import { sampleInput, TRICKY_MESSAGE } from './sample-input';

describe('JSON report', () => {
  const report = buildJsonReport(sampleInput());

  it('names the tool and lists every file with its path, kind and parse errors', () => {
    assert.deepEqual(report.tool, { name: 'enisa-health-lint', version: '1.2.3' });
    assert.equal(report.files.length, 5);
    assert.deepEqual(report.files[1], { path: 'k8s/deploy.yaml', kind: 'kubernetes', parseErrors: 1 });
    assert.deepEqual(report.files[4], { path: 'big/huge.json', kind: 'unknown', parseErrors: 0, skipped: 'over the size limit' });
  });

  it('prints findings with exactly the contract fields, 1-based ranges, sorted by file and line', () => {
    assert.deepEqual(
      report.findings.map((f) => `${f.file}:${f.range.start.line}`),
      ['config/.env:1', 'k8s/deploy.yaml:3', 'k8s/deploy.yaml:21', 'terraform/main.tf:10'],
    );
    const s3 = report.findings.find((f) => f.ruleId === 'aws-s3-public')!;
    assert.deepEqual(Object.keys(s3), ['ruleId', 'severity', 'status', 'message', 'file', 'range', 'resource', 'controls', 'fixable', 'fingerprint']);
    assert.deepEqual(s3.range, { start: { line: 10, column: 3 }, end: { line: 10, column: 31 } });
    assert.equal(s3.message, TRICKY_MESSAGE);
    assert.equal(s3.fixable, true);
    const review = report.findings.find((f) => f.status === 'undetermined')!;
    assert.equal(review.reason, 'runAsUser comes from a Helm value');
    assert.equal(review.fixable, false);
    const parse = report.findings.find((f) => f.ruleId === 'parse-error')!;
    assert.equal('resource' in parse, false, 'optional fields are left out, not null');
  });

  it('lists waived findings with the waiver reason and expiry (null when none)', () => {
    assert.equal(report.suppressed.length, 2);
    const inline = report.suppressed.find((f) => f.resource === 'aws_s3_bucket.public_site')!;
    assert.equal(inline.reason, 'public website, no patient data');
    assert.equal(inline.expires, '2099-12-31');
    const fromFile = report.suppressed.find((f) => f.resource === 'Deployment/ehr/legacy')!;
    assert.equal(fromFile.expires, null);
  });

  it('summarises counts per severity, status and rule', () => {
    assert.deepEqual(report.summary, {
      files: 5,
      findings: 4,
      bySeverity: { error: 2, warning: 1, info: 1 },
      undetermined: 1,
      suppressed: 2,
      passes: 3,
      byRule: {
        'aws-s3-public': { findings: 1, undetermined: 0, suppressed: 1, passes: 1 },
        'env-secret': { findings: 1, undetermined: 0, suppressed: 0, passes: 1 },
        'k8s-run-as-root': { findings: 1, undetermined: 1, suppressed: 1, passes: 1 },
        'parse-error': { findings: 1, undetermined: 0, suppressed: 0, passes: 0 },
      },
    });
  });

  it('serialises to JSON that parses back to the same report', () => {
    assert.deepEqual(JSON.parse(formatReport('json', sampleInput())), report);
  });
});
