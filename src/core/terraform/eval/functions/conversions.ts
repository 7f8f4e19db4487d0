/** Explicit type conversions and the sensitivity markers (which do not change the value here). */
import { isObject, toSetValue } from '../values';
import { bool, list, num, obj, str } from './args';
import { fail, type FunctionTable } from './spec';

export const conversionFunctions: FunctionTable = {
  tostring: {
    minArgs: 1,
    maxArgs: 1,
    impl: ([v]) => (v === null ? null : Array.isArray(v) || isObject(v) ? fail('cannot convert a collection to a string') : str(v)),
  },
  tonumber: { minArgs: 1, maxArgs: 1, impl: ([v]) => (v === null ? null : num(v)) },
  tobool: { minArgs: 1, maxArgs: 1, impl: ([v]) => (v === null ? null : bool(v)) },
  tolist: { minArgs: 1, maxArgs: 1, unknowns: 'top', impl: ([v]) => (v === null ? null : list(v)) },
  toset: { minArgs: 1, maxArgs: 1, impl: ([v]) => (v === null ? null : toSetValue(list(v))) },
  tomap: { minArgs: 1, maxArgs: 1, unknowns: 'top', impl: ([v]) => (v === null ? null : obj(v)) },
  sensitive: { minArgs: 1, maxArgs: 1, unknowns: 'top', impl: ([v]) => v },
  nonsensitive: { minArgs: 1, maxArgs: 1, unknowns: 'top', impl: ([v]) => v },
};
