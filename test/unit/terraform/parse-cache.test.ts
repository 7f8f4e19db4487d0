import assert from 'node:assert/strict';
import { createParseCache } from '../../../src/core/terraform';

const file = (name: string, size: number) => `locals {\n  ${name} = "${'x'.repeat(size)}"\n}\n`;

describe('ParseCache', () => {
  it('parses a file again only when its text changed', () => {
    const cache = createParseCache();
    const first = cache.get('/m/a.tf', file('a', 10));
    assert.equal(cache.get('/m/a.tf', file('a', 10)), first);
    assert.notEqual(cache.get('/m/a.tf', file('a', 11)), first);
    assert.equal(cache.parseCount, 2);
  });

  it('keeps at most maxChars of source, dropping the least recently used files first', () => {
    const cache = createParseCache(undefined, { maxChars: 250 });
    const a = cache.get('/m/a.tf', file('a', 80));
    cache.get('/m/b.tf', file('b', 80));
    assert.equal(cache.size, 2);
    assert.equal(cache.get('/m/a.tf', file('a', 80)), a, 'a read again: now the most recent');
    cache.get('/m/c.tf', file('c', 80));
    assert.equal(cache.size, 2);
    assert.equal(cache.get('/m/a.tf', file('a', 80)), a, 'a stayed');
    const parses = cache.parseCount;
    cache.get('/m/b.tf', file('b', 80));
    assert.equal(cache.parseCount, parses + 1, 'b was dropped and is parsed again');
  });

  it('keeps the latest file even when it alone is larger than the limit', () => {
    const cache = createParseCache(undefined, { maxChars: 10 });
    const big = cache.get('/m/big.tf', file('big', 200));
    assert.equal(cache.get('/m/big.tf', file('big', 200)), big);
    assert.equal(cache.size, 1);
  });
});
