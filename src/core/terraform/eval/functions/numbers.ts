/** Numeric functions. */
import type { TfValue } from '../../types';
import { int, num, str } from './args';
import { fail, type FunctionTable } from './spec';

/** `min(1, 2)` and the common `min(var.list...)` both arrive here as a flat argument list. */
function numbers(args: TfValue[]): number[] {
  if (args.length === 0) fail('needs at least one number');
  return args.map((a) => num(a));
}

export const numberFunctions: FunctionTable = {
  min: { minArgs: 1, impl: (args) => Math.min(...numbers(args)) },
  max: { minArgs: 1, impl: (args) => Math.max(...numbers(args)) },
  abs: { minArgs: 1, maxArgs: 1, impl: ([n]) => Math.abs(num(n)) },
  ceil: { minArgs: 1, maxArgs: 1, impl: ([n]) => Math.ceil(num(n)) },
  floor: { minArgs: 1, maxArgs: 1, impl: ([n]) => Math.floor(num(n)) },
  signum: { minArgs: 1, maxArgs: 1, impl: ([n]) => Math.sign(num(n)) },
  pow: { minArgs: 2, maxArgs: 2, impl: ([a, b]) => Math.pow(num(a), num(b)) },
  log: { minArgs: 2, maxArgs: 2, impl: ([a, b]) => Math.log(num(a)) / Math.log(num(b)) },
  parseint: {
    minArgs: 2,
    maxArgs: 2,
    impl: ([s, base]) => {
      const radix = int(base, 'base');
      if (radix < 2 || radix > 62) fail('base must be between 2 and 62');
      const text = str(s);
      const digits = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
      const negative = text.startsWith('-');
      const body = negative || text.startsWith('+') ? text.slice(1) : text;
      if (body === '') fail(`cannot parse "${text}" as a base ${radix} integer`);
      let value = 0;
      for (const ch of body) {
        // Up to base 36 letters are case-insensitive, as in Go's strconv.
        const d = radix <= 36 ? digits.indexOf(ch.toLowerCase()) : digits.indexOf(ch);
        if (d < 0 || d >= radix) fail(`cannot parse "${text}" as a base ${radix} integer`);
        value = value * radix + d;
      }
      return negative ? -value : value;
    },
  },
};
