import assert from 'node:assert/strict';
import { RecentMap } from '../../../src/core/util/recent-map';

describe('RecentMap', () => {
  it('forgets the least recently used entry beyond its count', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1).set('b', 2);
    assert.equal(map.get('a'), 1, 'reading a makes it the most recent');
    map.set('c', 3);
    assert.deepEqual([...map.keys()], ['a', 'c']);
    assert.equal(map.get('b'), undefined);
    assert.equal(map.size, 2);
  });

  it('weighs entries and keeps the total under the limit, but always the latest entry', () => {
    const map = new RecentMap<string, string>(10, (text) => text.length);
    map.set('a', 'xxxx').set('b', 'yyyy');
    assert.equal(map.weight, 8);
    map.set('c', 'zzzz');
    assert.deepEqual([...map.keys()], ['b', 'c']);
    map.set('big', 'w'.repeat(50));
    assert.deepEqual([...map.keys()], ['big'], 'heavier than the limit: kept alone');
    assert.equal(map.weight, 50);
  });

  it('replacing an entry re-weighs it; deleting gives its weight back', () => {
    const map = new RecentMap<string, string>(100, (text) => text.length);
    map.set('a', 'xx').set('a', 'xxxxx');
    assert.equal(map.weight, 5);
    assert.equal(map.delete('a'), true);
    assert.equal(map.delete('a'), false);
    assert.equal(map.weight, 0);
  });

  it('getOrSet makes a value once, and keeps an undefined value as a value', () => {
    const map = new RecentMap<string, number | undefined>(4);
    let made = 0;
    assert.equal(map.getOrSet('a', () => ++made), 1);
    assert.equal(map.getOrSet('a', () => ++made), 1);
    assert.equal(map.getOrSet('u', () => undefined), undefined);
    assert.equal(map.getOrSet('u', () => ++made), undefined);
    assert.equal(made, 1);
  });
});
