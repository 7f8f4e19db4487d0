/**
 * Calls a built-in function on evaluated arguments. `try` and `can` need their arguments
 * unevaluated and live in the expression evaluator; everything else is here.
 */
import { Unknown, type TfValue } from '../../types';
import { EvalFailure, deepUnknown } from '../values';
import { collectionFunctions } from './collections';
import { conversionFunctions } from './conversions';
import { encodingFunctions } from './encoding';
import { networkFunctions } from './network';
import { numberFunctions } from './numbers';
import { planTimeFunctions } from './plan-time';
import { FunctionError, type FunctionTable } from './spec';
import { stringFunctions } from './strings';

const coalesce: FunctionTable = {
  coalesce: {
    minArgs: 1,
    unknowns: 'self',
    impl: (args) => {
      // The first argument that is neither null nor "" wins, so later unknowns do not matter.
      for (const arg of args) {
        if (arg instanceof Unknown) return arg;
        if (arg !== null && arg !== '') return arg;
      }
      return new EvalFailure('coalesce: every argument is null or an empty string');
    },
  },
};

const FUNCTIONS: FunctionTable = {
  ...collectionFunctions,
  ...stringFunctions,
  ...numberFunctions,
  ...encodingFunctions,
  ...conversionFunctions,
  ...networkFunctions,
  ...planTimeFunctions,
  ...coalesce,
};

export function isBuiltinFunction(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}

export function callFunction(name: string, args: TfValue[]): TfValue {
  if (name.includes('::')) return new Unknown(`provider function ${name} is not evaluated statically`);
  if (!isBuiltinFunction(name)) return new Unknown(`function ${name}() is not evaluated statically`);
  const spec = FUNCTIONS[name];
  if (args.length < spec.minArgs || (spec.maxArgs !== undefined && args.length > spec.maxArgs)) {
    return new EvalFailure(`${name}() got ${args.length} argument(s)`);
  }
  const mode = spec.unknowns ?? 'any';
  if (mode !== 'self') {
    const unknown = mode === 'top' ? args.find((a): a is Unknown => a instanceof Unknown) : deepUnknown(args);
    if (unknown) return unknown;
  }
  try {
    return spec.impl(args);
  } catch (error) {
    if (error instanceof FunctionError) return new EvalFailure(`${name}(): ${error.message}`);
    // A bug in a function body must not take the linter down; the value is simply not known.
    return new Unknown(`${name}() could not be evaluated: ${error instanceof Error ? error.message : String(error)}`);
  }
}
