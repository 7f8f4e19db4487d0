import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules } from '../../../src/core/engine/builtin-rules';
import {
  FIXTURE_ROOT,
  applyFix,
  describeFinding,
  expectationsFor,
  lintFiles,
  loadVariants,
  matches,
  tally,
} from './rule-tester';

const { rules, errors } = builtinRules();

describe('built-in rules', () => {
  it('all load without errors', () => {
    assert.deepEqual(errors, []);
    assert.ok(rules.length >= 12, `expected at least 12 rules, found ${rules.length}`);
  });

  it('each has a fixture folder', () => {
    const missing = rules.filter((r) => !existsSync(join(FIXTURE_ROOT, r.meta.id))).map((r) => r.meta.id);
    assert.deepEqual(missing, []);
  });

  it('each message follows the three-part shape (what, why, what to do) in full sentences', () => {
    for (const rule of rules) {
      for (const part of ['what', 'why', 'fix'] as const) {
        const text = rule.meta.message[part];
        assert.match(text, /^[A-Z{"]/, `${rule.meta.id} message.${part} should start a sentence`);
        assert.match(text, /[.!]"?$/, `${rule.meta.id} message.${part} should end with a full stop`);
      }
      assert.notEqual(rule.meta.message.what, rule.meta.message.fix, rule.meta.id);
    }
  });
});

for (const rule of rules) {
  const id = rule.meta.id;
  describe(`rule ${id}`, () => {
    const variants = loadVariants(id);

    it('has failing and passing fixtures', () => {
      assert.ok(variants.some((v) => v.kind === 'fail'), 'no fail fixture');
      assert.ok(variants.some((v) => v.kind === 'pass'), 'no pass fixture');
    });

    for (const variant of variants) {
      it(`${variant.name}: reports exactly what the markers say`, async () => {
        const result = await lintFiles(variant.files);
        const parseErrors = result.findings.filter((f) => f.ruleId === 'parse-error');
        assert.deepEqual(parseErrors.map(describeFinding), [], 'fixture does not parse');
        assert.deepEqual(result.internalErrors, []);
        const mine = result.findings.filter((f) => f.ruleId === id);
        const expected = expectationsFor(id, variant.files);
        if (variant.kind === 'pass') {
          assert.deepEqual(mine.map(describeFinding), [], 'a pass fixture must produce no finding of this rule');
          assert.equal(expected.length, 0, 'pass fixtures carry no expect markers');
          return;
        }
        assert.ok(expected.length > 0, 'fixture has no expect markers');
        const unmatched = [...mine];
        for (const e of expected) {
          const i = unmatched.findIndex((f) => matches(e, f, variant.files));
          assert.ok(i >= 0, `expected ${e.status} at ${e.file}:${e.line + 1} covering ${JSON.stringify(e.text)}; got:\n${mine.map(describeFinding).join('\n')}`);
          unmatched.splice(i, 1);
        }
        assert.deepEqual(unmatched.map(describeFinding), [], 'unexpected findings');
      });

      if (variant.kind !== 'fail') continue;
      it(`${variant.name}: every fix re-parses, removes its finding, adds none, and is idempotent`, async function () {
        const before = await lintFiles(variant.files);
        const fixable = before.findings.filter((f) => f.ruleId === id && f.fix);
        if (!rule.fix) {
          assert.equal(fixable.length, 0);
          this.skip();
        }
        for (const finding of fixable) {
          const fixed = applyFix(variant.files, finding);
          const after = await lintFiles(fixed);
          const context = `fix "${finding.fix!.title}" for ${describeFinding(finding)}`;
          assert.deepEqual(after.findings.filter((f) => f.ruleId === 'parse-error').map(describeFinding), [], `${context} breaks parsing`);
          const beforeCounts = tally(before.findings);
          const afterCounts = tally(after.findings);
          const key = `${id}|${finding.resource ?? finding.file}`;
          assert.ok((afterCounts.get(key) ?? 0) < (beforeCounts.get(key) ?? 0), `${context} leaves the finding`);
          for (const [k, n] of afterCounts) {
            assert.ok(n <= (beforeCounts.get(k) ?? 0), `${context} adds a finding: ${k}`);
          }
          const again = after.findings.filter((f) => f.ruleId === id && f.resource === finding.resource && f.fix);
          for (const other of again) {
            const twice = applyFix(fixed, other);
            assert.notDeepEqual(twice, fixed, `${context}: a second fix would change nothing`);
          }
        }
      });
    }
  });
}
