import assert from 'node:assert/strict';
import { SideTable } from '../../../src/core/util/side-table';

describe('SideTable', () => {
  it('keeps a value per object, like a WeakMap', () => {
    const table = new SideTable<object, number>('test');
    const a = {};
    const b = {};
    assert.equal(table.get(a), undefined);
    assert.equal(table.has(a), false);
    table.set(a, 1).set(b, 2);
    assert.equal(table.get(a), 1);
    assert.equal(table.get(b), 2);
    table.set(a, 3);
    assert.equal(table.get(a), 3);
    assert.equal(table.delete(a), true);
    assert.equal(table.has(a), false);
    assert.equal(table.delete(a), false);
  });

  it('two tables never see each other\'s values', () => {
    const one = new SideTable<object, string>('same name');
    const two = new SideTable<object, string>('same name');
    const key = {};
    one.set(key, 'one');
    assert.equal(two.get(key), undefined);
  });

  it('is invisible to copies, comparisons, JSON and structured clone', () => {
    const table = new SideTable<object, object>('test');
    const node = { kind: 'map', entries: [] as unknown[] };
    table.set(node, { large: 'cache' });
    assert.deepStrictEqual(node, { kind: 'map', entries: [] });
    assert.deepStrictEqual({ ...node }, { kind: 'map', entries: [] });
    assert.equal(JSON.stringify(node), '{"kind":"map","entries":[]}');
    assert.deepStrictEqual(Object.keys(node), ['kind', 'entries']);
    assert.deepStrictEqual(structuredClone(node), { kind: 'map', entries: [] });
    assert.equal(table.get({ ...node }), undefined, 'a copy does not carry the value');
  });

  it('falls back to a WeakMap for keys that cannot take a property', () => {
    const table = new SideTable<object, string>('test');
    const frozen = Object.freeze({ a: 1 });
    const sealed = Object.seal({ b: 2 });
    table.set(frozen, 'f').set(sealed, 's');
    assert.equal(table.get(frozen), 'f');
    assert.equal(table.get(sealed), 's');
    assert.equal(table.has(frozen), true);
    assert.equal(table.delete(frozen), true);
    assert.equal(table.get(frozen), undefined);
  });

  it('an object frozen after its value was set still answers, and the value can be replaced', () => {
    const table = new SideTable<object, string>('test');
    const key = { a: 1 };
    table.set(key, 'before');
    Object.freeze(key);
    assert.equal(table.get(key), 'before');
    table.set(key, 'after');
    assert.equal(table.get(key), 'after');
  });
});
