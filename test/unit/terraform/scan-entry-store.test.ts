import assert from 'node:assert/strict';
import { ScanEntryStore } from '../../../src/core/terraform/scan-entry-store';

describe('ScanEntryStore', () => {
  it('keeps files asked for once only in its last slots', () => {
    const store = new ScanEntryStore<number>(2);
    store.set('a', 1);
    store.set('b', 2);
    store.set('c', 3);
    assert.equal(store.get('a'), undefined, 'a was overwritten by c');
    assert.equal(store.get('c'), 3);
    assert.equal(store.size, 2);
  });

  it('keeps a file asked for a second time, or one of a called module, to the end', () => {
    const store = new ScanEntryStore<number>(2);
    store.set('root', 1);
    assert.equal(store.get('root'), 1, 'asked again while still in a slot');
    store.set('child', 2, true);
    for (let i = 0; i < 10; i++) store.set(`other${i}`, i);
    assert.equal(store.get('root'), 1);
    assert.equal(store.get('child'), 2);
    assert.equal(store.get('other0'), undefined);
  });

  it('replaces the value of a key it holds, in its slot or among the kept ones', () => {
    const store = new ScanEntryStore<string>(3);
    store.set('a', 'old');
    store.set('a', 'new');
    assert.equal(store.size, 1);
    assert.equal(store.get('a'), 'new');
    store.set('a', 'newer');
    assert.equal(store.get('a'), 'newer');
    store.delete('a');
    assert.equal(store.get('a'), undefined);
  });
});
