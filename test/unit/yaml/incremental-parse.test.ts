import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseYamlTree } from '../../../src/core/yaml/parse-yaml';
import { documentSegments, reparseYamlTree } from '../../../src/core/yaml/incremental-parse';
import { isMovePending, unmovedRoot } from '../../../src/core/yaml/moved-document';
import type { TreeFile } from '../../../src/core/documents/tree';
import { createRandom } from '../../fuzz/random';

/** The suites' seeded PRNG, so a failing sequence can be replayed. */
const random = (seed: number): (() => number) => createRandom(seed).next;

/** Snippets a user types, including ones that break the YAML or move document markers. */
const SNIPPETS = ['x', 'true', ': ', '\n', '\n---\n', '---', '"', "'", '#', '[', '{', '- a\n', '  ', '\t', 'key: value\n', '\r\n', '|\n  text\n', '&a', '*a', '...\n', '<<: *a\n'];

function randomEdit(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  const choice = rnd();
  if (choice < 0.4) return text.slice(0, at) + SNIPPETS[Math.floor(rnd() * SNIPPETS.length)] + text.slice(at);
  if (choice < 0.7) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(rnd() * 12)));
  // Same-length change, as toggling a value does: nothing moves.
  const match = /\b(true|false)\b/g;
  const all = [...text.matchAll(match)];
  if (all.length === 0) return text.slice(0, at) + 'y' + text.slice(at);
  const pick = all[Math.floor(rnd() * all.length)];
  const flipped = pick[0] === 'true' ? 'fals' + 'e' : 'true';
  return text.slice(0, pick.index) + flipped + text.slice(pick.index + pick[0].length);
}

/** The tree as plain data: ranges, comments and errors compared by value. */
function plain(tree: TreeFile): unknown {
  return JSON.parse(JSON.stringify(tree));
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yamlFiles(path, out);
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

/**
 * Follows a chain of edits, each re-parse reusing the one before, against a parse from scratch.
 * Comparing reads every node, which makes the copies of moved documents (moved-document.ts), so
 * only some steps compare (always the last): the others leave moves pending for the next edit to
 * add to, as the editor does when no rule reads those documents.
 */
function checkChain(start: string, rnd: () => number, steps: number, label: string): void {
  let text = start;
  let tree = parseYamlTree(text);
  for (let step = 0; step < steps; step++) {
    const edited = randomEdit(text, rnd);
    const reused = reparseYamlTree(edited, tree);
    if (step === steps - 1 || rnd() < 0.3) assert.deepEqual(plain(reused), plain(parseYamlTree(edited)), `${label}, step ${step}`);
    text = edited;
    tree = reused;
  }
}

const corpus = resolve(__dirname, '../../../../../shared/corpus');

describe('incremental YAML parse', () => {
  it('cuts a file at document start markers only', () => {
    const text = 'a: 1\n--- # c\nb: 2\n---x\n  ---\n---\n---';
    assert.deepEqual(
      documentSegments(text).map((s) => [s.start, s.end, s.line]),
      [
        [0, 5, 0],
        [5, 29, 1],
        [29, 33, 5],
        [33, 36, 6],
      ],
    );
  });

  it('reuses untouched documents as they are and moves the ones after the edit', () => {
    const text = 'a: 1\n---\nb: true\n---\nc: [1, 2] # tail\n';
    const before = parseYamlTree(text);
    const after = reparseYamlTree(text.replace('true', 'false  '), before);
    assert.equal(after.documents[0], before.documents[0]);
    assert.notEqual(after.documents[2], before.documents[2]);
    assert.deepEqual(plain(after), plain(parseYamlTree(text.replace('true', 'false  '))));
  });

  it('copies a moved document only when its nodes are read, adding up moves until then', () => {
    const tail = '---\nbase: &b\n  x: 1 # c\nuse:\n  <<: *b\n  list: [a, {k: v}]\n---\nz: |\n  text\n';
    let text = 'flag: true\n' + tail;
    let tree = parseYamlTree(text);
    const origin = tree.documents[1].root;
    const steps = ['flag: false\n', 'flag: no\n\n\n', 'flag: true\n', 'f: 1\n'];
    for (const head of steps) {
      text = head + tail;
      tree = reparseYamlTree(text, tree);
      if (head === 'flag: true\n') {
        // Back where it was parsed: the parsed nodes are right as they are.
        assert.ok(!isMovePending(tree.documents[1]) && tree.documents[1].root === origin);
        continue;
      }
      assert.ok(isMovePending(tree.documents[1]) && isMovePending(tree.documents[2]), head);
      // Position-free reads see the unmoved nodes: the very ones first parsed.
      assert.equal(unmovedRoot(tree.documents[1]), origin);
    }
    const expected = plain(parseYamlTree(text));
    assert.deepEqual(Object.keys(tree.documents[1]), ['root', 'range', 'index']);
    assert.deepEqual(plain(tree), expected);
    assert.ok(!isMovePending(tree.documents[1]));
    const copied = tree.documents[1].root;
    assert.notEqual(copied, origin);
    assert.equal(tree.documents[1].root, copied, 'the copy is made once');
  });

  it('matches a full parse on tricky streams after random edits', function () {
    this.timeout(15000);
    const samples = [
      '# lead\n---\na: &x {k: v}\nb: *x\n---\n\n---\nlist:\n- 1\n- "two"\n--- |\n  block\n---\nc: 3 # end\n',
      'a: 1\r\n---\r\nb: 2\r\n---\r\nc: "x\r\n  y"\r\n',
      '---\n---\n---\n',
      'a: |\n  ---x\n  text\n---\nb: >-\n  folded\n',
      'base: &b\n  x: 1\nuse:\n  <<: *b\n---\nother: 1\n',
    ];
    samples.forEach((sample, i) => {
      const rnd = random(1000 + i);
      for (let run = 0; run < 25; run++) checkChain(sample, rnd, 6, `sample ${i}, run ${run}`);
    });
  });

  it('matches a full parse on every corpus YAML file and on joined manifests, with random edits', function () {
    if (!existsSync(corpus)) this.skip();
    this.timeout(20000);
    const files = yamlFiles(corpus);
    const rnd = random(7);
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    texts.forEach((text, i) => checkChain(text, rnd, 2, files[i]));
    // Multi-document streams, as the benchmark and real bundles are.
    for (let start = 0; start + 6 <= texts.length; start += 24) {
      checkChain(texts.slice(start, start + 6).join('\n---\n'), rnd, 4, `joined from ${files[start]}`);
    }
  });
});
