import * as assert from 'node:assert/strict';
import { applyEdits, changeAt, EditConflictError } from '../../../src/core/edits/apply';
import { LineIndex } from '../../../src/core/text/position';

describe('applyEdits', () => {
  const text = 'one\ntwo\r\nthree';
  const index = new LineIndex(text);

  it('applies edits in offset order whatever order they come in', () => {
    const edits = [changeAt(index, 9, 14, 'THREE'), changeAt(index, 0, 3, '1'), changeAt(index, 4, 4, '>')];
    assert.equal(applyEdits(text, edits), '1\n>two\r\nTHREE');
  });

  it('keeps insertions at the same point in the order given', () => {
    assert.equal(applyEdits(text, [changeAt(index, 0, 0, 'a'), changeAt(index, 0, 0, 'b')]), 'abone\ntwo\r\nthree');
  });

  it('returns the text unchanged for no edits', () => {
    assert.equal(applyEdits(text, []), text);
  });

  it('refuses overlapping edits', () => {
    assert.throws(() => applyEdits(text, [changeAt(index, 0, 5, 'x'), changeAt(index, 4, 6, 'y')]), EditConflictError);
  });

  it('refuses ranges outside the text or inverted', () => {
    const bad = { range: { start: { offset: 3, line: 0, column: 3 }, end: { offset: 1, line: 0, column: 1 } }, newText: '' };
    assert.throws(() => applyEdits(text, [bad]), /outside the text/);
    const past = { range: { start: { offset: 99, line: 0, column: 99 }, end: { offset: 99, line: 0, column: 99 } }, newText: '' };
    assert.throws(() => applyEdits(text, [past]), EditConflictError);
  });

  it('refuses positions that disagree with their offsets (edits made on another text version)', () => {
    const stale = { range: { start: { offset: 4, line: 0, column: 4 }, end: { offset: 4, line: 0, column: 4 } }, newText: 'x' };
    assert.throws(() => applyEdits(text, [stale]), /does not match offset/);
  });
});
