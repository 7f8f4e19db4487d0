import * as assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { parseYamlTree } from '../../../src/core/yaml/parse-yaml';
import { mapGet, type MapNode, type ScalarNode, type SeqNode, type TreeFile, type TreeNode } from '../../../src/core/documents/tree';
import { applyEdits } from '../../../src/core/edits/apply';
import type { TextChange } from '../../../src/core/edits/types';
import {
  yamlAppendSeqItem,
  yamlEnsurePath,
  yamlInsertEntry,
  yamlRemoveEntry,
  yamlReplaceValue,
  yamlSetScalar,
  type YamlValue,
} from '../../../src/core/edits/yaml-edit';
import { readsBackAsString, renderScalar } from '../../../src/core/edits/yaml-render';
import { detectYamlLayout } from '../../../src/core/edits/yaml-layout';
import { pick, seededRandom } from '../documents/support';

type Path = Array<string | number>;

function nodeAt(root: TreeNode | undefined, path: Path): TreeNode | undefined {
  let node = root;
  for (const segment of path) {
    if (!node) return undefined;
    node = typeof segment === 'number' ? (node.kind === 'seq' ? node.items[segment] : undefined) : mapGet(node, segment);
  }
  return node;
}

/** The plain value of a tree (what a YAML reader would load), to compare before and after edits. */
function plain(node: TreeNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(plain);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const e of node.entries) out[e.key] = plain(e.value);
      return out;
    }
    default:
      throw new Error('unexpected templated node');
  }
}

interface Edited {
  text: string;
  file: TreeFile;
}

/** Applies the changes and checks what every edit must keep: valid YAML, line breaks, untouched text. */
function applyChecked(original: string, changes: TextChange[]): Edited {
  assert.ok(changes.length > 0, 'an edit was produced');
  const text = applyEdits(original, changes);
  const file = parseYamlTree(text);
  assert.deepEqual(file.errors, [], `edited text is valid YAML:\n${text}`);
  const start = Math.min(...changes.map((c) => c.range.start.offset));
  const end = Math.max(...changes.map((c) => c.range.end.offset));
  assert.equal(text.slice(0, start), original.slice(0, start), 'text before the edit is unchanged');
  assert.equal(text.slice(text.length - (original.length - end)), original.slice(end), 'text after the edit is unchanged');
  if (original.includes('\r\n')) assert.ok(!/(^|[^\r])\n/.test(text), `CRLF file keeps CRLF:\n${JSON.stringify(text)}`);
  else assert.ok(!text.includes('\r'), 'LF file gets no CR');
  return { text, file };
}

function rootOf(file: TreeFile): MapNode {
  const root = file.documents[0].root;
  assert.ok(root && root.kind === 'map');
  return root;
}

describe('YAML editors', () => {
  describe('yamlSetScalar', () => {
    it('keeps the quoting style, and quotes only when the value needs it', () => {
      const text = 'a: plain\nb: "double"\nc: \'single\'\nd: 5\n';
      const file = parseYamlTree(text);
      const root = rootOf(file);
      const set = (key: string, value: YamlValue) => applyEdits(text, yamlSetScalar(file, mapGet(root, key) as ScalarNode, value)).split('\n');
      assert.equal(set('a', 'other')[0], 'a: other');
      assert.equal(set('a', 'yes')[0], 'a: "yes"', '`yes` would read back as a boolean');
      assert.equal(set('a', true)[0], 'a: true');
      assert.equal(set('b', 'x')[1], 'b: "x"');
      assert.equal(set('c', "it's")[2], "c: 'it''s'");
      assert.equal(set('c', 12)[2], 'c: 12', 'a number is written as a number');
      assert.equal(set('d', '0644')[3], 'd: "0644"');
    });

    it('fills an empty value after its colon', () => {
      const text = 'a:\nb: 1\n';
      const file = parseYamlTree(text);
      const out = applyChecked(text, yamlSetScalar(file, mapGet(rootOf(file), 'a') as ScalarNode, 'x'));
      assert.equal(out.text, 'a: x\nb: 1\n');
    });

    it('rewrites a block scalar as a literal block at its indentation', () => {
      const text = 'data:\n  script: |\n    echo old\n  next: 1\n';
      const file = parseYamlTree(text);
      const node = nodeAt(file.documents[0].root, ['data', 'script']) as ScalarNode;
      const out = applyChecked(text, yamlSetScalar(file, node, 'echo new\nexit 0\n'));
      assert.equal(out.text, 'data:\n  script: |\n    echo new\n    exit 0\n  next: 1\n');
      const chomped = applyChecked(text, yamlSetScalar(file, node, 'no newline\nat end'));
      assert.equal(plain(nodeAt(chomped.file.documents[0].root, ['data', 'script'])), 'no newline\nat end');
    });

    it('indents a new literal block right of its key, also inside a list item', () => {
      const text = 'steps:\n  - run: |\n  - other: 1\n';
      const file = parseYamlTree(text);
      const node = nodeAt(file.documents[0].root, ['steps', 0, 'run']) as ScalarNode;
      const out = applyChecked(text, yamlSetScalar(file, node, 'make\nmake test\n'));
      assert.equal(out.text, 'steps:\n  - run: |\n      make\n      make test\n  - other: 1\n');
    });

    it('keeps an anchor in front of the value', () => {
      const text = 'a: &x 1\nb: *x\n';
      const file = parseYamlTree(text);
      const out = applyChecked(text, yamlSetScalar(file, mapGet(rootOf(file), 'a') as ScalarNode, 2));
      assert.equal(out.text, 'a: &x 2\nb: *x\n');
    });
  });

  describe('yamlInsertEntry and yamlEnsurePath', () => {
    it('writes at the map indentation and list style of the file (2 and 4 spaces, compact and indented lists)', () => {
      const compact2 = 'spec:\n  containers:\n  - name: app\n    image: x\n';
      const indented4 = 'spec:\n    containers:\n        - name: app\n          image: x\n';
      assert.deepEqual(detectYamlLayout(compact2), { unit: '  ', sequences: 'compact' });
      assert.deepEqual(detectYamlLayout(indented4), { unit: '    ', sequences: 'indented' });
      const a = parseYamlTree(compact2);
      const container = (nodeAt(a.documents[0].root, ['spec', 'containers', 0]) as MapNode);
      const out = applyChecked(compact2, yamlEnsurePath(a, container, ['securityContext', 'capabilities', 'drop'], ['ALL']));
      assert.equal(out.text, compact2 + '    securityContext:\n      capabilities:\n        drop:\n        - ALL\n');
      const b = parseYamlTree(indented4);
      const spec = nodeAt(b.documents[0].root, ['spec']) as MapNode;
      const out4 = applyChecked(indented4, yamlInsertEntry(b, spec, 'volumes', [{ name: 'tmp', emptyDir: {} }]));
      assert.equal(out4.text, indented4 + '    volumes:\n        - name: tmp\n          emptyDir: {}\n');
    });

    it('can write the new entry right after a given key', () => {
      const text = 'name: app\nimage: x\nports:\n  - 80\n';
      const file = parseYamlTree(text);
      const out = applyChecked(text, yamlInsertEntry(file, rootOf(file), 'imagePullPolicy', 'Always', { after: 'image' }));
      assert.equal(out.text, 'name: app\nimage: x\nimagePullPolicy: Always\nports:\n  - 80\n');
      const flow = 'm: {a: 1, b: 2}\n';
      const flowFile = parseYamlTree(flow);
      assert.equal(applyChecked(flow, yamlInsertEntry(flowFile, mapGet(rootOf(flowFile), 'm') as MapNode, 'c', 3, { after: 'a' })).text, 'm: {a: 1, c: 3, b: 2}\n');
    });

    it('creates the path through empty, null and {} values', () => {
      for (const [text, expected] of [
        ['a:\n  b:\nz: 1\n', 'a:\n  b:\n    c: true\nz: 1\n'],
        ['a:\n  b: null\nz: 1\n', 'a:\n  b:\n    c: true\nz: 1\n'],
        ['a:\n  b: {}\nz: 1\n', 'a:\n  b:\n    c: true\nz: 1\n'],
        ['a:\n  x: 1\n', 'a:\n  x: 1\n  b:\n    c: true\n'],
        ['z: 1\n', 'z: 1\na:\n  b:\n    c: true\n'],
      ]) {
        const file = parseYamlTree(text);
        assert.equal(applyChecked(text, yamlEnsurePath(file, rootOf(file), ['a', 'b', 'c'], true)).text, expected, text);
      }
    });

    it('replaces an existing value at the end of the path', () => {
      const text = 'a:\n  b: 1\n';
      const file = parseYamlTree(text);
      assert.equal(applyChecked(text, yamlEnsurePath(file, rootOf(file), ['a', 'b'], { c: [1, 2] })).text, 'a:\n  b:\n    c:\n      - 1\n      - 2\n');
      assert.equal(applyChecked(text, yamlEnsurePath(file, rootOf(file), ['a', 'b'], 'x')).text, 'a:\n  b: x\n');
    });

    it('refuses to go through a list or a value', () => {
      const file = parseYamlTree('a: [1]\nb: text\n');
      assert.throws(() => yamlEnsurePath(file, rootOf(file), ['a', 'x'], 1), /holds a seq/);
      assert.throws(() => yamlEnsurePath(file, rootOf(file), ['b', 'x'], 1), /holds a scalar/);
    });

    it('adds to flow maps in flow style', () => {
      const text = 'a: {x: 1}\nb: {}\n';
      const file = parseYamlTree(text);
      const out = applyChecked(text, [...yamlInsertEntry(file, mapGet(rootOf(file), 'a') as MapNode, 'w', 'two words'), ...yamlInsertEntry(file, mapGet(rootOf(file), 'b') as MapNode, 'k', { m: [1] })]);
      assert.equal(out.text, 'a: {x: 1, w: two words}\nb: {k: {m: [1]}}\n');
    });

    it('overrides a key merged in with << instead of editing the shared anchor', () => {
      const text = 'base: &b\n  x: 1\nuse:\n  <<: *b\n  y: 2\n';
      const file = parseYamlTree(text);
      const out = applyChecked(text, yamlEnsurePath(file, rootOf(file), ['use', 'x'], 5));
      assert.equal(plain(nodeAt(out.file.documents[0].root, ['base', 'x'])), 1);
      assert.equal(plain(nodeAt(out.file.documents[0].root, ['use', 'x'])), 5);
      const onlyMerge = 'base: &b\n  x: 1\nuse:\n  <<: *b\nend: 0\n';
      const mergeFile = parseYamlTree(onlyMerge);
      const added = applyChecked(onlyMerge, yamlEnsurePath(mergeFile, rootOf(mergeFile), ['use', 'z'], 2));
      assert.equal(added.text, 'base: &b\n  x: 1\nuse:\n  <<: *b\n  z: 2\nend: 0\n');
    });

    it('keeps CRLF line breaks', () => {
      const text = 'a:\r\n    b: 1\r\n';
      const file = parseYamlTree(text);
      const out = applyChecked(text, yamlEnsurePath(file, rootOf(file), ['a', 'c', 'd'], 'x'));
      assert.equal(out.text, 'a:\r\n    b: 1\r\n    c:\r\n        d: x\r\n');
    });
  });

  describe('yamlReplaceValue', () => {
    it('swaps a map for a value and back', () => {
      const text = 'a:\n  b: 1\n  c: 2\nz: 0\n';
      const file = parseYamlTree(text);
      const entry = rootOf(file).entries[0];
      assert.equal(applyChecked(text, yamlReplaceValue(file, entry, false)).text, 'a: false\nz: 0\n');
      assert.equal(applyChecked(text, yamlReplaceValue(file, entry, [])).text, 'a: []\nz: 0\n');
    });
  });

  describe('yamlRemoveEntry', () => {
    it('removes whole lines with nested children', () => {
      const text = 'a: 1\nb:\n  c:\n    - x\n  d: |\n    text\ne: 2\n';
      const file = parseYamlTree(text);
      assert.equal(applyChecked(text, yamlRemoveEntry(file, rootOf(file), 'b')).text, 'a: 1\ne: 2\n');
    });

    it('removes every duplicate of the key', () => {
      const text = 'a: 1\nb: 2\na: 3\n';
      const file = parseYamlTree(text);
      assert.equal(applyChecked(text, yamlRemoveEntry(file, rootOf(file), 'a')).text, 'b: 2\n');
    });

    it('moves the next key beside a list dash, or leaves {} when nothing is left', () => {
      const text = 'l:\n  - name: a\n    image: b\n  - name: c\n';
      const file = parseYamlTree(text);
      const first = nodeAt(file.documents[0].root, ['l', 0]) as MapNode;
      assert.equal(applyChecked(text, yamlRemoveEntry(file, first, 'name')).text, 'l:\n  - image: b\n  - name: c\n');
      const second = nodeAt(file.documents[0].root, ['l', 1]) as MapNode;
      assert.equal(applyChecked(text, yamlRemoveEntry(file, second, 'name')).text, 'l:\n  - name: a\n    image: b\n  - {}\n');
    });

    it('leaves {} for a map whose last entry goes, and handles the last line without a line break', () => {
      const text = 'a:\n  only: 1\nz: 2';
      const file = parseYamlTree(text);
      assert.equal(applyChecked(text, yamlRemoveEntry(file, mapGet(rootOf(file), 'a') as MapNode, 'only')).text, 'a: {}\nz: 2');
      assert.equal(applyChecked(text, yamlRemoveEntry(file, rootOf(file), 'z')).text, 'a:\n  only: 1');
    });

    it('removes from flow maps with their commas', () => {
      const text = 'm: {a: 1, b: 2, c: 3}\n';
      const file = parseYamlTree(text);
      const m = mapGet(rootOf(file), 'm') as MapNode;
      assert.equal(applyChecked(text, yamlRemoveEntry(file, m, 'a')).text, 'm: {b: 2, c: 3}\n');
      assert.equal(applyChecked(text, yamlRemoveEntry(file, m, 'c')).text, 'm: {a: 1, b: 2}\n');
      assert.deepEqual(yamlRemoveEntry(file, m, 'missing'), []);
    });
  });

  describe('yamlAppendSeqItem', () => {
    it('appends to block lists at the dash column, maps included', () => {
      const text = 'env:\n    - name: A\n      value: "1"\nnext: x\n';
      const file = parseYamlTree(text);
      const out = applyChecked(text, yamlAppendSeqItem(file, mapGet(rootOf(file), 'env') as SeqNode, { name: 'B', value: 'true' }));
      assert.equal(out.text, 'env:\n    - name: A\n      value: "1"\n    - name: B\n      value: "true"\nnext: x\n');
    });

    it('appends to flow lists', () => {
      const text = 'a: [x]\nb: []\n';
      const file = parseYamlTree(text);
      const out = applyChecked(text, [
        ...yamlAppendSeqItem(file, mapGet(rootOf(file), 'a') as SeqNode, 'a, b'),
        ...yamlAppendSeqItem(file, mapGet(rootOf(file), 'b') as SeqNode, 1),
      ]);
      assert.equal(out.text, 'a: [x, "a, b"]\nb: [1]\n');
    });
  });

  describe('rendering', () => {
    it('writes strings plain only when they read back as the same string', () => {
      for (const value of ['yes', 'No', 'on', 'null', '~', '0644', '1e3', '12:30', '2024-01-01', 'a: b', '#x', '- x', ' x', '', 'true', '*ref', '&a', '!tag', '@x', '`x', "'x", '{a}', 'y']) {
        assert.equal(readsBackAsString(value), false, value);
      }
      for (const value of ['nginx:1.25', 'https://example.org/a#b', 'hello world', 'ALL', 'v1.2.3', 'é😀']) {
        assert.equal(readsBackAsString(value), true, value);
      }
      assert.equal(renderScalar('line\nbreak'), '"line\\nbreak"');
      assert.equal(renderScalar(Number.NaN), '.nan');
    });
  });

  describe('property check: random edits on random files re-parse to the intended values', () => {
    const KEYS = ['name', 'image', 'enabled', 'port', 'on', 'ssl', 'labels', 'app.kubernetes.io/name', 'spec', 'x-y', 'y'];
    const STRINGS = ['nginx', 'yes', '0644', 'a: b', '#hash', 'two words', 'é😀', '', '1.5', 'null', "it's", 'say "hi"', 'line\nbreak', '- dash'];

    function randomScalar(random: () => number): YamlValue {
      const choice = random();
      if (choice < 0.5) return pick(random, STRINGS);
      if (choice < 0.7) return Math.floor(random() * 10000) - 100;
      if (choice < 0.8) return random() * 100;
      if (choice < 0.9) return random() < 0.5;
      return null;
    }

    function randomValue(random: () => number, depth: number): YamlValue {
      const choice = random();
      if (depth >= 3 || choice < 0.45) return randomScalar(random);
      if (choice < 0.7) {
        const out: Record<string, YamlValue> = {};
        const count = Math.floor(random() * 4);
        for (let i = 0; i < count; i++) out[pick(random, KEYS)] = randomValue(random, depth + 1);
        return out;
      }
      return Array.from({ length: Math.floor(random() * 3) }, () => randomValue(random, depth + 1));
    }

    function randomDocument(random: () => number): { text: string; model: Record<string, YamlValue> } {
      const model: Record<string, YamlValue> = {};
      const count = 1 + Math.floor(random() * 5);
      for (let i = 0; i < count; i++) model[pick(random, KEYS)] = randomValue(random, 1);
      let text = stringify(model, { version: '1.1', indent: random() < 0.5 ? 2 : 4, indentSeq: random() < 0.5, lineWidth: 0 });
      if (random() < 0.4) text = text.replace(/\n/g, '\r\n');
      return { text, model };
    }

    /** Every map and list of the tree with its path. */
    function collect(node: TreeNode, path: Path, out: Array<{ node: TreeNode; path: Path }>): void {
      out.push({ node, path });
      if (node.kind === 'map') for (const e of node.entries) collect(e.value, [...path, e.key], out);
      if (node.kind === 'seq') node.items.forEach((item, i) => collect(item, [...path, i], out));
    }

    function setIn(model: unknown, path: Path, value: unknown): void {
      let target = model as Record<string | number, unknown>;
      for (const segment of path.slice(0, -1)) {
        if (target[segment] === null || typeof target[segment] !== 'object' || (Array.isArray(target[segment]) !== (typeof path[path.indexOf(segment) + 1] === 'number'))) {
          target[segment] = {};
        }
        target = target[segment] as Record<string | number, unknown>;
      }
      target[path[path.length - 1]] = value;
    }

    function removeIn(model: unknown, path: Path, key: string): void {
      let target = model as Record<string | number, unknown>;
      for (const segment of path) target = target[segment] as Record<string | number, unknown>;
      delete target[key];
    }

    it('holds for 400 seeded cases', () => {
      const checked = [0, 0, 0, 0];
      for (let seed = 1; seed <= 400; seed++) {
        const random = seededRandom(seed);
        const { text } = randomDocument(random);
        const file = parseYamlTree(text);
        assert.deepEqual(file.errors, [], `seed ${seed}: generated YAML parses`);
        const root = file.documents[0].root!;
        const before = plain(root);
        const expected = JSON.parse(JSON.stringify(before)) as Record<string, unknown>;
        const places: Array<{ node: TreeNode; path: Path }> = [];
        collect(root, [], places);
        const operation = Math.floor(random() * 4);
        let changes: TextChange[] = [];
        const context = `seed ${seed}, operation ${operation}\n${text}`;
        if (operation === 0) {
          const scalars = places.filter((p) => p.node.kind === 'scalar' && p.path.length > 0);
          if (scalars.length === 0) continue;
          const target = pick(random, scalars);
          const value = randomScalar(random);
          changes = yamlSetScalar(file, target.node as ScalarNode, value);
          setIn(expected, target.path, value);
        } else if (operation === 1) {
          const maps = places.filter((p) => p.node.kind === 'map') as Array<{ node: MapNode; path: Path }>;
          const target = pick(random, maps);
          const extra = Array.from({ length: Math.floor(random() * 3) }, () => pick(random, ['new', 'deeper', 'x']));
          const path = [pick(random, [...KEYS, 'fresh']), ...extra];
          const value = randomValue(random, 2);
          try {
            changes = yamlEnsurePath(file, target.node, path, value);
          } catch (error) {
            assert.match(String(error), /cannot create/, context);
            continue;
          }
          setIn(expected, [...target.path, ...path], value);
        } else if (operation === 2) {
          const maps = places.filter((p) => p.node.kind === 'map' && (p.node as MapNode).entries.length > 0) as Array<{ node: MapNode; path: Path }>;
          if (maps.length === 0) continue;
          const target = pick(random, maps);
          const key = pick(random, target.node.entries).key;
          changes = yamlRemoveEntry(file, target.node, key);
          removeIn(expected, target.path, key);
        } else {
          const seqs = places.filter((p) => p.node.kind === 'seq') as Array<{ node: SeqNode; path: Path }>;
          if (seqs.length === 0) continue;
          const target = pick(random, seqs);
          const value = randomValue(random, 2);
          changes = yamlAppendSeqItem(file, target.node, value);
          let list = expected as unknown;
          for (const segment of target.path) list = (list as Record<string | number, unknown>)[segment];
          (list as unknown[]).push(value);
        }
        const out = applyChecked(text, changes);
        assert.deepEqual(plain(out.file.documents[0].root), JSON.parse(JSON.stringify(expected)), `${context}\n---- became ----\n${out.text}`);
        checked[operation]++;
      }
      // Every kind of edit was really exercised, not skipped.
      for (const count of checked) assert.ok(count >= 40, `cases checked per operation: ${checked.join(', ')}`);
    });
  });
});
