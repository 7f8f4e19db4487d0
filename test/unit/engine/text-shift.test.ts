import assert from 'node:assert/strict';
import { LineIndex, type Range } from '../../../src/core/text/position';
import { shiftRange, textShift } from '../../../src/core/engine/text-shift';

function rangeOf(text: string, needle: string): Range {
  const index = new LineIndex(text);
  const start = text.lastIndexOf(needle);
  assert.ok(start >= 0, needle);
  return { start: index.position(start), end: index.position(start + needle.length) };
}

describe('text shift between two lints', () => {
  it('is undefined for equal texts and keeps ranges as they are', () => {
    assert.equal(textShift('a\nb', 'a\nb'), undefined);
    const range = rangeOf('a\nb', 'b');
    assert.equal(shiftRange(undefined, range), range);
  });

  it('moves ranges on later lines by the inserted lines and characters, and keeps earlier ones', () => {
    const before = 'one\ntwo = 1\nthree\nfour\n';
    const after = 'one\ntwo = 12\nextra\nthree\nfour\n';
    const shift = textShift(before, after)!;
    assert.deepEqual(shiftRange(shift, rangeOf(before, 'four')), rangeOf(after, 'four'));
    assert.deepEqual(shiftRange(shift, rangeOf(before, 'three')), rangeOf(after, 'three'));
    assert.deepEqual(shiftRange(shift, rangeOf(before, 'one')), rangeOf(after, 'one'));
  });

  it('refuses ranges that touch the change or share its last line (their column may move)', () => {
    const before = 'key = true # note\nnext\n';
    const after = 'key = false # note\nnext\n';
    const shift = textShift(before, after)!;
    assert.equal(shiftRange(shift, rangeOf(before, 'true')), undefined);
    assert.equal(shiftRange(shift, rangeOf(before, 'note')), undefined);
    assert.equal(shiftRange(shift, rangeOf(before, 'key = true # note\nnext')), undefined);
    assert.deepEqual(shiftRange(shift, rangeOf(before, 'next')), rangeOf(after, 'next'));
  });

  it('counts a CRLF pair split by the change as one line break, as the line index does', () => {
    for (const [before, after] of [
      ['a\r\nb\nc', 'a\rb\nc'],
      ['a\rb\nc', 'a\r\nb\nc'],
      ['a\r\nb\r\nc', 'a\r\n\r\nb\r\nc'],
      ['x\ny\r\nz\nw', 'x\ny\rq\r\nz\nw'],
    ]) {
      const shift = textShift(before, after)!;
      const needle = before.slice(-1);
      assert.deepEqual(shiftRange(shift, rangeOf(before, needle)), rangeOf(after, needle), JSON.stringify([before, after]));
    }
  });
});
