import assert from 'node:assert/strict';
import { parseHcl } from '../../../src/core/hcl';
import type { Block } from '../../../src/core/hcl/ast';
import { applyEdits } from '../../../src/core/edits';
import { HclWriter, renderHclValue } from '../../../src/core/fixes/hcl-writer';

function firstBlock(text: string): Block {
  const item = parseHcl(text).body.items[0];
  assert.ok(item && item.type === 'Block');
  return item;
}

function apply(text: string, edit: { range: import('../../../src/core/text/position').Range; newText: string } | undefined): string {
  assert.ok(edit, 'no edit');
  return applyEdits(text, [edit]);
}

describe('HCL fix writer', () => {
  it('replaces an existing value in place', () => {
    const text = 'resource "a" "b" {\n  x = true # keep\n}\n';
    const block = firstBlock(text);
    assert.equal(apply(text, new HclWriter('f', text).setAttribute(block, block.body, 'x', false)), 'resource "a" "b" {\n  x = false # keep\n}\n');
  });

  it('adds a missing attribute at the body indentation, before the closing brace', () => {
    const text = 'resource "a" "b" {\n    name = "n"\n}\n';
    const block = firstBlock(text);
    assert.equal(apply(text, new HclWriter('f', text).setAttribute(block, block.body, 'enabled', true)), 'resource "a" "b" {\n    name = "n"\n    enabled = true\n}\n');
  });

  it('opens up an empty one-line block', () => {
    const text = 'resource "a" "b" {}\n';
    const block = firstBlock(text);
    const fixed = apply(text, new HclWriter('f', text).setAttribute(block, block.body, 'enabled', true));
    assert.equal(fixed, 'resource "a" "b" {\n  enabled = true\n}\n');
    assert.deepEqual(parseHcl(fixed).errors, []);
  });

  it('keeps CRLF line ends and tab indentation', () => {
    const text = 'resource "a" "b" {\r\n\tname = "n"\r\n}\r\n';
    const block = firstBlock(text);
    const fixed = apply(text, new HclWriter('f', text).setAttribute(block, block.body, 'tags', { env: 'prod' }));
    assert.equal(fixed, 'resource "a" "b" {\r\n\tname = "n"\r\n\ttags = {\r\n\t\tenv = "prod"\r\n\t}\r\n}\r\n');
    assert.deepEqual(parseHcl(fixed).errors, []);
  });

  it('removes an attribute with its whole line', () => {
    const text = 'resource "a" "b" {\n  x = 1\n  y = 2\n}\n';
    const block = firstBlock(text);
    assert.equal(apply(text, new HclWriter('f', text).removeAttribute(block.body, 'x')), 'resource "a" "b" {\n  y = 2\n}\n');
  });

  it('adds a nested block and a companion resource re-indented in the file style', () => {
    const text = 'resource "a" "b" {\n    name = "n"\n}\n';
    const block = firstBlock(text);
    const writer = new HclWriter('f', text);
    const nested = apply(text, writer.addNestedBlock(block, 'rule {\n  enabled = true\n}'));
    assert.equal(nested, 'resource "a" "b" {\n    name = "n"\n    rule {\n        enabled = true\n    }\n}\n');
    const companion = apply(text, writer.addResourceAfter(block, 'resource "c" "b" {\n  x = 1\n}'));
    assert.equal(companion, 'resource "a" "b" {\n    name = "n"\n}\n\nresource "c" "b" {\n    x = 1\n}\n');
  });

  it('renders values so that template markers stay literal', () => {
    assert.equal(renderHclValue('${x} and %{y}', '', '  '), '"$${x} and %%{y}"');
    assert.equal(renderHclValue(['a', 1, true], '', '  '), '["a", 1, true]');
  });
});
