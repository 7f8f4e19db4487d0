/** Terraform's collection functions over lists, sets and maps. */
import { Unknown, type TfValue } from '../../types';
import { deepEqual, deepUnknown, getKey, hasKey, isObject, setKey, sortedKeys, toSetValue, type TfObject } from '../values';
import { bool, int, list, num, obj, str } from './args';
import { fail, type FunctionTable } from './spec';

function flattenInto(items: TfValue[], out: TfValue[], depth: number): Unknown | undefined {
  for (const item of items) {
    if (item instanceof Unknown) return item; // might be a list that would have been flattened
    if (Array.isArray(item) && depth < 64) {
      const unknown = flattenInto(item, out, depth + 1);
      if (unknown) return unknown;
    } else out.push(item);
  }
  return undefined;
}

function length(value: TfValue): number {
  if (typeof value === 'string') return Array.from(value).length;
  if (Array.isArray(value)) return value.length;
  if (isObject(value)) return Object.keys(value).length;
  return fail('length needs a string, list or map');
}

export const collectionFunctions: FunctionTable = {
  length: { minArgs: 1, maxArgs: 1, unknowns: 'top', impl: ([v]) => length(v) },
  merge: {
    minArgs: 0,
    unknowns: 'top',
    impl: (args) => {
      const out: TfObject = {};
      for (const arg of args) {
        if (arg === null) continue;
        for (const [k, v] of Object.entries(obj(arg))) setKey(out, k, v);
      }
      return out;
    },
  },
  concat: { minArgs: 0, unknowns: 'top', impl: (args) => args.flatMap((a) => list(a)) },
  lookup: {
    minArgs: 2,
    maxArgs: 3,
    unknowns: 'top',
    impl: ([map, key, fallback]) => {
      const found = getKey(obj(map), str(key));
      if (found !== undefined) return found;
      if (fallback === undefined) fail(`the map has no key "${str(key)}" and no default was given`);
      return fallback;
    },
  },
  contains: {
    minArgs: 2,
    maxArgs: 2,
    unknowns: 'self',
    impl: ([collection, value]) => {
      if (collection instanceof Unknown) return collection;
      if (value instanceof Unknown) return value;
      const items = list(collection);
      if (items.some((item) => deepEqual(item, value))) return true;
      return deepUnknown(items) ?? false;
    },
  },
  element: {
    minArgs: 2,
    maxArgs: 2,
    unknowns: 'top',
    impl: ([l, i]) => {
      const items = list(l);
      if (items.length === 0) fail('cannot use element on an empty list');
      const index = int(i, 'index');
      if (index < 0) fail('index must not be negative');
      return items[index % items.length];
    },
  },
  index: {
    minArgs: 2,
    maxArgs: 2,
    impl: ([l, v]) => {
      const i = list(l).findIndex((item) => deepEqual(item, v));
      return i >= 0 ? i : fail('the item was not found in the list');
    },
  },
  keys: { minArgs: 1, maxArgs: 1, unknowns: 'top', impl: ([m]) => sortedKeys(obj(m)) },
  values: {
    minArgs: 1,
    maxArgs: 1,
    unknowns: 'top',
    impl: ([m]) => {
      const map = obj(m);
      return sortedKeys(map).map((k) => map[k]);
    },
  },
  flatten: {
    minArgs: 1,
    maxArgs: 1,
    unknowns: 'top',
    impl: ([l]) => {
      const out: TfValue[] = [];
      return flattenInto(list(l), out, 0) ?? out;
    },
  },
  distinct: {
    minArgs: 1,
    maxArgs: 1,
    impl: ([l]) => {
      const out: TfValue[] = [];
      for (const item of list(l)) if (!out.some((o) => deepEqual(o, item))) out.push(item);
      return out;
    },
  },
  compact: { minArgs: 1, maxArgs: 1, impl: ([l]) => list(l).filter((item) => item !== null && item !== '').map((item) => str(item)) },
  coalescelist: {
    minArgs: 1,
    unknowns: 'self',
    impl: (args) => {
      for (const arg of args) {
        if (arg instanceof Unknown) return arg;
        if (list(arg).length > 0) return arg;
      }
      return fail('no non-empty list among the arguments');
    },
  },
  slice: {
    minArgs: 3,
    maxArgs: 3,
    unknowns: 'top',
    impl: ([l, from, to]) => {
      const items = list(l);
      const start = int(from, 'start index');
      const end = int(to, 'end index');
      if (start < 0 || end > items.length || start > end) fail('slice indexes are out of range');
      return items.slice(start, end);
    },
  },
  reverse: { minArgs: 1, maxArgs: 1, unknowns: 'top', impl: ([l]) => [...list(l)].reverse() },
  sort: {
    minArgs: 1,
    maxArgs: 1,
    impl: ([l]) =>
      list(l)
        .map((item) => str(item))
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  },
  range: {
    minArgs: 1,
    maxArgs: 3,
    impl: (args) => {
      const [start, limit, step] = args.length === 1 ? [0, num(args[0]), 1] : [num(args[0]), num(args[1]), args[2] === undefined ? 1 : num(args[2])];
      if (step === 0) fail('step must not be zero');
      const out: number[] = [];
      for (let v = start; step > 0 ? v < limit : v > limit; v += step) {
        if (out.length >= 1024) fail('range would produce more than 1024 elements');
        out.push(v);
      }
      return out;
    },
  },
  zipmap: {
    minArgs: 2,
    maxArgs: 2,
    unknowns: 'top',
    impl: ([k, v]) => {
      const keys = list(k);
      const values = list(v);
      if (keys.length !== values.length) fail('keys and values must have the same length');
      const out: TfObject = {};
      keys.forEach((key, i) => setKey(out, str(key), values[i]));
      return out;
    },
  },
  one: {
    minArgs: 1,
    maxArgs: 1,
    unknowns: 'top',
    impl: ([l]) => {
      const items = list(l);
      if (items.length > 1) fail('the list has more than one element');
      return items.length === 1 ? items[0] : null;
    },
  },
  sum: { minArgs: 1, maxArgs: 1, impl: ([l]) => list(l).reduce<number>((acc, item) => acc + num(item), 0) },
  alltrue: { minArgs: 1, maxArgs: 1, impl: ([l]) => list(l).every((item) => bool(item)) },
  anytrue: { minArgs: 1, maxArgs: 1, impl: ([l]) => list(l).some((item) => bool(item)) },
  setunion: { minArgs: 1, impl: (args) => toSetValue(args.flatMap((a) => list(a))) },
  setintersection: {
    minArgs: 1,
    impl: ([first, ...rest]) => toSetValue(list(first).filter((item) => rest.every((other) => list(other).some((o) => deepEqual(o, item))))),
  },
  setsubtract: {
    minArgs: 2,
    maxArgs: 2,
    impl: ([a, b]) => toSetValue(list(a).filter((item) => !list(b).some((o) => deepEqual(o, item)))),
  },
  transpose: {
    minArgs: 1,
    maxArgs: 1,
    impl: ([m]) => {
      const out: Record<string, string[]> = {};
      for (const [key, values] of Object.entries(obj(m))) {
        for (const v of list(values)) {
          const name = str(v);
          if (!hasKey(out, name)) setKey(out, name, []);
          out[name].push(key);
        }
      }
      return out;
    },
  },
};
