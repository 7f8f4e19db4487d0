import assert from 'node:assert/strict';
import { parseWaiverComment } from '../../../src/core/suppressions/parse';
import { applyWaivers, type WaiverSite } from '../../../src/core/suppressions/apply';
import type { Finding } from '../../../src/core/findings/types';

const at = (line: number) => ({ start: { offset: line * 10, line, column: 0 }, end: { offset: line * 10 + 5, line, column: 5 } });

function finding(ruleId: string, line: number): Finding {
  return { ruleId, severity: 'error', status: 'fail', message: 'm', file: 'a.tf', range: at(line), controls: [], related: [], fingerprint: `${ruleId}${line}` };
}

function site(text: string, from: number, to: number): WaiverSite {
  const parsed = parseWaiverComment(text, at(from - 1))!;
  return { ...parsed, file: 'a.tf', coversFromLine: from, coversToLine: to, source: 'inline' };
}

describe('waiver comments', () => {
  it('read rule ids, the reason and the expiry', () => {
    const w = parseWaiverComment(' enisa-health-ignore aws-a-b, aws-c-d -- public dataset approved by DPO (DPIA-12) expires 2027-01-31', at(0))!;
    assert.deepEqual(w.ruleIds, ['aws-a-b', 'aws-c-d']);
    assert.equal(w.reason, 'public dataset approved by DPO (DPIA-12)');
    assert.equal(w.expires, '2027-01-31');
    assert.deepEqual(w.problems, []);
  });

  it('refuse a waiver without a reason', () => {
    const w = parseWaiverComment('enisa-health-ignore aws-a-b', at(0))!;
    assert.deepEqual(w.problems, ['a waiver needs a reason after "--"']);
  });

  it('ignore comments that are not waivers', () => {
    assert.equal(parseWaiverComment(' just a note', at(0)), undefined);
  });
});

describe('applying waivers', () => {
  it('hide the named rule on the covered lines only', () => {
    const out = applyWaivers([finding('aws-a-b', 3), finding('aws-c-d', 3), finding('aws-a-b', 9)], [site('enisa-health-ignore aws-a-b -- ok', 3, 5)], { forbiddenRules: [], requireExpiry: false }, '2026-01-01');
    assert.deepEqual(out.suppressed.map((f) => [f.ruleId, f.range.start.line, f.waiver?.reason]), [['aws-a-b', 3, 'ok']]);
    assert.deepEqual(out.findings.map((f) => [f.ruleId, f.range.start.line]), [['aws-c-d', 3], ['aws-a-b', 9]]);
    assert.deepEqual(out.waiverFindings, []);
  });

  it('an expired waiver stops hiding and is reported', () => {
    const out = applyWaivers([finding('aws-a-b', 3)], [site('enisa-health-ignore aws-a-b -- ok expires 2025-12-31', 3, 3)], { forbiddenRules: [], requireExpiry: false }, '2026-01-01');
    assert.equal(out.findings.length, 1);
    assert.deepEqual(out.waiverFindings.map((f) => f.ruleId), ['waiver-expired']);
  });

  it('a waiver that hides nothing is reported', () => {
    const out = applyWaivers([], [site('enisa-health-ignore aws-a-b -- ok', 3, 3)], { forbiddenRules: [], requireExpiry: false }, '2026-01-01');
    assert.deepEqual(out.waiverFindings.map((f) => f.ruleId), ['waiver-unused']);
  });

  it('policy can forbid waiving a rule, require an expiry and cap its length', () => {
    const policy = { forbiddenRules: ['aws-a-b'], requireExpiry: true, maxDays: 30 };
    const out = applyWaivers(
      [finding('aws-a-b', 3), finding('aws-c-d', 6)],
      [site('enisa-health-ignore aws-a-b -- ok expires 2026-01-10', 3, 3), site('enisa-health-ignore aws-c-d -- ok expires 2026-06-01', 6, 6)],
      policy,
      '2026-01-01',
    );
    assert.equal(out.findings.length, 2);
    assert.equal(out.suppressed.length, 0);
    assert.deepEqual(out.waiverFindings.map((f) => f.ruleId), ['waiver-invalid', 'waiver-invalid']);
    assert.match(out.waiverFindings[0].message, /does not allow waiving aws-a-b/);
    assert.match(out.waiverFindings[1].message, /more than 30 days/);
  });
});
