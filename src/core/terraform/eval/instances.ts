/**
 * `count` and `for_each` expansion: which instances a resource, module call or dynamic block has,
 * as evaluation scopes binding `count.index` or `each.key`/`each.value`.
 */
import type { Attribute } from '../../hcl/ast';
import { Unknown, type EvalScope, type TfValue } from '../types';
import type { EvalContext } from './context';
import { memoised } from './context';
import { evalExpr } from './expressions';
import { UNTRACKED } from '../../util/lint-lived';
import { EvalFailure, asNumber, asString, isObject, sortedKeys, typeName } from './values';

/** Expanding more would flood rules with near-identical subjects; one unknown instance stands in. */
export const MAX_INSTANCES = 100;

export type Expansion =
  | { kind: 'single' }
  | { kind: 'count'; count: number }
  | { kind: 'for_each'; entries: Array<[string, TfValue]> }
  | { kind: 'unknown'; meta: 'count' | 'for_each'; unknown: Unknown };

export interface Repetition {
  count?: Attribute;
  forEach?: Attribute;
  /** Identifies the owner in the memo (resource address, `module.x`). */
  key: string;
}

/** Evaluated in the owning module without instance bindings, as Terraform does. */
export function expansionOf(owner: Repetition, ctx: EvalContext): Expansion {
  if (owner.forEach) {
    const attr = owner.forEach;
    const value = memoised(ctx, ctx.module, `for_each of ${owner.key}`, (origins) =>
      evalExpr(attr.expr, { module: ctx.module, scope: {}, origins, depth: ctx.depth + 1 }),
    );
    return forEachExpansion(value);
  }
  if (owner.count) {
    const attr = owner.count;
    const value = memoised(ctx, ctx.module, `count of ${owner.key}`, (origins) =>
      evalExpr(attr.expr, { module: ctx.module, scope: {}, origins, depth: ctx.depth + 1 }),
    );
    return countExpansion(value);
  }
  return { kind: 'single' };
}

function forEachExpansion(value: TfValue): Expansion {
  const unknown = (reason: string, origins: Unknown['origins'] = []): Expansion => ({
    kind: 'unknown',
    meta: 'for_each',
    unknown: new Unknown(reason, origins),
  });
  if (value instanceof Unknown) return unknown(`for_each is not known: ${value.reason}`, value.origins);
  let entries: Array<[string, TfValue]>;
  if (isObject(value)) {
    entries = sortedKeys(value).map((k) => [k, value[k]]);
  } else if (Array.isArray(value)) {
    entries = [];
    for (const item of value) {
      if (item instanceof Unknown) return unknown(`for_each is not known: ${item.reason}`, item.origins);
      const key = asString(item);
      if (key === undefined) return unknown(`for_each over a set needs strings, not ${typeName(item)}`);
      entries.push([key, item]);
    }
  } else {
    return unknown(`for_each needs a map or a set of strings, not ${typeName(value)}`);
  }
  if (entries.length > MAX_INSTANCES) return unknown(`for_each has ${entries.length} elements; more than ${MAX_INSTANCES} are not expanded`);
  return { kind: 'for_each', entries };
}

function countExpansion(value: TfValue): Expansion {
  if (value instanceof Unknown) return { kind: 'unknown', meta: 'count', unknown: new Unknown(`count is not known: ${value.reason}`, value.origins) };
  const n = asNumber(value);
  if (n === undefined || !Number.isInteger(n) || n < 0) {
    return { kind: 'unknown', meta: 'count', unknown: new EvalFailure(`count must be a whole number, not ${typeName(value)}`) };
  }
  if (n > MAX_INSTANCES) return { kind: 'unknown', meta: 'count', unknown: new Unknown(`count is ${n}; more than ${MAX_INSTANCES} instances are not expanded`) };
  return { kind: 'count', count: n };
}

/** Each instance's subject keeps its scope to the next lint: made untracked (see lint-lived.ts). */
export function scopesOf(expansion: Expansion): EvalScope[] {
  switch (expansion.kind) {
    case 'single':
      return Array.of<EvalScope>({ ...UNTRACKED });
    case 'count':
      return Array.from({ length: expansion.count }, (_v, i) => ({ ...UNTRACKED, countIndex: i }));
    case 'for_each':
      return expansion.entries.map(([key, value]) => ({ ...UNTRACKED, each: { ...UNTRACKED, key, value } }));
    case 'unknown':
      return expansion.meta === 'count'
        ? Array.of<EvalScope>({ ...UNTRACKED, countIndex: expansion.unknown })
        : Array.of<EvalScope>({ ...UNTRACKED, each: { ...UNTRACKED, key: expansion.unknown, value: expansion.unknown } });
  }
}

/** The scope of the instance `key` selects (`aws_x.y[0]`, `aws_x.y["a"]`). */
export function scopeForKey(expansion: Expansion, key: TfValue): EvalScope | EvalFailure {
  switch (expansion.kind) {
    case 'single':
      return {};
    case 'count':
      return { countIndex: key };
    case 'for_each': {
      if (key instanceof Unknown) return { each: { key, value: key } };
      const k = asString(key);
      const entry = expansion.entries.find(([name]) => name === k);
      return entry ? { each: { key: entry[0], value: entry[1] } } : new EvalFailure(`there is no instance with key "${k}"`);
    }
    case 'unknown':
      return expansion.meta === 'count' ? { countIndex: key } : { each: { key, value: expansion.unknown } };
  }
}
