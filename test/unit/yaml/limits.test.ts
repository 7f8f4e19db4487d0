import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Parser } from 'yaml';
import { firstTooDeep, MAX_NESTING } from '../../../src/core/yaml/limits';

const corpus = resolve(__dirname, '../../../../../shared/corpus');

function yamlFiles(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yamlFiles(full, found);
    else if (/\.ya?ml$/i.test(name)) found.push(full);
  }
  return found;
}

const tokensOf = (text: string) => [...new Parser().parse(text)];

describe('YAML nesting limit', () => {
  it('finds the first collection nested too deep, in block and flow style', () => {
    const block = Array.from({ length: MAX_NESTING + 2 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' v\n';
    assert.notEqual(firstTooDeep(tokensOf(block), block), undefined);
    const flow = `${'['.repeat(MAX_NESTING + 1)}1${']'.repeat(MAX_NESTING + 1)}`;
    assert.notEqual(firstTooDeep(tokensOf(flow), flow), undefined);
    const dashes = `${'- '.repeat(MAX_NESTING + 1)}x\n`;
    assert.notEqual(firstTooDeep(tokensOf(dashes), dashes), undefined);
    const fine = `${'['.repeat(MAX_NESTING)}1${']'.repeat(MAX_NESTING)}`;
    assert.equal(firstTooDeep(tokensOf(fine), fine), undefined);
  });

  it('clearing a text by its indicators answers as the walk does, on every corpus YAML file', function () {
    if (!existsSync(corpus)) this.skip();
    let compared = 0;
    for (const file of yamlFiles(corpus)) {
      const text = readFileSync(file, 'utf8');
      const tokens = tokensOf(text);
      assert.equal(firstTooDeep(tokens, text), firstTooDeep(tokens), file);
      compared++;
    }
    assert.ok(compared > 400, `${compared} files`);
  });
});
