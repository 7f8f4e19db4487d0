import assert from 'node:assert/strict';
import { parseHcl } from '../../../src/core/hcl';
import { assertNoErrors, at, attribute, block, shape, textOf } from './support/helpers';

describe('hcl native syntax: structure', () => {
  it('parses attributes and blocks with quoted and bare labels, in source order', () => {
    const text = [
      'region = "eu-west-1"',
      'resource "aws_s3_bucket" "records" {',
      '  bucket = "phi-records"',
      '}',
      'locals {',
      '}',
      'backend s3 {}',
      '',
    ].join('\n');
    const file = parseHcl(text);
    assertNoErrors(file);
    assert.equal(file.syntax, 'native');
    assert.deepEqual(
      file.body.items.map((item) => (item.type === 'Block' ? `block ${item.blockType}` : `attr ${item.name}`)),
      ['attr region', 'block resource', 'block locals', 'block backend'],
    );
    const resource = block(file.body, 'resource');
    assert.deepEqual(
      resource.labels.map((label) => [label.value, label.quoted, at(label.range)]),
      [
        ['aws_s3_bucket', true, '1:9-1:24'],
        ['records', true, '1:25-1:34'],
      ],
    );
    assert.equal(at(resource.typeRange), '1:0-1:8');
    assert.equal(at(resource.openBrace!), '1:35-1:36');
    assert.equal(at(resource.closeBrace!), '3:0-3:1');
    assert.equal(at(resource.range), '1:0-3:1');
    assert.equal(at(resource.body.range), '1:36-3:0');
    const bucket = attribute(resource.body, 'bucket');
    assert.equal(at(bucket.nameRange), '2:2-2:8');
    assert.equal(at(bucket.range), '2:2-2:24');
    assert.equal(textOf(file, bucket.expr.range), '"phi-records"');
    const backend = block(file.body, 'backend');
    assert.deepEqual(backend.labels.map((label) => [label.value, label.quoted]), [['s3', false]]);
    assert.equal(at(file.body.range), '0:0-7:0');
  });

  it('reads a single-line block with one argument and an empty single-line block', () => {
    const file = parseHcl('versioning { enabled = true }\nlogging {}\n');
    assertNoErrors(file);
    const versioning = block(file.body, 'versioning');
    assert.deepEqual(shape(versioning.body.items), [
      { type: 'Attribute', name: 'enabled', expr: { type: 'Literal', value: true } },
    ]);
    assert.equal(at(versioning.range), '0:0-0:29');
    assert.equal(block(file.body, 'logging').body.items.length, 0);
  });

  it('nests blocks and keeps each body range inside its braces', () => {
    const text = 'a {\n  b "x" {\n    c {\n      d = 1\n    }\n  }\n}\n';
    const file = parseHcl(text);
    assertNoErrors(file);
    const c = block(block(block(file.body, 'a').body, 'b').body, 'c');
    assert.equal(at(c.range), '2:4-4:5');
    assert.equal(at(attribute(c.body, 'd').range), '3:6-3:11');
  });

  it('collects all three comment styles with their text and ranges', () => {
    const text = [
      '# enisa-health-disable aws-s3-encryption -- reason',
      'a = 1 // trailing',
      '/* block',
      '   comment */ b = 2',
      '',
    ].join('\n');
    const file = parseHcl(text);
    assertNoErrors(file);
    assert.deepEqual(
      file.comments.map((comment) => [comment.style, comment.text, at(comment.range)]),
      [
        ['#', ' enisa-health-disable aws-s3-encryption -- reason', '0:0-0:50'],
        ['//', ' trailing', '1:6-1:17'],
        ['/*', ' block\n   comment ', '2:0-3:13'],
      ],
    );
    assert.deepEqual(file.body.items.map((item) => item.type === 'Attribute' && item.name), ['a', 'b']);
  });

  it('records each comment once, even where the parser looks ahead or backs up', () => {
    const lookahead = parseHcl('x = [\n  # one\n  a,\n]\n');
    assert.deepEqual(lookahead.comments.map((comment) => comment.text), [' one']);
    const backedUp = parseHcl('x = [1,\n  # two\ny = 2\n');
    assert.deepEqual(backedUp.comments.map((comment) => comment.text), [' two']);
    assert.deepEqual(backedUp.body.items.map((item) => item.type === 'Attribute' && item.name), ['x', 'y']);
  });

  it('reads heredocs in CRLF files with the marker on its own line', () => {
    const file = parseHcl('a = <<-EOT\r\n    one\r\n      two\r\n    EOT\r\nb = 1\r\n');
    assertNoErrors(file);
    const heredoc = attribute(file.body, 'a').expr;
    assert.equal(heredoc.type === 'Template' && heredoc.parts.map((part) => (part.type === 'TemplateString' ? part.value : '')).join(''), 'one\r\n  two\r\n');
    assert.equal(at(heredoc.range), '0:4-3:7');
    assert.equal(at(attribute(file.body, 'b').range), '4:0-4:5');
  });

  it('does not treat # or // inside strings and heredocs as comments', () => {
    const file = parseHcl('a = "x # y // z"\nb = <<EOT\n# not a comment\nEOT\n');
    assertNoErrors(file);
    assert.equal(file.comments.length, 0);
  });

  it('accepts identifiers with dashes, underscores and non-ASCII letters', () => {
    const file = parseHcl('_private-name = 1\nnäme = 2\n');
    assertNoErrors(file);
    assert.deepEqual(file.body.items.map((item) => item.type === 'Attribute' && item.name), ['_private-name', 'näme']);
  });

  it('handles CRLF and lone CR line ends with the same ranges as LineIndex', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = ['resource "a" "b" {', '  x = 1', '}', 'y = 2', ''].join(eol);
      const file = parseHcl(text);
      assertNoErrors(file);
      const resource = block(file.body, 'resource');
      assert.equal(at(resource.range), '0:0-2:1', JSON.stringify(eol));
      assert.equal(at(attribute(resource.body, 'x').range), '1:2-1:7');
      assert.equal(at(attribute(file.body, 'y').range), '3:0-3:5');
    }
  });

  it('skips a byte order mark at the start of the file', () => {
    const file = parseHcl('\ufeffa = 1\n');
    assertNoErrors(file);
    assert.equal(at(attribute(file.body, 'a').range), '0:1-0:6');
  });

  it('parses an empty file and a file of comments to an empty body', () => {
    for (const text of ['', '\n\n', '# only\n// comments\n']) {
      const file = parseHcl(text);
      assertNoErrors(file);
      assert.equal(file.body.items.length, 0);
    }
  });
});
