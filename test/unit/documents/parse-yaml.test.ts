import * as assert from 'node:assert/strict';
import { parseYamlTree } from '../../../src/core/yaml/parse-yaml';
import { mapEntry, mapGet, type MapNode, type TreeNode } from '../../../src/core/documents/tree';
import { decodeText } from '../../../src/core/text/decode';
import { textAt } from './support';

function root(text: string): TreeNode {
  const file = parseYamlTree(text);
  assert.deepEqual(file.errors, []);
  return file.documents[0].root!;
}

function at(node: TreeNode | undefined, ...path: Array<string | number>): TreeNode | undefined {
  let current = node;
  for (const segment of path) {
    if (!current) return undefined;
    current = typeof segment === 'number' ? (current.kind === 'seq' ? current.items[segment] : undefined) : mapGet(current, segment);
  }
  return current;
}

function valueOf(node: TreeNode | undefined): unknown {
  assert.ok(node && node.kind === 'scalar', `expected a scalar, got ${node?.kind}`);
  return node.value;
}

describe('parseYamlTree', () => {
  it('gives exact ranges for keys, values, maps and sequences', () => {
    const text = 'server:\n  port: 8443\n  ssl:\n    enabled: "true"\nhosts: [a, b]\nlist:\n  - x\n  - y: 1\n';
    const file = parseYamlTree(text);
    const server = mapEntry(file.documents[0].root, 'server')!;
    assert.equal(textAt(text, server.keyRange), 'server');
    assert.equal(textAt(text, server.value.range), 'port: 8443\n  ssl:\n    enabled: "true"');
    const enabled = at(file.documents[0].root, 'server', 'ssl', 'enabled')!;
    assert.equal(textAt(text, enabled.range), '"true"');
    assert.equal(textAt(text, enabled.keyRange!), 'enabled');
    assert.equal(enabled.kind === 'scalar' && enabled.style, 'double');
    assert.equal(valueOf(enabled), 'true');
    assert.equal(valueOf(at(file.documents[0].root, 'server', 'port')), 8443);
    const hosts = at(file.documents[0].root, 'hosts')!;
    assert.equal(hosts.kind === 'seq' && hosts.flow, true);
    assert.equal(textAt(text, hosts.range), '[a, b]');
    const list = at(file.documents[0].root, 'list')!;
    assert.equal(textAt(text, list.range), '- x\n  - y: 1');
    assert.equal(textAt(text, at(list, 1)!.range), 'y: 1');
    const entry = mapEntry(at(file.documents[0].root, 'server'), 'port')!;
    assert.equal(textAt(text, entry.range), 'port: 8443');
  });

  it('counts columns in UTF-16 units and keeps CRLF ranges exact', () => {
    const text = 'name: "😀é"\r\nnext: value # note\r\nlast: |\r\n  a\r\n  b\r\n';
    const file = parseYamlTree(text);
    const rootNode = file.documents[0].root;
    const next = at(rootNode, 'next')!;
    assert.deepEqual([next.range.start.line, next.range.start.column], [1, 6]);
    assert.equal(textAt(text, next.range), 'value');
    const last = at(rootNode, 'last')!;
    assert.equal(textAt(text, last.range), '|\r\n  a\r\n  b');
    assert.equal(valueOf(last), 'a\nb\n');
    const name = mapEntry(rootNode, 'name')!;
    assert.equal(name.range.end.column, 11, 'the emoji is two UTF-16 units');
    assert.deepEqual(file.comments.map((c) => [c.text, c.range.start.line, c.range.start.column]), [['# note', 1, 12]]);
  });

  it('parses text decoded from a BOM file with ranges relative to the decoded text', () => {
    const decoded = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a: 1\n')]));
    const file = parseYamlTree(decoded.text);
    const a = mapEntry(file.documents[0].root, 'a')!;
    assert.equal(a.keyRange.start.offset, 0);
    assert.equal(valueOf(a.value), 1);
  });

  it('reads every document of a stream, with ranges and indices', () => {
    const text = '# lead\na: 1\n---\nb: 2\n---\n# only a comment\n---\n- c\n';
    const file = parseYamlTree(text);
    assert.equal(file.documents.length, 4);
    assert.deepEqual(file.documents.map((d) => d.index), [0, 1, 2, 3]);
    assert.equal(valueOf(at(file.documents[1].root, 'b')), 2);
    assert.equal(file.documents[2].root, undefined);
    assert.equal(file.documents[3].root!.kind, 'seq');
    assert.equal(textAt(text, file.documents[1].range), '---\nb: 2');
    assert.deepEqual(file.comments.map((c) => c.text), ['# lead', '# only a comment']);
  });

  it('keeps comments of every place with their ranges', () => {
    const text = '# top\nmap:\n  # inside\n  k: v  # trailing\n  list:\n    - a # item\n    # after\nflow: {x: 1} # flow\n';
    const file = parseYamlTree(text);
    assert.deepEqual(
      file.comments.map((c) => c.text),
      ['# top', '# inside', '# trailing', '# item', '# after', '# flow'],
    );
    for (const comment of file.comments) assert.equal(textAt(text, comment.range), comment.text);
  });

  it('reports syntax errors with ranges and never throws', () => {
    const text = 'a: [1, 2\nb: "open\n';
    const file = parseYamlTree(text);
    assert.ok(file.errors.length >= 1);
    for (const error of file.errors) {
      assert.ok(error.message.length > 0);
      assert.ok(error.range.start.offset <= text.length);
    }
    const bad = parseYamlTree('key: value\n\t- tab indented: [\n');
    assert.ok(bad.errors.length > 0);
  });

  it('resolves plain values the YAML 1.1 way, except sexagesimals and timestamps', () => {
    const rootNode = root('a: on\nb: 0644\nc: yes\nd: ~\ne: 22:22\nf: 2024-01-02\ng: 1.5\nh: "on"\ni: .inf\nj: 0x1F\n');
    assert.equal(valueOf(at(rootNode, 'a')), true);
    assert.equal(valueOf(at(rootNode, 'b')), 420);
    assert.equal(valueOf(at(rootNode, 'c')), true);
    assert.equal(valueOf(at(rootNode, 'd')), null);
    assert.equal(valueOf(at(rootNode, 'e')), '22:22');
    assert.equal(valueOf(at(rootNode, 'f')), '2024-01-02');
    assert.equal(valueOf(at(rootNode, 'g')), 1.5);
    assert.equal(valueOf(at(rootNode, 'h')), 'on');
    assert.equal(valueOf(at(rootNode, 'i')), Infinity);
    assert.equal(valueOf(at(rootNode, 'j')), 31);
    const v12 = parseYamlTree('a: on\nb: 0644\n', { version: '1.2' }).documents[0].root;
    assert.equal(valueOf(at(v12, 'a')), 'on');
    assert.equal(valueOf(at(v12, 'b')), 644);
  });

  it('takes plain keys as written and unquotes quoted keys', () => {
    const rootNode = root('on: push\n1.0: x\n"quoted key": y\n? [a, b]\n: z\n') as MapNode;
    assert.deepEqual(rootNode.entries.map((e) => e.key), ['on', '1.0', 'quoted key', '[a, b]']);
  });

  it('keeps every duplicate key; lookups take the last one', () => {
    const rootNode = root('a: 1\nb: 2\na: 3\n') as MapNode;
    assert.deepEqual(rootNode.entries.map((e) => e.key), ['a', 'b', 'a']);
    assert.equal(valueOf(mapGet(rootNode, 'a')), 3);
  });

  it('makes an alias the very same node as its anchor', () => {
    const rootNode = root('base: &b\n  image: nginx\ncopy: *b\nscalar: &s 5\nagain: *s\n');
    assert.equal(at(rootNode, 'copy'), at(rootNode, 'base'));
    assert.equal(at(rootNode, 'again'), at(rootNode, 'scalar'));
    assert.equal(valueOf(at(rootNode, 'copy', 'image')), 'nginx');
  });

  it('resolves merge keys, letting explicit keys win', () => {
    const rootNode = root('defaults: &d\n  a: 1\n  b: 2\nother: &o\n  b: 20\n  c: 30\nuse:\n  <<: [*d, *o]\n  a: 10\n');
    const use = at(rootNode, 'use') as MapNode;
    assert.equal(valueOf(mapGet(use, 'a')), 10);
    assert.equal(valueOf(mapGet(use, 'b')), 2, 'the first merged map wins over later ones');
    assert.equal(valueOf(mapGet(use, 'c')), 30);
    assert.ok(!use.entries.some((e) => e.key === '<<'));
  });

  it('survives a billion-laughs file without expanding it', () => {
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 30; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const started = Date.now();
    const file = parseYamlTree(lines.join('\n') + '\n');
    assert.deepEqual(file.errors, []);
    const last = at(file.documents[0].root, 'a30')!;
    assert.equal(last.kind === 'seq' && last.items.length, 10);
    assert.equal(last.kind === 'seq' && last.items[0], at(file.documents[0].root, 'a29'));
    assert.ok(Date.now() - started < 2000, 'parsing stays linear');
  });

  it('reports aliases to unknown or enclosing anchors instead of looping', () => {
    const file = parseYamlTree('a: *missing\nb: &self [1, *self]\n');
    assert.equal(file.errors.length, 2);
    const b = at(file.documents[0].root, 'b')!;
    assert.equal(b.kind === 'seq' && b.items[1].kind, 'scalar');
  });

  it('gives empty values a null scalar right after the colon', () => {
    const text = 'securityContext:\nnext: 1\n';
    const entry = mapEntry(root(text), 'securityContext')!;
    assert.equal(valueOf(entry.value), null);
    assert.equal(entry.value.kind === 'scalar' && entry.value.source, '');
    assert.equal(entry.value.range.start.offset, 'securityContext:'.length);
  });

  it('keeps the written text of every scalar', () => {
    const text = "a: 'it''s'\nb: >-\n  folded\n  text\nc: !!str 12\n";
    const rootNode = root(text);
    const a = at(rootNode, 'a')!;
    assert.equal(a.kind === 'scalar' && a.source, "'it''s'");
    assert.equal(valueOf(a), "it's");
    const b = at(rootNode, 'b')!;
    assert.equal(b.kind === 'scalar' && b.style, 'block');
    assert.equal(valueOf(b), 'folded text');
    assert.equal(valueOf(at(rootNode, 'c')), '12');
  });

  it('handles empty and comment-only input', () => {
    for (const text of ['', '\n\n', '# nothing\n']) {
      const file = parseYamlTree(text);
      assert.equal(file.documents.length, 1);
      assert.equal(file.documents[0].root, undefined);
      assert.deepEqual(file.errors, []);
    }
  });

  it('reports nesting too deep to check instead of throwing', () => {
    const depth = 2000;
    const text = '['.repeat(depth) + ']'.repeat(depth);
    const file = parseYamlTree(text);
    // The yaml package itself gives up first here (its errors are reported); either way, no throw.
    assert.ok(file.errors.length > 0);
  });
});
