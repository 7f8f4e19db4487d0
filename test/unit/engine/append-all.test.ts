import { strict as assert } from 'node:assert';
import { appendAll } from '../../../src/core/util/arrays';

describe('appendAll', () => {
  it('appends more items than a spread call can pass (the engine gathered 400,000 findings)', () => {
    const items = Array.from({ length: 500_000 }, (_, i) => i);
    assert.throws(() => [].push(...(items as never[])), RangeError, 'the spread form must overflow here, or this test proves nothing');
    const target = [-1];
    appendAll(target, items);
    assert.equal(target.length, 500_001);
    assert.equal(target[500_000], 499_999);
  });
});
