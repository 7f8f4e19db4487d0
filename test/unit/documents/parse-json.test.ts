import * as assert from 'node:assert/strict';
import { parseJsonTree } from '../../../src/core/yaml/parse-json';
import { mapEntry, mapGet, type MapNode } from '../../../src/core/documents/tree';
import { corpusDir, listFiles, readText, textAt } from './support';

describe('parseJsonTree', () => {
  it('gives exact ranges for keys and values', () => {
    const text = '{\n  "Kestrel": {\n    "Endpoints": { "Https": { "Url": "https://*:5001" } }\n  },\n  "list": [1, true, null]\n}\n';
    const file = parseJsonTree(text);
    assert.deepEqual(file.errors, []);
    const root = file.documents[0].root!;
    const kestrel = mapEntry(root, 'Kestrel')!;
    assert.equal(textAt(text, kestrel.keyRange), '"Kestrel"');
    const url = mapGet(mapGet(mapGet(kestrel.value, 'Endpoints'), 'Https'), 'Url')!;
    assert.equal(textAt(text, url.range), '"https://*:5001"');
    assert.equal(url.kind === 'scalar' && url.value, 'https://*:5001');
    assert.equal(url.kind === 'scalar' && url.style, 'json');
    const list = mapGet(root, 'list')!;
    assert.deepEqual(list.kind === 'seq' && list.items.map((i) => i.kind === 'scalar' && i.value), [1, true, null]);
    assert.equal(textAt(text, file.documents[0].range), text.trimEnd());
  });

  it('accepts JSONC comments and trailing commas, and lists the comments', () => {
    const text = '{\r\n  // line comment\r\n  "a": 1, /* block */\r\n  "b": [2,],\r\n}\r\n';
    const file = parseJsonTree(text);
    assert.deepEqual(file.errors, []);
    assert.deepEqual(file.comments.map((c) => [c.text, c.range.start.line, c.range.start.column]), [
      ['// line comment', 1, 2],
      ['/* block */', 2, 10],
    ]);
    const b = mapEntry(file.documents[0].root, 'b')!;
    assert.deepEqual([b.keyRange.start.line, b.keyRange.start.column], [3, 2]);
  });

  it('keeps duplicate keys; lookups take the last', () => {
    const root = parseJsonTree('{"a": 1, "a": 2}').documents[0].root as MapNode;
    assert.equal(root.entries.length, 2);
    const a = mapGet(root, 'a')!;
    assert.equal(a.kind === 'scalar' && a.value, 2);
  });

  it('reports errors with ranges and still builds what it can', () => {
    const text = '{"a": 1, "b": }';
    const file = parseJsonTree(text);
    assert.equal(file.errors.length, 1);
    assert.equal(file.errors[0].message, 'value expected');
    assert.equal(file.errors[0].range.start.offset, 14);
    assert.ok(mapGet(file.documents[0].root, 'a'));
    assert.ok(parseJsonTree('').errors.length > 0);
  });

  it('tolerates a byte-order mark left in the text without shifting offsets', () => {
    const text = '\ufeff{"a": 1}';
    const file = parseJsonTree(text);
    assert.deepEqual(file.errors, []);
    assert.equal(textAt(text, mapEntry(file.documents[0].root, 'a')!.keyRange), '"a"');
  });

  it('reports absurd nesting instead of throwing', () => {
    const deep = '['.repeat(20000) + ']'.repeat(20000);
    assert.ok(parseJsonTree(deep).errors.length > 0);
  });

  it('reads every JSON file of the corpus', function () {
    const dirs = [corpusDir('kubernetes'), corpusDir('app-config')].filter((d): d is string => d !== undefined);
    if (dirs.length === 0) this.skip();
    const files = dirs.flatMap((d) => listFiles(d, (p) => /\.jsonc?$/.test(p)));
    let clean = 0;
    for (const path of files) {
      const file = parseJsonTree(readText(path));
      if (file.errors.length === 0) clean++;
      assert.ok(file.documents[0].root || file.errors.length > 0, path);
    }
    assert.ok(clean >= files.length - 2, `${clean} of ${files.length} JSON files parse cleanly`);
  });
});
