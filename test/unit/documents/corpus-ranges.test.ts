import * as assert from 'node:assert/strict';
import { LineIndex, type Range } from '../../../src/core/text/position';
import type { TreeNode } from '../../../src/core/documents/tree';
import { parseYamlTree } from '../../../src/core/yaml/parse-yaml';
import { parseJsonTree } from '../../../src/core/yaml/parse-json';
import { flattenTree } from '../../../src/core/appconfig/flatten';
import { corpusDir, listFiles, readText } from './support';

/** Checks a range against the text: inside it, ordered, and line/column agreeing with offsets. */
function checkRange(range: Range, index: LineIndex, where: string): void {
  assert.ok(range.start.offset >= 0 && range.start.offset <= range.end.offset && range.end.offset <= index.text.length, `${where}: offsets`);
  for (const position of [range.start, range.end]) {
    const expected = index.position(position.offset);
    assert.ok(expected.line === position.line && expected.column === position.column, `${where}: position of ${position.offset}`);
  }
}

describe('ranges over the whole corpus', () => {
  it('every node, key, comment and flat entry of every YAML and JSON file has a true range', function () {
    const roots = [corpusDir('kubernetes'), corpusDir('app-config')].filter((d): d is string => d !== undefined);
    if (roots.length === 0) this.skip();
    let nodes = 0;
    let files = 0;
    for (const path of roots.flatMap((r) => listFiles(r, (p) => /\.(ya?ml|jsonc?)$/.test(p)))) {
      const text = readText(path);
      const index = new LineIndex(text);
      const file = /\.jsonc?$/.test(path) ? parseJsonTree(text) : parseYamlTree(text);
      files++;
      const seen = new Set<TreeNode>();
      const walk = (node: TreeNode | undefined): void => {
        if (!node || seen.has(node)) return;
        seen.add(node);
        nodes++;
        checkRange(node.range, index, path);
        if (node.kind === 'scalar') assert.equal(text.slice(node.range.start.offset, node.range.end.offset), node.source, path);
        if (node.kind === 'map') {
          for (const entry of node.entries) {
            checkRange(entry.keyRange, index, path);
            checkRange(entry.range, index, path);
            walk(entry.value);
          }
        }
        if (node.kind === 'seq') node.items.forEach(walk);
      };
      for (const document of file.documents) {
        checkRange(document.range, index, path);
        walk(document.root);
      }
      for (const comment of file.comments) {
        checkRange(comment.range, index, path);
        assert.equal(text.slice(comment.range.start.offset, comment.range.end.offset), comment.text, path);
      }
      for (const error of file.errors) checkRange(error.range, index, path);
      for (const entry of flattenTree(file, 'yaml').entries) {
        checkRange(entry.keyRange, index, path);
        checkRange(entry.valueRange, index, path);
      }
    }
    assert.ok(files > 400 && nodes > 20000, `${files} files, ${nodes} nodes`);
  });
});
