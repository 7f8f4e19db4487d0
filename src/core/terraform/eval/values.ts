/**
 * Helpers over TfValue: Terraform's implicit conversions, equality, and the error value that
 * `try`/`can` recover from.
 */
import { Unknown, type TfValue, type ValueOrigin } from '../types';

/**
 * An expression that Terraform would reject (missing attribute, index out of range, bad argument).
 * It is an Unknown so that rules treat it as undetermined, but `try` and `can` see it as an error.
 */
export class EvalFailure extends Unknown {
  constructor(reason: string, origins: ValueOrigin[] = []) {
    super(reason, origins);
  }
}

export type TfObject = { [key: string]: TfValue };

export function isObject(value: TfValue): value is TfObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Unknown);
}

/** The first Unknown anywhere inside the value (depth-limited), so composite results can say why. */
export function deepUnknown(value: TfValue): Unknown | undefined {
  return findUnknown(value, () => true, 0);
}

/** The first error value inside, which `try` and `can` react to (plain unknowns they do not). */
export function deepFailure(value: TfValue): EvalFailure | undefined {
  return findUnknown(value, (u) => u instanceof EvalFailure, 0) as EvalFailure | undefined;
}

function findUnknown(value: TfValue, accept: (u: Unknown) => boolean, depth: number): Unknown | undefined {
  if (value instanceof Unknown) return accept(value) ? value : undefined;
  if (depth > 64 || value === null || typeof value !== 'object') return undefined;
  const children = Array.isArray(value) ? value : Object.values(value);
  for (const child of children) {
    const found = findUnknown(child, accept, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export function typeName(value: TfValue): string {
  if (value === null) return 'null';
  if (value instanceof Unknown) return 'unknown';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'object';
  return typeof value;
}

/** Terraform's number-to-string form: integers without a fraction, others in shortest form. */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toFixed(0) : String(n);
}

/** Converts like Terraform's `tostring` / template interpolation; `undefined` when it cannot. */
export function asString(value: TfValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return undefined;
}

export function asNumber(value: TfValue): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value.trim())) {
    return Number(value.trim());
  }
  return undefined;
}

export function asBool(value: TfValue): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

export function deepEqual(a: TfValue, b: TfValue): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (a instanceof Unknown || b instanceof Unknown) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && deepEqual(a[key], b[key]));
}

/** Terraform orders map keys and string sets lexicographically (by code point, not locale). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedKeys(object: TfObject): string[] {
  return Object.keys(object).sort(compareStrings);
}

/** A set in the TfValue world is a list without duplicates; strings and numbers sort like Terraform's. */
export function toSetValue(items: TfValue[]): TfValue[] {
  const distinct: TfValue[] = [];
  for (const item of items) if (!distinct.some((d) => deepEqual(d, item))) distinct.push(item);
  if (distinct.every((d) => typeof d === 'string')) return (distinct as string[]).sort(compareStrings);
  if (distinct.every((d) => typeof d === 'number')) return (distinct as number[]).sort((x, y) => x - y);
  return distinct;
}

/** Sets a key even when it is `__proto__`, which plain assignment would turn into a prototype change. */
export function setKey(object: TfObject, key: string, value: TfValue): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** Own keys only, so `toString` or `constructor` never resolve to Object.prototype members. */
export function hasKey(object: TfObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

export function getKey(object: TfObject, key: string): TfValue | undefined {
  return hasKey(object, key) ? object[key] : undefined;
}

/** The common value of several instances, or Unknown saying they differ. */
export function agreeing(values: TfValue[], what: string): TfValue {
  if (values.length === 0) return new Unknown(`there are no ${what}`);
  const [first, ...rest] = values;
  if (rest.every((v) => deepEqual(v, first))) return first;
  const unknown = values.map((v) => deepUnknown(v)).find((u) => u !== undefined);
  return unknown ?? new Unknown(`the value differs between the ${values.length} ${what}`);
}
