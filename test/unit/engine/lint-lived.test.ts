import assert from 'node:assert/strict';
import { copyFinding, FindingRecord, newList, newPosition, newRange, UNTRACKED } from '../../../src/core/util/lint-lived';
import { PositionMover } from '../../../src/core/text/moved-positions';
import { RuleReportLedger } from '../../../src/core/engine/rule-report-ledger';
import { concatInto } from '../../../src/core/util/arrays';
import { splitPath } from '../../../src/core/rules/path-segments';
import { findingWithLazyFix } from '../../../src/core/engine/lazy-fix';
import type { Finding } from '../../../src/core/findings/types';

const literalRange = { start: { offset: 3, line: 1, column: 2 }, end: { offset: 9, line: 1, column: 8 } };

function finding(start: number, end: number, status: Finding['status'] = 'fail', file = '/w/a.tf'): Finding {
  return new FindingRecord('r', 'error', status, 'm', file, newRange(newPosition(start, 0, start), newPosition(end, 0, end)), 'x', [], [], undefined, 'f');
}

describe('objects kept between lints', () => {
  it('are plain objects: equal to literals, cloned, serialised and spread like them', () => {
    const range = newRange(newPosition(3, 1, 2), newPosition(9, 1, 8));
    assert.equal(Object.getPrototypeOf(range), Object.prototype);
    assert.equal(Object.getPrototypeOf(range.start), Object.prototype);
    assert.deepStrictEqual(range, literalRange);
    assert.deepStrictEqual(structuredClone(range), literalRange);
    assert.equal(JSON.stringify(range), JSON.stringify(literalRange));
    assert.deepStrictEqual({ ...range.start }, literalRange.start);
    const node = { ...UNTRACKED, kind: 'scalar', value: 1 };
    assert.deepStrictEqual(node, { kind: 'scalar', value: 1 });
    assert.deepStrictEqual(newList<number>(), []);
  });

  it('copy findings with every field but fix and waiver, at the same or another place', () => {
    const base: Finding = { ...finding(1, 2), fix: { title: 't', edits: [], preferred: true }, waiver: { ruleId: 'r', reason: 'x', file: 'f', range: literalRange, source: 'inline' } };
    const copy = copyFinding(base);
    assert.deepStrictEqual(Object.keys(copy).sort(), Object.keys(finding(1, 2)).sort());
    assert.equal(copy.fix, undefined);
    assert.equal(copy.waiver, undefined);
    const moved = copyFinding(base, literalRange);
    assert.equal(moved.range, literalRange);
    assert.equal(moved.message, base.message);
  });

  it('lazy findings show no trace of their builder to keys, spreads, JSON or comparisons', () => {
    const lazy = findingWithLazyFix(finding(1, 2), () => undefined);
    assert.deepStrictEqual(Object.keys(lazy).sort(), [...Object.keys(finding(1, 2)), 'fix'].sort());
    assert.equal(Object.getOwnPropertySymbols({ ...lazy }).length, 0);
    const plain = { ...lazy };
    assert.ok(!('fix' in plain), 'a finding without a fix loses the field once read');
    assert.deepStrictEqual(plain, { ...finding(1, 2) });
  });
});

describe('moving positions', () => {
  it('moves offsets and lines, keeps columns, and keeps positions shared where they were', () => {
    const shared = { offset: 10, line: 2, column: 4 };
    const a = { start: shared, end: { offset: 12, line: 2, column: 6 } };
    const b = { start: { offset: 8, line: 2, column: 2 }, end: shared };
    const mover = new PositionMover(5, 1);
    const movedA = mover.range(a);
    const movedB = mover.range(b);
    assert.deepStrictEqual(movedA, { start: { offset: 15, line: 3, column: 4 }, end: { offset: 17, line: 3, column: 6 } });
    assert.deepStrictEqual(movedB, { start: { offset: 13, line: 3, column: 2 }, end: { offset: 15, line: 3, column: 4 } });
    assert.equal(movedA.start, movedB.end, 'one shared position stays one object');
    assert.notEqual(movedA.start, shared, 'the original is never changed or reused');
    assert.deepStrictEqual(shared, { offset: 10, line: 2, column: 4 });
  });

  it('is an identity only when neither offsets nor lines change', () => {
    assert.equal(new PositionMover(0, 0).isIdentity, true);
    assert.equal(new PositionMover(1, 0).isIdentity, false);
    assert.equal(new PositionMover(0, -1).isIdentity, false);
  });
});

describe('what one rule reported', () => {
  it('tells repeated file, range and status apart, per rule', () => {
    const ledger = new RuleReportLedger();
    ledger.startRule();
    assert.equal(ledger.firstReport(finding(1, 5)), true);
    assert.equal(ledger.firstReport(finding(1, 5)), false);
    assert.equal(ledger.firstReport(finding(1, 5, 'undetermined')), true);
    assert.equal(ledger.firstReport(finding(1, 6)), true);
    assert.equal(ledger.firstReport(finding(1, 5, 'fail', '/w/b.tf')), true);
    // Offsets past what packs into one number still compare exactly.
    const far = 2 ** 25;
    assert.equal(ledger.firstReport(finding(far, far + 1)), true);
    assert.equal(ledger.firstReport(finding(far, far + 1)), false);
    assert.equal(ledger.firstReport(finding(far, far + 2)), true);
    ledger.startRule();
    assert.equal(ledger.firstReport(finding(1, 5)), true, 'the next rule starts afresh');
  });

  it('counts fixes per file against the budget', () => {
    const ledger = new RuleReportLedger();
    ledger.startRule();
    assert.deepStrictEqual([1, 2, 3].map(() => ledger.takeFix('/a', 2)), [true, true, false]);
    assert.equal(ledger.takeFix('/b', 2), true);
    ledger.startRule();
    assert.equal(ledger.takeFix('/a', 2), true);
  });
});

describe('lists handed on', () => {
  it('adopts the new list when the target is empty, appends otherwise', () => {
    const items = [1, 2];
    assert.equal(concatInto([], items), items);
    const target = [0];
    assert.equal(concatInto(target, items), target);
    assert.deepStrictEqual(target, [0, 1, 2]);
  });

  it('splits each rule path once and refuses changes to the shared list', () => {
    const first = splitPath('metadata.annotations."a.b/c"');
    assert.deepStrictEqual(first, ['metadata', 'annotations', 'a.b/c']);
    assert.equal(splitPath('metadata.annotations."a.b/c"'), first);
    assert.throws(() => first.pop());
    assert.deepStrictEqual(splitPath('metadata.annotations."a.b/c"'), ['metadata', 'annotations', 'a.b/c']);
  });
});
