import assert from 'node:assert/strict';
import { parseHcl } from '../../../src/core/hcl';
import type { Block, HclFile } from '../../../src/core/hcl';
import { at, attribute, block } from './support/helpers';

function errorsOf(file: HclFile): Array<[string, string]> {
  return file.errors.map((error) => [error.message, at(error.range)]);
}

function itemNames(file: HclFile): string[] {
  return file.body.items.map((item) => (item.type === 'Block' ? `${item.blockType} ${item.labels.map((l) => l.value).join(' ')}`.trim() : item.name));
}

describe('hcl native syntax: error tolerance', () => {
  it('keeps a half-typed attribute as an Invalid expression and parses the rest', () => {
    const file = parseHcl('resource "a" "b" {\n  encrypted = \n  bucket = "x"\n}\n');
    assert.deepEqual(errorsOf(file), [['Expected an expression, found a newline', '1:14-2:0']]);
    const body = block(file.body, 'resource').body;
    assert.equal(attribute(body, 'encrypted').expr.type, 'Invalid');
    assert.equal(attribute(body, 'bucket').expr.type, 'Template');
  });

  it('reports an identifier with neither = nor a block, and resumes on the next line', () => {
    const file = parseHcl('foo\nbar = 1\n');
    assert.deepEqual(errorsOf(file), [["Expected '=' or a block after 'foo', found a newline", '0:3-1:0']]);
    assert.deepEqual(itemNames(file), ['bar']);
  });

  it('keeps a block whose header is still being typed', () => {
    const file = parseHcl('resource "aws_s3_bucket" "x"\nvariable "v" {}\n');
    assert.equal(file.errors.length, 1);
    assert.match(file.errors[0].message, /Expected '\{' on the same line to open the 'resource' block/);
    const resource = block(file.body, 'resource');
    assert.equal(resource.openBrace, undefined);
    assert.equal(at(resource.range), '0:0-0:28');
    assert.deepEqual(itemNames(file), ['resource aws_s3_bucket x', 'variable v']);
  });

  it('closes an unclosed block at the next block indented like its header', () => {
    const text = [
      'resource "aws_s3_bucket" "a" {',
      '  bucket = "a"',
      '',
      'resource "aws_s3_bucket" "b" {',
      '  bucket = "b"',
      '}',
      '',
    ].join('\n');
    const file = parseHcl(text);
    assert.deepEqual(errorsOf(file), [["Missing closing '}' for the 'resource' block opened here", '0:29-0:30']]);
    assert.deepEqual(itemNames(file), ['resource aws_s3_bucket a', 'resource aws_s3_bucket b']);
    const first = file.body.items[0] as Block;
    assert.equal(first.closeBrace, undefined);
    assert.equal(at(first.range), '0:0-1:14');
    assert.equal((file.body.items[1] as Block).closeBrace !== undefined, true);
  });

  it('ends a just-typed empty block before the next block in a file that indents its bodies', () => {
    const text = [
      'resource "aws_s3_bucket" "a" {',
      '  bucket = "a"',
      '}',
      'resource "aws_kms_key" "k" {',
      '',
      'resource "aws_s3_bucket" "b" {',
      '  bucket = "b"',
      '}',
      '',
    ].join('\n');
    const file = parseHcl(text);
    assert.deepEqual(errorsOf(file), [["Missing closing '}' for the 'resource' block opened here", '3:27-3:28']]);
    assert.deepEqual(itemNames(file), ['resource aws_s3_bucket a', 'resource aws_kms_key k', 'resource aws_s3_bucket b']);
  });

  it('keeps nesting in files that do not indent block bodies', () => {
    const file = parseHcl('a {\nb {\n}\n}\nc {\nd = 1\n');
    assert.deepEqual(itemNames(file), ['a', 'c']);
    assert.equal(block(file.body, 'a').body.items.length, 1);
  });

  it('reads the body of a block whose brace is on the next line, with an error', () => {
    const file = parseHcl('resource "a" "b"\n{\n  x = 1\n}\n');
    assert.deepEqual(errorsOf(file), [["The '{' of the 'resource' block must be on the same line as its header", '1:0-1:1']]);
    assert.equal(attribute(block(file.body, 'resource').body, 'x').expr.type, 'Literal');
  });

  it('keeps what an unclosed block at the end of the file parsed', () => {
    const file = parseHcl('locals {\n  a = 1\n  b = [1,\n');
    const locals = block(file.body, 'locals');
    assert.deepEqual(locals.body.items.map((item) => item.type === 'Attribute' && item.name), ['a', 'b']);
    assert.deepEqual(
      errorsOf(file).map(([message]) => message),
      ["Missing closing '}' for the 'locals' block opened here", "Missing closing ']' for the '[' opened here"],
    );
  });

  it('ends an unclosed tuple or call where the next attribute starts', () => {
    const file = parseHcl('a {\n  x = [1, 2\n  y = concat(a,\n  z = 3\n}\n');
    const body = block(file.body, 'a').body;
    assert.deepEqual(body.items.map((item) => item.type === 'Attribute' && item.name), ['x', 'y', 'z']);
    assert.deepEqual(errorsOf(file), [
      ["Missing closing ']' for the '[' opened here", '1:6-1:7'],
      ["Missing closing ')' for the call to 'concat' opened here", '2:12-2:13'],
    ]);
    const x = attribute(body, 'x').expr;
    assert.equal(x.type === 'Tuple' && x.elements.length, 2);
  });

  it('ends an unclosed object at a nested block header', () => {
    const file = parseHcl('r "a" "b" {\n  tags = {\n    a = 1\n  lifecycle {\n  }\n}\n');
    const body = block(file.body, 'r').body;
    assert.deepEqual(body.items.map((item) => (item.type === 'Attribute' ? item.name : item.blockType)), ['tags', 'lifecycle']);
    assert.deepEqual(errorsOf(file), [["Missing closing '}' for the object opened here", '1:9-1:10']]);
  });

  it('reports two arguments on one line at the second one', () => {
    const file = parseHcl('algorithm = "RSA" rsa_bits = 2048\nnext = 1\n');
    assert.deepEqual(errorsOf(file), [
      ["Expected a newline after the argument 'algorithm', found 'rsa_bits'; each argument must be on its own line", '0:18-0:26'],
    ]);
    assert.deepEqual(itemNames(file), ['algorithm', 'next']);
  });

  it('reports stray characters and closing braces without losing other items', () => {
    const file = parseHcl('}\na = $b\nc = 1\n');
    assert.deepEqual(errorsOf(file), [
      ["Unexpected '}' with no block to close", '0:0-0:1'],
      ["Expected an expression, found '$'", '1:4-1:5'],
    ]);
    assert.deepEqual(itemNames(file), ['a', 'c']);
  });

  it('reports the single-line block rules of the HCL spec suite', () => {
    const file = parseHcl('a { b = "foo", c = "bar" }\na { d {} }\na { b = "foo"\n}\n');
    assert.deepEqual(errorsOf(file), [
      ['Only one argument is allowed in a single-line block definition', '0:13-0:14'],
      ['A single-line block definition cannot contain another block definition', '1:4-1:7'],
      ['The closing brace for a single-line block definition must be on the same line', '2:13-3:0'],
    ]);
    assert.deepEqual(
      file.body.items.map((item) => (item as Block).body.items.length),
      [2, 1, 1],
    );
  });

  it('reports labels with interpolation and an unclosed comment', () => {
    const file = parseHcl('resource "x-${var.y}" "z" {}\n/* open');
    assert.deepEqual(errorsOf(file), [
      ['Block labels cannot contain interpolations or directives', '0:9-0:21'],
      ['Unclosed comment: expected "*/" before the end of the file', '1:0-1:2'],
    ]);
    assert.equal(file.comments.length, 1);
  });

  it('turns 10,000 nested brackets into one error instead of a stack overflow', () => {
    for (const [open, close] of [['[', ']'], ['(', ')'], ['{', '}']]) {
      for (const closed of [true, false]) {
        const text = `x = ${open.repeat(10000)}1${closed ? close.repeat(10000) : ''}\ny = 2\n`;
        const file = parseHcl(text);
        assert.ok(file.errors.length >= 1 && file.errors.length <= 3, `${open} closed=${closed}: ${file.errors.length} errors`);
        assert.ok(file.errors.some((error) => /nested more than 500 levels deep/.test(error.message)));
        assert.ok(file.body.items.some((item) => item.type === 'Attribute' && item.name === 'x'));
      }
    }
  });

  it('limits deep unary chains, templates, directives and blocks the same way', () => {
    const texts = [
      `x = ${'!'.repeat(10000)}true\n`,
      `x = ${'"${'.repeat(3000)}1${'}"'.repeat(3000)}\n`,
      `x = "${'%{ if a }'.repeat(3000)}${'%{ endif }'.repeat(3000)}"\n`,
      `${'a {\n'.repeat(3000)}${'}\n'.repeat(3000)}`,
    ];
    for (const text of texts) {
      const file = parseHcl(text);
      assert.ok(file.errors.some((error) => /nested more than 500 levels deep/.test(error.message)), text.slice(0, 20));
      assert.ok(file.errors.length < 10, `${text.slice(0, 20)}: ${file.errors.length} errors`);
    }
  });
});
