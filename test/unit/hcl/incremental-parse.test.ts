/**
 * The incremental re-parse must give exactly the tree of a parse from scratch (every range,
 * comment and error), reuse untouched items, never change the previous tree, and fall back to a
 * full parse wherever a cut between items could read differently from the whole file.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { parseHcl, parseHclJson } from '../../../src/core/hcl';
import { reparseHcl, reparseHclReporting } from '../../../src/core/hcl/incremental-parse';
import { ParseCache } from '../../../src/core/terraform/parse-cache';
import { createRandom, type Random } from '../../fuzz/random';
import { corpusDir, listFiles } from './support/helpers';

/** Text a user types, including pieces that open brackets, strings, comments and heredocs. */
const SNIPPETS = ['{', '}', '"', '/*', '*/', '#', '//', '<<EOF\n', '\n', '${', '%{', '[', ']', '(', ')', ',', '=', '\n\n', 'EOF\n', '\r\n', '\r'];
const TYPED = 'abcxyz_019 .=-"\n';

/** Edits that usually keep a file valid, so chains go on past the first step. */
function benignEdit(text: string, random: Random): string {
  const lineStart = text.lastIndexOf('\n', random.int(0, text.length) - 1) + 1;
  const choice = random.next();
  if (choice < 0.3) return text.slice(0, lineStart) + 'added_' + random.int(0, 99) + ' = "v"\n' + text.slice(lineStart);
  if (choice < 0.5) {
    const lineEnd = text.indexOf('\n', lineStart);
    return text.slice(0, lineStart) + (lineEnd < 0 ? '' : text.slice(lineEnd + 1));
  }
  // Typing inside a word: an identifier, a number or string content.
  const word = /[A-Za-z0-9_]+/g;
  word.lastIndex = random.int(0, text.length);
  const found = word.exec(text);
  if (!found) return text + '\n';
  const at = found.index + random.int(0, found[0].length);
  return random.chance(0.5) ? text.slice(0, at) + 'q'.repeat(random.int(1, 20)) + text.slice(at) : text.slice(0, at) + text.slice(Math.min(at + random.int(1, 20), found.index + found[0].length));
}

/** One edit: insert, delete or replace 1-20 characters, often at a line start like a new line would be. */
function randomEdit(text: string, random: Random): string {
  if (random.chance(0.6)) return benignEdit(text, random);
  let at = random.int(0, text.length);
  if (random.chance(0.3)) at = text.lastIndexOf('\n', at - 1) + 1;
  const typed = (): string => {
    if (random.chance(0.4)) return random.pick(SNIPPETS);
    let out = '';
    for (let n = random.int(1, 20); n > 0; n--) out += random.pick([...TYPED]);
    return out;
  };
  const choice = random.next();
  if (choice < 0.4) return text.slice(0, at) + typed() + text.slice(at);
  const removed = random.int(1, 20);
  if (choice < 0.7) return text.slice(0, at) + text.slice(at + removed);
  return text.slice(0, at) + typed() + text.slice(at + removed);
}

interface ChainStats {
  steps: number;
  /** Steps from a clean tree to a text that parses cleanly: the ones that can be incremental. */
  clean: number;
  reused: number;
}

/** Edits a text several times, each re-parse fed the one before, and compares with parses from scratch. */
function checkChain(start: string, random: Random, steps: number, label: string, stats: ChainStats): void {
  let text = start;
  let tree = parseHcl(text);
  for (let step = 0; step < steps; step++) {
    const edited = randomEdit(text, random);
    const before = structuredClone(tree);
    const result = reparseHclReporting(edited, tree);
    const expected = parseHcl(edited);
    assert.deepStrictEqual(result.file, expected, `${label}, step ${step}: ${JSON.stringify(edited.slice(0, 80))}`);
    assert.deepStrictEqual(tree, before, `${label}, step ${step}: the previous tree was changed`);
    stats.steps++;
    if (tree.errors.length === 0 && expected.errors.length === 0 && tree.body.items.length > 1) {
      stats.clean++;
      if (result.reusedItems > 0) stats.reused++;
    }
    text = edited;
    tree = result.file;
  }
}

function assertMostlyIncremental(stats: ChainStats): void {
  assert.ok(stats.clean >= 100, `only ${stats.clean} of ${stats.steps} edits kept the file clean`);
  assert.ok(stats.reused > stats.clean * 0.8, `only ${stats.reused} of ${stats.clean} clean edits were incremental`);
}

/** Every node type of the native syntax that a clean file can hold. */
const RICH = `# header comment
terraform {
  required_version = ">= 1.5"
}

locals {
  literal   = 1.5e3
  flag      = !true && false || null == null
  negative  = -var.count
  quoted    = "plain \${var.name}-%{ if var.on }on%{ else }off%{ endif } %{ for k, v in var.m }\${k}=\${v} %{ endfor }"
  stripped  = "\${~ var.a ~}"
  tuple     = [1, "two", var.three]
  object    = { a = 1, "b" : 2, (var.c) = 3 }
  call      = format("%s-%s", var.a, [for s in var.list : upper(s) if s != ""]...)
  namespace = provider::aws::arn_parse(var.arn)
  getattr   = module.x.output[0].name
  legacy    = var.list.0
  splat     = aws_instance.web[*].id
  attrsplat = var.objects.*.name
  forobject = { for k, v in var.map : k => v... if v != null }
  cond      = var.x > 1 ? (var.y % 2) : var.z / 3
}

/* a block
   comment */
resource "aws_s3_bucket" "b" {
  bucket = "b" // trailing
  count  = length([for x in var.l : -(x)])
  arn    = aws_iam_role.r[0].arn
  ports  = [80, 443]
  policy = <<-EOT
    {
      "Version": "\${var.version}"
    }
  EOT
  dynamic "rule" {
    for_each = var.rules
    content {
      id = rule.value.id
    }
  }
  tags = merge(var.tags, {
    Name = "b"
  })
}

single { x = 1 }

variable "raw" {
  default = <<EOF
line \${1 + 2}
EOF
}
`;

const EXPRESSION_TYPES = [
  'Literal', 'Template', 'Tuple', 'Object', 'FunctionCall', 'Variable', 'GetAttr', 'Index', 'Splat', 'For',
  'Conditional', 'Binary', 'Unary', 'Paren', 'TemplateString', 'TemplateInterpolation', 'TemplateIf', 'TemplateFor',
];

function nodeTypes(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) nodeTypes(item, found);
  else if (value && typeof value === 'object') {
    const type = (value as { type?: unknown }).type;
    if (typeof type === 'string') found.add(type);
    for (const child of Object.values(value)) nodeTypes(child, found);
  }
  return found;
}

/** Every object of a tree, to prove a new tree holds none of an old tree's range objects. */
function objectsOf(value: unknown, found = new Set<object>()): Set<object> {
  if (value && typeof value === 'object' && !found.has(value)) {
    found.add(value);
    for (const child of Object.values(value)) objectsOf(child, found);
  }
  return found;
}

function edit(text: string, find: string, replacement: string): string {
  const at = text.indexOf(find);
  assert.ok(at >= 0, `${find} not in the text`);
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}

describe('incremental HCL parse', () => {
  describe('differential against a full parse', () => {
    it('matches parseHcl after chains of random edits of hand-written files', () => {
      const stats: ChainStats = { steps: 0, clean: 0, reused: 0 };
      const samples = [RICH, RICH.replace(/\n/g, '\r\n'), 'a = 1\nb = 2\n\nc = 3', 'x {\n}\n# end', ''];
      samples.forEach((sample, index) => {
        for (let chain = 0; chain < 40; chain++) checkChain(sample, createRandom(1000 * index + chain), 5, `sample ${index} chain ${chain}`, stats);
      });
      assertMostlyIncremental(stats);
    });

    it('matches parseHcl after chains of random edits of ~150 corpus files', function () {
      const dir = corpusDir();
      if (!dir) this.skip();
      const files = listFiles(dir, (name) => name.endsWith('.tf'));
      if (files.length === 0) this.skip();
      const stride = Math.max(1, Math.floor(files.length / 150));
      const stats: ChainStats = { steps: 0, clean: 0, reused: 0 };
      for (let i = 0; i < files.length; i += stride) {
        const random = createRandom(7919 + i);
        checkChain(fs.readFileSync(files[i], 'utf8'), random, random.int(3, 5), files[i], stats);
      }
      assert.ok(stats.steps >= 400, `${stats.steps} edits`);
      assertMostlyIncremental(stats);
    });
  });

  describe('reuse', () => {
    it('keeps every item before an edit in the last block as the same object', () => {
      const previous = parseHcl(RICH);
      const text = edit(RICH, 'line ${1 + 2}', 'line ${1 + 20}');
      const result = reparseHclReporting(text, previous);
      assert.deepStrictEqual(result.file, parseHcl(text));
      const items = result.file.body.items;
      assert.equal(items.length, previous.body.items.length);
      for (let i = 0; i < items.length - 1; i++) assert.equal(items[i], previous.body.items[i], `item ${i}`);
      assert.notEqual(items[items.length - 1], previous.body.items[items.length - 1]);
      assert.equal(result.reusedItems, items.length - 1);
      assert.equal(result.file.comments[0], previous.comments[0]);
    });

    it('moves every node type after an edit in the first block without touching the previous tree', () => {
      const previous = parseHcl(RICH);
      const untouched = structuredClone(previous);
      const oldObjects = objectsOf(previous);
      const text = edit(RICH, 'required_version = ">= 1.5"', 'required_version = ">= 1.6"\n  added = "x"\n');
      const result = reparseHclReporting(text, previous);
      assert.deepStrictEqual(result.file, parseHcl(text));
      assert.deepStrictEqual(previous, untouched);
      const items = result.file.body.items;
      assert.equal(result.reusedItems, items.length - 1);
      const moved = items.slice(1);
      for (const type of EXPRESSION_TYPES) assert.ok(nodeTypes(previous).has(type), `the sample lacks ${type}`);
      for (const type of EXPRESSION_TYPES) assert.ok(nodeTypes(moved).has(type), `the moved items lack ${type}`);
      for (const item of moved) {
        for (const object of objectsOf(item)) {
          if ('offset' in object || 'start' in object) assert.ok(!oldObjects.has(object), 'an old range object was reused in a moved item');
        }
      }
    });

    it('moves every node type when a line is inserted at the top of the file', () => {
      const previous = parseHcl(RICH.replace('# header comment\n', ''));
      const result = reparseHclReporting(RICH, previous);
      assert.deepStrictEqual(result.file, parseHcl(RICH));
      assert.equal(result.reusedItems, previous.body.items.length);
      for (const type of EXPRESSION_TYPES) assert.ok(nodeTypes(result.file.body.items).has(type), `moved items lack ${type}`);
    });

    it('keeps later items as the same objects when nothing moves', () => {
      const text = 'a = true\nb {\n  c = false\n}\nd = 1\n';
      const previous = parseHcl(text);
      const result = reparseHclReporting(text.replace('true', 'null'), previous);
      assert.deepStrictEqual(result.file, parseHcl(text.replace('true', 'null')));
      assert.equal(result.file.body.items[1], previous.body.items[1]);
      assert.equal(result.file.body.items[2], previous.body.items[2]);
    });

    it('does not start the re-parse inside a block comment that runs past a kept item', () => {
      // Cut after `a`'s line, the comment's rest `b = 2 # */` would read as an attribute.
      const text = 'a = 1 /* x\nb = 2 # */\nc = 3\nd = 4\n';
      const previous = parseHcl(text);
      const edited = text.replace('c = 3', 'c = 33');
      const result = reparseHclReporting(edited, previous);
      assert.deepStrictEqual(result.file, parseHcl(edited));
      assert.equal(result.reusedItems, 1);
    });

    const tricky: Array<[string, string, string]> = [
      ['a comment wrapping items', 'a = 1\nb = 2\nc = 3\nd = 4\n', 'a = 1\n/*\nb = 2\nc = 3\n*/\nd = 4\n'],
      ['a heredoc swallowing an item', 'a = 1\nb = 2\nc = 3\n', 'a = <<EOF\nb = 2\nEOF\nc = 3\n'],
      ['a heredoc given back', 'a = <<EOF\nb = 2\nEOF\nc = 3\n', 'a = 1\nb = 2\nEOF = 1\nc = 3\n'],
      ['a line joined into a string', 'a = "x"\nb = 1\n', 'a = "x\nb = 1\n'],
      ['deleting a whole item', 'a = 1\nb {\n}\nc = 3\n', 'a = 1\nc = 3\n'],
      ['deleting everything', 'a = 1\nb = 2\n', ''],
      ['a file without a final newline', 'a = 1\nb = 2', 'a = 1\nb = 23'],
      ['a trailing comment', 'a = 1\nb = 2 # x\n', 'a = 1\nb = 2 # xy\n'],
      ['an indented item after an edit', 'a = 1\n  b = 2\nc = 3\n', 'a = 12\n  b = 2\nc = 3\n'],
      ['an unchanged text', 'a = 1\n', 'a = 1\n'],
    ];
    for (const [what, before, after] of tricky) {
      it(`matches a full parse for ${what}`, () => {
        assert.deepStrictEqual(reparseHcl(after, parseHcl(before)), parseHcl(after));
      });
    }

    it('handles CRLF files incrementally', () => {
      const text = 'a = 1\r\nb {\r\n  c = 2\r\n}\r\nd = "x"\r\n';
      const previous = parseHcl(text);
      for (const edited of [text.replace('c = 2', 'c = 22'), text.replace('c = 2\r\n', 'c = 2\r\n  e = 3\r\n'), text.replace('1\r\n', '1\r\n\r\n')]) {
        const result = reparseHclReporting(edited, previous);
        assert.deepStrictEqual(result.file, parseHcl(edited));
        assert.ok(result.reusedItems > 0, JSON.stringify(edited));
      }
    });
  });

  describe('files with errors', () => {
    const blocks = (n: number, indent: string) =>
      Array.from({ length: n }, (_, i) => `resource "aws_s3_bucket" "b${i}" {\n${indent}bucket = "b-${i}"\n${indent}force_destroy = true\n}\n`).join('\n');
    const unclosedAtEnd = blocks(6, '  ') + '\nresource "aws_db_instance" "open" {\n  engine = "postgres"\n  storage_encrypted = true\n';

    it('re-parses only the edited block when a block left open at the end makes the file read with recovery', () => {
      const previous = parseHcl(unclosedAtEnd);
      assert.ok(previous.errors.length > 0);
      const text = unclosedAtEnd.replace('force_destroy = true', 'force_destroy = false');
      const result = reparseHclReporting(text, previous);
      assert.ok(result.reusedItems > 0, 'the items after the edit are moved, not parsed again');
      assert.deepStrictEqual(result.file, parseHcl(text));
      // And the next edit starts from the incremental tree.
      const again = text.replace('bucket = "b-2"', 'bucket = "b-22"\n  acl = "private"');
      const next = reparseHclReporting(again, result.file);
      assert.ok(next.reusedItems > 0);
      assert.deepStrictEqual(next.file, parseHcl(again));
    });

    it('re-parses only the edited block when an item after it has an error of its own', () => {
      const text0 = blocks(4, '  ') + '\nlocals {\n  a = 1 b = 2\n}\n';
      const previous = parseHcl(text0);
      assert.ok(previous.errors.length > 0);
      const text = text0.replace('"b-0"', '"b-00"');
      const result = reparseHclReporting(text, previous);
      assert.ok(result.reusedItems > 0);
      assert.deepStrictEqual(result.file, parseHcl(text));
    });

    it('matches parseHcl after random edits above a broken end, on ~80 corpus files', function () {
      const dir = corpusDir();
      if (!dir) this.skip();
      const files = listFiles(dir, (name) => name.endsWith('.tf'));
      if (files.length === 0) this.skip();
      const ends = ['\nresource "x" "open" {\n  a = 1\n', '\nlocals {\n  a = 1 b = 2\n}\n', '\nmodule "m" {\n  x = [\n', '\nresource "y" "z" {\n  nested {\n    k = "v"\n'];
      const stride = Math.max(1, Math.floor(files.length / 80));
      let steps = 0;
      let incremental = 0;
      for (let i = 0; i < files.length; i += stride) {
        const random = createRandom(104729 + i);
        let text = fs.readFileSync(files[i], 'utf8') + random.pick(ends);
        let tree = parseHcl(text);
        for (let step = 0; step < 4; step++) {
          // Edits in the first four fifths, above the broken end, as when fixing one block while another is open.
          const at = random.int(0, Math.floor(text.length * 0.8));
          const edited = text.slice(0, at) + (random.chance(0.7) ? random.pick([...SNIPPETS, '1', 'a', 'x = 2\n']) : '') + text.slice(at + random.int(0, 3));
          const before = structuredClone(tree);
          const result = reparseHclReporting(edited, tree);
          assert.deepStrictEqual(result.file, parseHcl(edited), `${files[i]}, step ${step}: ${JSON.stringify(edited.slice(Math.max(0, at - 20), at + 20))}`);
          assert.deepStrictEqual(tree, before);
          if (tree.errors.length > 0 && result.reusedItems > 0) incremental++;
          steps++;
          text = edited;
          tree = result.file;
        }
      }
      // Not every edit can be incremental (an edit that breaks its own block parses whole); many are.
      assert.ok(incremental >= steps / 5, `${incremental} of ${steps} edits of files with errors were incremental`);
    });

    it('parses whole when the edit changes the indentation style the recovery pass assumed', () => {
      // The one flat body makes the recovery pass read bodies by braces; indenting it makes the
      // pass end the open block's flat body at its first line, which changes the moved tail.
      const before = 'resource "a" "flat" {\nx = 1\n}\n\n' + blocks(2, '  ') + '\nresource "t" "open" {\nb = 2\nc = 3\n';
      const previous = parseHcl(before);
      const text = before.replace('{\nx = 1\n}', '{\n  x = 1\n}');
      const result = reparseHclReporting(text, previous);
      assert.equal(result.reusedItems, 0);
      assert.deepStrictEqual(result.file, parseHcl(text));
    });

    it('parses whole when an error lies before the edit or in the edited block', () => {
      const text0 = 'a = 1 b = 2\n' + blocks(3, '  ');
      const text = text0.replace('"b-2"', '"b-22"');
      const result = reparseHclReporting(text, parseHcl(text0));
      assert.equal(result.reusedItems, 0);
      assert.deepStrictEqual(result.file, parseHcl(text));
    });
  });

  describe('fallbacks to a full parse', () => {
    const base = 'a = 1\nb {\n  c = 2\n}\nd = 3\n';

    const cases: Array<[string, string, string]> = [
      ['an unclosed brace', base, base.replace('c = 2', 'c = {')],
      ['an unclosed string', base, base.replace('c = 2', 'c = "2')],
      ['an unclosed comment', base, base.replace('c = 2', 'c = 2 /*')],
      ['an unclosed heredoc', base, base.replace('c = 2', 'c = <<EOF')],
      ['a previous tree with errors', base.replace('c = 2', 'c = '), base],
      ['a BOM', '\uFEFF' + base, '\uFEFF' + base.replace('c = 2', 'c = 22')],
      ['a lone CR', base.replace('a = 1\n', 'a = 1\r'), base.replace('a = 1\n', 'a = 1\r').replace('c = 2', 'c = 22')],
    ];
    for (const [what, before, after] of cases) {
      it(`parses whole for ${what}`, () => {
        const result = reparseHclReporting(after, parseHcl(before));
        assert.equal(result.reusedItems, 0);
        assert.deepStrictEqual(result.file, parseHcl(after));
      });
    }

    it('parses whole without a previous tree or with a JSON-syntax one', () => {
      assert.deepStrictEqual(reparseHcl(base, undefined), parseHcl(base));
      assert.equal(reparseHclReporting(base, parseHclJson('{}')).reusedItems, 0);
    });
  });

  describe('ParseCache', () => {
    it('counts incremental re-parses of an in-block edit and returns full-parse trees', () => {
      const cache = new ParseCache();
      const first = cache.get('main.tf', RICH);
      assert.deepStrictEqual(first, parseHcl(RICH));
      const text = edit(RICH, 'id = rule.value.id', 'id = rule.value.name');
      const second = cache.get('main.tf', text);
      assert.deepStrictEqual(second, parseHcl(text));
      assert.equal(second.body.items[0], first.body.items[0]);
      assert.equal(cache.parseCount, 2);
      assert.equal(cache.incrementalCount, 1);
      assert.equal(cache.get('main.tf', text), second);
      assert.equal(cache.parseCount, 2);
    });

    it('parses JSON syntax and custom parsers as before', () => {
      const cache = new ParseCache();
      cache.get('main.tf.json', '{"locals": {"a": 1}}');
      cache.get('main.tf.json', '{"locals": {"a": 2}}');
      assert.equal(cache.incrementalCount, 0);
      assert.equal(cache.parseCount, 2);
      const calls: string[] = [];
      const custom = new ParseCache((_path, text) => {
        calls.push(text);
        return parseHcl(text);
      });
      custom.get('main.tf', 'a = 1\nb = 2\n');
      custom.get('main.tf', 'a = 1\nb = 3\n');
      assert.deepEqual(calls, ['a = 1\nb = 2\n', 'a = 1\nb = 3\n']);
      assert.equal(custom.incrementalCount, 0);
    });
  });
});
