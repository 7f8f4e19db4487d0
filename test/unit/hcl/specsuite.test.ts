/**
 * HashiCorp's HCL spec suite (in the shared corpus): every `.hcl` test there must give exactly the
 * syntax errors its `.t` file lists, at the same byte ranges. The `.t` files are HCL themselves,
 * so our own parser reads the expectations.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseHcl } from '../../../src/core/hcl';
import type { Attribute, Block, Body, Expression } from '../../../src/core/hcl';
import { corpusDir, listFiles } from './support/helpers';

/** Spec tests whose diagnostics come from a schema (unexpected attribute), not from syntax. */
const SCHEMA_DIAGNOSTICS = new Set(['structure/attributes/unexpected.hcl']);

function blocks(body: Body, type: string): Block[] {
  return body.items.filter((item): item is Block => item.type === 'Block' && item.blockType === type);
}

function numberAttribute(body: Body, name: string): number {
  const found = body.items.find((item): item is Attribute => item.type === 'Attribute' && item.name === name);
  const expr: Expression | undefined = found?.expr;
  assert.ok(expr && expr.type === 'Literal' && typeof expr.value === 'number', `${name} must be a number`);
  return expr.value as number;
}

/** `[fromByte, toByte]` of each expected error in a `.t` file. */
function expectedErrors(tText: string): Array<[number, number]> {
  const spec = parseHcl(tText);
  assert.deepEqual(spec.errors, [], 'the .t file itself must parse');
  const result: Array<[number, number]> = [];
  for (const diagnostics of blocks(spec.body, 'diagnostics')) {
    for (const error of blocks(diagnostics.body, 'error')) {
      const from = blocks(error.body, 'from')[0];
      const to = blocks(error.body, 'to')[0];
      result.push([numberAttribute(from.body, 'byte'), numberAttribute(to.body, 'byte')]);
    }
  }
  return result;
}

/** UTF-16 offset → UTF-8 byte offset, since the spec suite counts bytes. */
function byteOffset(text: string, offset: number): number {
  return Buffer.byteLength(text.slice(0, offset), 'utf8');
}

describe('hcl native syntax: HashiCorp spec suite', () => {
  const corpus = corpusDir();
  const suite = corpus && path.join(corpus, 'hcl', 'hashicorp__hcl', 'specsuite', 'tests');

  it('reports exactly the syntax errors each spec test expects', function () {
    if (!suite || !fs.existsSync(suite)) this.skip();
    const tests = listFiles(suite!, (name) => name.endsWith('.hcl'));
    assert.ok(tests.length >= 15, `found only ${tests.length} spec tests`);
    let withErrors = 0;
    for (const file of tests) {
      const relative: string = path.relative(suite!, file).split(path.sep).join('/');
      const tFile = file.replace(/\.hcl$/, '.t');
      if (!fs.existsSync(tFile)) continue;
      const text = fs.readFileSync(file, 'utf8');
      const parsed = parseHcl(text);
      const actual = parsed.errors.map((error): [number, number] => [byteOffset(text, error.range.start.offset), byteOffset(text, error.range.end.offset)]);
      const expected: Array<[number, number]> = SCHEMA_DIAGNOSTICS.has(relative) ? [] : expectedErrors(fs.readFileSync(tFile, 'utf8'));
      if (expected.length > 0) withErrors++;
      assert.deepEqual(actual, expected, `${relative}: ${parsed.errors.map((error) => error.message).join('; ')}`);
    }
    assert.equal(withErrors, 3, 'the three syntax-error spec tests were checked');
  });

  it('produces the heredoc strings the heredoc spec test expects, with and without <<-', function () {
    if (!suite || !fs.existsSync(path.join(suite, 'expressions', 'heredoc.hcl'))) this.skip();
    const source = parseHcl(fs.readFileSync(path.join(suite!, 'expressions', 'heredoc.hcl'), 'utf8'));
    const expected = parseHcl(fs.readFileSync(path.join(suite!, 'expressions', 'heredoc.t'), 'utf8'));
    assert.deepEqual(source.errors, []);
    // The variables the spec test's .hcldec declares.
    const variables: Record<string, string> = { bar: 'Bar', space_bar: '  Bar' };
    const render = (expr: Expression): string => {
      assert.equal(expr.type, 'Template');
      if (expr.type !== 'Template') return '';
      return expr.parts
        .map((part) => {
          if (part.type === 'TemplateString') return part.value;
          assert.ok(part.type === 'TemplateInterpolation' && part.expr.type === 'Variable');
          return variables[part.expr.name];
        })
        .join('');
    };
    const objectEntries = (expr: Expression): Map<string, Expression> => {
      assert.equal(expr.type, 'Object');
      const entries = new Map<string, Expression>();
      if (expr.type === 'Object') for (const item of expr.items) if (item.key.type === 'Variable') entries.set(item.key.name, item.value);
      return entries;
    };
    const result = objectEntries((expected.body.items.find((item) => item.type === 'Attribute' && item.name === 'result') as Attribute).expr);
    let compared = 0;
    for (const group of ['normal', 'flush']) {
      const actualGroup = objectEntries((source.body.items.find((item) => item.type === 'Attribute' && item.name === group) as Attribute).expr);
      for (const [name, want] of objectEntries(result.get(group)!)) {
        assert.equal(render(actualGroup.get(name)!), render(want), `${group}.${name}`);
        compared++;
      }
    }
    assert.equal(compared, 18);
  });
});
