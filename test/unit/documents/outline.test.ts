import assert from 'node:assert/strict';
import { yamlOutline } from '../../../src/core/documents/outline';

const outline = (text: string) => yamlOutline(text).map((keys) => [...keys]);

/** The outline walks lines in place (no split, no regex for lines deeper than it reaches). */
describe('YAML outline', () => {
  it('reads the first three levels, through sequence items, with CRLF and lone CR line ends', () => {
    assert.deepStrictEqual(outline('apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n    - name: a\r\n      image: b\r\n'), [
      ['apiVersion', 'kind', 'spec', 'spec/containers', 'spec/containers/name', 'spec/containers/image'],
    ]);
    assert.deepStrictEqual(outline('a: 1\rb:\r  c: 2\r'), [['a', 'b', 'b/c']]);
    assert.deepStrictEqual(outline('- - k: v\n    j: w\n'), [['k', 'j']]);
  });

  it('stops at three levels, skips comments and unquotes keys', () => {
    assert.deepStrictEqual(outline('top:\n  mid:\n    low:\n      deeper: 1\n  # comment: no\n  "quoted.key": 1\n'), [
      ['top', 'top/mid', 'top/mid/low', 'top/quoted.key'],
    ]);
  });

  it('starts a document at --- or ... alone or followed by a blank, and at nothing else', () => {
    assert.deepStrictEqual(outline('---\nkind: A\n...\n--- \nkind: B\n---x: 1\n'), [[], ['kind'], ['kind', '---x']]);
  });
});
