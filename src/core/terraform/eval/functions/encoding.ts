/** jsonencode/jsondecode and the base64/url encodings, matching Terraform's output byte for byte. */
import { Unknown, type TfValue } from '../../types';
import { formatNumber, setKey, sortedKeys, type TfObject } from '../values';
import { str } from './args';
import { fail, type FunctionTable } from './spec';

/**
 * Terraform's JSON: compact, object keys sorted, and `<`, `>`, `&`, U+2028, U+2029 escaped as Go's
 * encoder does, so a policy document compares equal to what Terraform would send.
 */
export function jsonEncode(value: TfValue, depth = 0): string {
  if (depth > 64) fail('value is nested too deeply to encode');
  if (value === null) return 'null';
  if (value instanceof Unknown) return fail('cannot encode an unknown value');
  if (typeof value === 'string') return escapeJsonString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value) : fail('cannot encode an infinite number');
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map((v) => jsonEncode(v, depth + 1)).join(',')}]`;
  return `{${sortedKeys(value)
    .map((k) => `${escapeJsonString(k)}:${jsonEncode(value[k], depth + 1)}`)
    .join(',')}}`;
}

function escapeJsonString(text: string): string {
  return JSON.stringify(text).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function fromJson(value: unknown): TfValue {
  if (Array.isArray(value)) return value.map(fromJson);
  if (value !== null && typeof value === 'object') {
    const out: TfObject = {};
    for (const [k, v] of Object.entries(value)) setKey(out, k, fromJson(v));
    return out;
  }
  return value as TfValue;
}

function utf8Base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function base64Utf8(encoded: string): string {
  let binary: string;
  try {
    binary = atob(encoded);
  } catch {
    return fail('the string is not valid base64');
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('the decoded bytes are not UTF-8 text');
  }
}

export const encodingFunctions: FunctionTable = {
  jsonencode: { minArgs: 1, maxArgs: 1, impl: ([v]) => jsonEncode(v) },
  jsondecode: {
    minArgs: 1,
    maxArgs: 1,
    impl: ([s]) => {
      const text = str(s);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return fail('the string is not valid JSON');
      }
      return fromJson(parsed);
    },
  },
  base64encode: { minArgs: 1, maxArgs: 1, impl: ([s]) => utf8Base64(str(s)) },
  base64decode: { minArgs: 1, maxArgs: 1, impl: ([s]) => base64Utf8(str(s)) },
  urlencode: {
    minArgs: 1,
    maxArgs: 1,
    impl: ([s]) => encodeURIComponent(str(s)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+'),
  },
};
