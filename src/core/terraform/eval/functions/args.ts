/** Argument conversions shared by the built-in functions, failing the call like Terraform would. */
import type { TfValue } from '../../types';
import { asBool, asNumber, asString, isObject, typeName, type TfObject } from '../values';
import { fail } from './spec';

export function str(value: TfValue, what = 'argument'): string {
  const s = asString(value);
  if (s === undefined) fail(`${what} must be a string, not ${typeName(value)}`);
  return s;
}

export function num(value: TfValue, what = 'argument'): number {
  const n = asNumber(value);
  if (n === undefined) fail(`${what} must be a number, not ${typeName(value)}`);
  return n;
}

export function int(value: TfValue, what = 'argument'): number {
  const n = num(value, what);
  if (!Number.isInteger(n)) fail(`${what} must be a whole number`);
  return n;
}

export function bool(value: TfValue, what = 'argument'): boolean {
  const b = asBool(value);
  if (b === undefined) fail(`${what} must be a bool, not ${typeName(value)}`);
  return b;
}

export function list(value: TfValue, what = 'argument'): TfValue[] {
  if (!Array.isArray(value)) fail(`${what} must be a list, not ${typeName(value)}`);
  return value;
}

export function obj(value: TfValue, what = 'argument'): TfObject {
  if (!isObject(value)) fail(`${what} must be a map or object, not ${typeName(value)}`);
  return value;
}
