import assert from 'node:assert/strict';
import { lintTerraformModule } from '../../../src/core/engine/lint-terraform';
import type { TerraformMemo } from '../../../src/core/engine/incremental-terraform';
import type { SubjectOutcome } from '../../../src/core/engine/run-rules';
import { recordOutcome, reuseRecorded, type OutcomesByKey } from '../../../src/core/engine/reuse-outcome';
import { builtinRules } from '../../../src/core/engine/builtin-rules';
import { defaultConfig } from '../../../src/core/config/defaults';
import { createParseCache } from '../../../src/core/terraform';
import type { Range } from '../../../src/core/text/position';
import { MemoryHost } from '../helpers/hosts';

const MODULE = `resource "aws_s3_bucket" "records" {
  bucket = "ehr-records"
  tags = { DataClassification = "PHI" }
}

resource "aws_db_instance" "ehr" {
  engine              = "postgres"
  publicly_accessible = true
  storage_encrypted   = false
  password            = "hunter2hunter2"
}
`;

const fieldsOf = (finding: object) => Object.keys(finding).filter((k) => k !== 'fix').sort();

/**
 * Findings are copied field by field on the hot path of an edit (`copyFinding` in lint-lived,
 * `reuseRecorded`): a field added to drafts but not to those copies would vanish
 * from every finding, fresh or reused alike, so comparing with a fresh engine would not notice.
 */
describe('finding copies on the edit path', () => {
  it('keep every field a rule draft carries, whether handed out, moved or carried over', async () => {
    const outcomes: SubjectOutcome[] = [];
    const spy = { begin() {}, finish() {}, reuse: () => undefined, record: (_r: unknown, _s: unknown, o: SubjectOutcome) => outcomes.push(o) };
    const config = defaultConfig();
    const run = await lintTerraformModule({
      host: new MemoryHost(new Map([['/m/main.tf', MODULE]])),
      dir: '/m',
      parseCache: createParseCache(),
      rules: builtinRules().rules,
      config,
      memo: spy as unknown as TerraformMemo,
    });
    const drafts = outcomes.flatMap((o) => (o.kind === 'findings' ? o.drafts : []));
    assert.ok(drafts.length >= 3, `the module fails several rules (${drafts.length})`);
    const handedOut = new Map(run.findings.map((f) => [`${f.ruleId}|${f.range.start.offset}`, f]));
    const shift = (_file: string, range: Range): Range => ({
      start: { ...range.start, offset: range.start.offset + 1 },
      end: { ...range.end, offset: range.end.offset + 1 },
    });
    for (const draft of drafts) {
      const fields = fieldsOf(draft.finding);
      const finding = handedOut.get(`${draft.finding.ruleId}|${draft.finding.range.start.offset}`);
      assert.ok(finding, draft.finding.ruleId);
      assert.deepEqual(fieldsOf(finding), fields, `handed out: ${draft.finding.ruleId}`);
      const recorded: OutcomesByKey = new Map();
      recordOutcome(recorded, 'subject', undefined as never, { kind: 'findings', drafts: [draft] });
      const moved = reuseRecorded(recorded, 'subject', shift, undefined as never, undefined as never, undefined as never, config);
      assert.ok(moved && moved.kind === 'findings');
      assert.deepEqual(fieldsOf(moved.drafts[0].finding), fields, `moved: ${draft.finding.ruleId}`);
      assert.equal(moved.drafts[0].finding.range.start.offset, draft.finding.range.start.offset + 1);
    }
  });
});
