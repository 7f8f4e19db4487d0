/** Small helpers shared by the HCL parser tests. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Attribute, Block, Body, Expression, HclFile } from '../../../../src/core/hcl';
import type { Range } from '../../../../src/core/text/position';

/** `line:column-line:column`, 0-based like the contract, for compact exact range assertions. */
export function at(range: Range): string {
  return `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;
}

/** The source text a range covers. */
export function textOf(file: HclFile, range: Range): string {
  return file.text.slice(range.start.offset, range.end.offset);
}

export function assertNoErrors(file: HclFile): void {
  assert.deepEqual(
    file.errors.map((error) => `${at(error.range)} ${error.message}`),
    [],
  );
}

export function onlyAttribute(body: Body): Attribute {
  assert.equal(body.items.length, 1, 'expected exactly one item');
  const item = body.items[0];
  assert.equal(item.type, 'Attribute');
  return item as Attribute;
}

export function attribute(body: Body, name: string): Attribute {
  const found = body.items.find((item): item is Attribute => item.type === 'Attribute' && item.name === name);
  assert.ok(found, `attribute ${name} not found`);
  return found;
}

export function block(body: Body, blockType: string, index = 0): Block {
  const found = body.items.filter((item): item is Block => item.type === 'Block' && item.blockType === blockType)[index];
  assert.ok(found, `block ${blockType}[${index}] not found`);
  return found;
}

/** The expression of the only attribute of a one-attribute file. */
export function exprOf(file: HclFile): Expression {
  return onlyAttribute(file.body).expr;
}

/**
 * The tree without positions, for comparing shapes: every `range`-like property is dropped so
 * the expected literal stays readable. Ranges are asserted separately with `at`.
 */
export function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (node && typeof node === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'range' || key.endsWith('Range') || key === 'openBrace' || key === 'closeBrace') continue;
      result[key] = shape(value);
    }
    return result;
  }
  return node;
}

/** The repository root, found from the transpiled test file (out/test/unit/hcl/support). */
export function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'src'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

/** `../shared/corpus` beside the repository, or undefined where it is not present. */
export function corpusDir(): string | undefined {
  const dir = path.resolve(repoRoot(), '..', 'shared', 'corpus');
  return fs.existsSync(dir) ? dir : undefined;
}

/** All files under a directory whose name passes the filter, sorted for stable order. */
export function listFiles(dir: string, accept: (name: string) => boolean): string[] {
  const found: string[] = [];
  const visit = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile() && accept(entry.name)) found.push(full);
    }
  };
  visit(dir);
  return found.sort();
}

export function isNativeHclFile(name: string): boolean {
  return name.endsWith('.tf') || name.endsWith('.hcl');
}
