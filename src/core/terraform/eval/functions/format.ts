/** Terraform's `format` verbs (a subset of Go's fmt): %v %s %q %d %f %e %g %t %x %X %o %b and %%. */
import type { TfValue } from '../../types';
import { asString, isObject } from '../values';
import { bool, num, str } from './args';
import { jsonEncode } from './encoding';
import { fail } from './spec';

const VERB = /%(\[(\d+)\])?([-+ 0#]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g;

export function formatString(format: string, args: TfValue[]): string {
  let next = 0;
  const out = format.replace(VERB, (_all, _explicit, index: string | undefined, flags: string, width: string | undefined, precision: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    const position = index !== undefined ? Number(index) - 1 : next;
    next = position + 1;
    if (position >= args.length) fail(`not enough arguments for format "${format}"`);
    const text = formatOne(args[position], verb, flags, precision === undefined ? undefined : Number(precision));
    return pad(text, flags, width === undefined ? 0 : Number(width), verb);
  });
  return out;
}

function formatOne(value: TfValue, verb: string, flags: string, precision: number | undefined): string {
  switch (verb) {
    case 'v':
      return Array.isArray(value) || isObject(value) ? jsonEncode(value) : value === null ? 'null' : str(value);
    case 's':
      return precision === undefined ? str(value) : Array.from(str(value)).slice(0, precision).join('');
    case 'q':
      return JSON.stringify(str(value));
    case 'd':
      return signed(integer(value).toFixed(0), flags, integer(value));
    case 'f':
    case 'F':
      return signed(num(value).toFixed(precision ?? 6), flags, num(value));
    case 'e':
    case 'E': {
      const e = num(value).toExponential(precision ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
      return signed(verb === 'E' ? e.toUpperCase() : e, flags, num(value));
    }
    case 'g':
    case 'G':
      return signed(precision === undefined ? String(num(value)) : num(value).toPrecision(precision), flags, num(value));
    case 't':
      return bool(value) ? 'true' : 'false';
    case 'x':
    case 'X': {
      const hex = typeof value === 'string' && !/^-?\d+$/.test(value) ? hexOfText(value) : integer(value).toString(16);
      return verb === 'X' ? hex.toUpperCase() : hex;
    }
    case 'o':
      return integer(value).toString(8);
    case 'b':
      return integer(value).toString(2);
    default:
      return fail(`unsupported format verb %${verb}`);
  }
}

function integer(value: TfValue): number {
  const n = num(value);
  if (!Number.isInteger(n)) fail(`%d needs a whole number, not ${asString(value)}`);
  return n;
}

function hexOfText(text: string): string {
  return Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, '0')).join('');
}

function signed(text: string, flags: string, n: number): string {
  if (n >= 0 && flags.includes('+')) return `+${text}`;
  if (n >= 0 && flags.includes(' ')) return ` ${text}`;
  return text;
}

function pad(text: string, flags: string, width: number, verb: string): string {
  const length = Array.from(text).length;
  if (length >= width) return text;
  const fill = width - length;
  if (flags.includes('-')) return text + ' '.repeat(fill);
  if (flags.includes('0') && 'dfFeEgGxXob'.includes(verb)) {
    const sign = /^[-+ ]/.test(text) ? text[0] : '';
    return sign + '0'.repeat(fill) + text.slice(sign.length);
  }
  return ' '.repeat(fill) + text;
}
