import assert from 'node:assert/strict';
import { PositionTable } from '../../../src/core/hcl';
import { LineIndex } from '../../../src/core/text/position';
import { createRandom } from './support/random';

describe('hcl PositionTable', () => {
  it('agrees with LineIndex on every offset, in order and out of order, for \\n, \\r\\n and \\r', () => {
    const random = createRandom(7);
    const pieces = ['a', 'bc', ' ', '\n', '\r\n', '\r', '\t', 'é', '😀', '\n\n', '\r\r'];
    for (let round = 0; round < 20; round++) {
      let text = '';
      const length = random.int(0, 200);
      while (text.length < length) text += random.pick(pieces);
      const index = new LineIndex(text);
      const table = new PositionTable(text, index);
      for (let offset = -1; offset <= text.length + 1; offset++) {
        assert.deepEqual(table.position(offset), index.position(offset), `offset ${offset} of ${JSON.stringify(text)}`);
      }
      for (let probe = 0; probe < 200; probe++) {
        const offset = random.int(0, text.length);
        assert.deepEqual(table.position(offset), index.position(offset));
      }
    }
  });

  it('builds ranges from two positions', () => {
    const table = new PositionTable('ab\ncd');
    assert.deepEqual(table.range(1, 4), {
      start: { offset: 1, line: 0, column: 1 },
      end: { offset: 4, line: 1, column: 1 },
    });
  });
});
