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

  it('for a scan, parses each file once when the modules called from several places are kept', () => {
    const cache = createParseCache(undefined, { scanSlots: 2 });
    const root = cache.get('/repo/main.tf', file('root', 10));
    for (let i = 0; i < 5; i++) cache.get(`/repo/other${i}/main.tf`, file(`o${i}`, 10));
    // The root module, linted first, is called later by an example: parsed again once, then kept.
    const calledLater = cache.get('/repo/main.tf', file('root', 10), true);
    assert.notEqual(calledLater, root);
    const child = cache.get('/repo/modules/x/main.tf', file('x', 10), true);
    for (let i = 0; i < 5; i++) {
      cache.get(`/repo/examples/e${i}/main.tf`, file(`e${i}`, 10));
      assert.equal(cache.get('/repo/main.tf', file('root', 10), true), calledLater);
      assert.equal(cache.get('/repo/modules/x/main.tf', file('x', 10), true), child);
    }
    assert.equal(cache.parseCount, 1 + 5 + 1 + 1 + 5);
  });
});
