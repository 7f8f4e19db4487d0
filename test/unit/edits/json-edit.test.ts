import * as assert from 'node:assert/strict';
import { parse } from 'jsonc-parser';
import { detectJsonFormatting, jsonInsertArrayItem, jsonRemove, jsonSetValue } from '../../../src/core/edits/json-edit';
import { applyEdits } from '../../../src/core/edits/apply';
import { parseJsonTree } from '../../../src/core/yaml/parse-json';
import type { TextChange } from '../../../src/core/edits/types';
import { seededRandom, pick } from '../documents/support';

function applied(text: string, changes: TextChange[]): { text: string; value: unknown } {
  const out = applyEdits(text, changes);
  assert.deepEqual(parseJsonTree(out).errors, [], out);
  const start = Math.min(...changes.map((c) => c.range.start.offset));
  const end = Math.max(...changes.map((c) => c.range.end.offset));
  assert.equal(out.slice(0, start), text.slice(0, start));
  assert.equal(out.slice(out.length - (text.length - end)), text.slice(end));
  return { text: out, value: parse(out) };
}

describe('JSON editors', () => {
  it('detects tabs, indentation width and line breaks', () => {
    assert.deepEqual(detectJsonFormatting('{\n\t"a": 1\n}'), { insertSpaces: false, tabSize: 2, eol: '\n' });
    assert.deepEqual(detectJsonFormatting('{\r\n    "a": {\r\n        "b": 1\r\n    }\r\n}'), { insertSpaces: true, tabSize: 4, eol: '\r\n' });
    assert.deepEqual(detectJsonFormatting('{"a": 1}'), { insertSpaces: true, tabSize: 2, eol: '\n' });
  });

  it('sets a nested value, creating parents, in the file\'s own formatting', () => {
    const tabs = '{\n\t"Logging": {\n\t\t"LogLevel": "Warning"\n\t}\n}\n';
    const out = applied(tabs, jsonSetValue(tabs, ['Kestrel', 'Endpoints', 'Https', 'Url'], 'https://*:5001'));
    assert.equal(out.text, '{\n\t"Logging": {\n\t\t"LogLevel": "Warning"\n\t},\n\t"Kestrel": {\n\t\t"Endpoints": {\n\t\t\t"Https": {\n\t\t\t\t"Url": "https://*:5001"\n\t\t\t}\n\t\t}\n\t}\n}\n');
    const crlf4 = '{\r\n    "a": 1\r\n}\r\n';
    const out4 = applied(crlf4, jsonSetValue(crlf4, ['b'], { c: true }));
    assert.equal(out4.text, '{\r\n    "a": 1,\r\n    "b": {\r\n        "c": true\r\n    }\r\n}\r\n');
    const two = '{\n  "a": {\n    "b": 1\n  }\n}';
    assert.deepEqual(applied(two, jsonSetValue(two, ['a', 'b'], false)).value, { a: { b: false } });
  });

  it('keeps comments and removes properties and array items', () => {
    const text = '{\n  // the broker\n  "RemoteAccessAllowed": true, /* risky */\n  "DicomAet": "ORTHANC",\n  "List": [1, 2, 3]\n}';
    const removed = applied(text, jsonRemove(text, ['RemoteAccessAllowed']));
    assert.equal(removed.text, '{\n  // the broker\n  "DicomAet": "ORTHANC",\n  "List": [1, 2, 3]\n}');
    const last = applied(text, jsonRemove(text, ['List']));
    assert.equal(last.text, '{\n  // the broker\n  "RemoteAccessAllowed": true, /* risky */\n  "DicomAet": "ORTHANC"\n}', 'no comma is left before the brace');
    assert.deepEqual(applied(text, jsonRemove(text, ['List', 1])).value, { RemoteAccessAllowed: true, DicomAet: 'ORTHANC', List: [1, 3] });
    assert.deepEqual((applied(text, jsonInsertArrayItem(text, ['List', -1], 4)).value as { List: number[] }).List, [1, 2, 3, 4]);
    assert.deepEqual(jsonRemove(text, ['Missing']), []);
  });

  it('property check: random sets and removals re-parse to the intended object', () => {
    const keys = ['a', 'b', 'Kestrel', 'Url', 'x y', 'ü'];
    for (let seed = 1; seed <= 150; seed++) {
      const random = seededRandom(seed);
      const model: Record<string, unknown> = {};
      for (let i = 0; i < 1 + Math.floor(random() * 4); i++) model[pick(random, keys)] = random() < 0.5 ? { [pick(random, keys)]: random() } : pick(random, ['s', 1, null, [1, 2]]);
      const indent = pick(random, ['\t', '  ', '    ']);
      let text = JSON.stringify(model, null, indent);
      if (random() < 0.5) text = text.replace(/\n/g, '\r\n');
      const path = [pick(random, keys), ...(random() < 0.5 ? [pick(random, keys)] : [])];
      const value = pick(random, ['v', 2, true, { n: [1] }]);
      const expected = JSON.parse(JSON.stringify(model));
      const parent = path.length === 2 ? expected[path[0]] : expected;
      if (path.length === 2 && (parent === null || typeof parent !== 'object' || Array.isArray(parent))) continue;
      const remove = random() < 0.3;
      const changes = remove ? jsonRemove(text, path) : jsonSetValue(text, path, value);
      if (remove) delete (path.length === 2 ? parent : expected)[path[path.length - 1]];
      else (path.length === 2 ? parent : expected)[path[path.length - 1]] = value;
      if (changes.length === 0) {
        assert.deepEqual(JSON.parse(text), expected, `seed ${seed}`);
        continue;
      }
      const out = applied(text, changes);
      assert.deepEqual(out.value, expected, `seed ${seed}`);
      if (text.includes('\r\n')) assert.ok(!/(^|[^\r])\n/.test(out.text), `seed ${seed} keeps CRLF`);
      if (indent === '\t' && !remove) assert.ok(!/\n {2}/.test(out.text), `seed ${seed} keeps tabs`);
    }
  });
});
