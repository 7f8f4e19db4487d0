/** The value tests of the condition language, on plain values (already resolved and known). */
import type { EngineConfig } from '../config/types';
import type { NumberOperand, ValueTest } from './condition-types';
import { compileSafeRegex, MAX_MATCH_LENGTH } from './safe-regex';

export type TestVerdict = boolean | { undetermined: string };

const TOO_LONG_TO_MATCH: TestVerdict = { undetermined: `the value is longer than ${MAX_MATCH_LENGTH} characters, too long to test against a pattern` };

const OPEN_CIDRS = new Set(['0.0.0.0/0', '::/0', '*', 'internet', 'any', '0.0.0.0']);

export function isPublicCidr(value: unknown): boolean {
  return typeof value === 'string' && OPEN_CIDRS.has(value.trim().toLowerCase());
}

/** Loose equality that treats `"true"`/`true` and `"5"`/`5` alike, as config carriers do. */
export function looselyEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return String(a).toLowerCase() === String(b).toLowerCase();
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

function operand(n: NumberOperand, config: EngineConfig): number {
  return typeof n === 'number' ? n : config[n.config];
}

/** `TLS1_2`, `tls1.2`, `TLSv1.2`, `1.2`, `TLS_1_2` → [1, 2]. */
export function parseVersion(value: unknown): number[] | undefined {
  if (typeof value === 'number') return String(value).split('.').map(Number);
  if (typeof value !== 'string') return undefined;
  const match = /(\d+)(?:[._](\d+))?(?:[._](\d+))?/.exec(value);
  if (!match) return undefined;
  return match.slice(1).filter((p) => p !== undefined).map(Number);
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function containsValue(haystack: unknown, needle: unknown): boolean {
  if (Array.isArray(haystack)) return haystack.some((item) => looselyEqual(item, needle));
  if (typeof haystack === 'string' && typeof needle === 'string') return haystack.includes(needle);
  return false;
}

/**
 * Applies every operator present in the test to the value (`undefined` = absent with no default).
 * All present operators must hold.
 */
export function applyOperators(test: ValueTest, value: unknown, config: EngineConfig): TestVerdict {
  const present = value !== undefined;
  if (test.exists !== undefined && present !== test.exists) return false;
  if ('equals' in test && !looselyEqual(value, test.equals)) return false;
  if ('notEquals' in test && looselyEqual(value, test.notEquals)) return false;
  if (test.oneOf && !test.oneOf.some((v) => looselyEqual(value, v))) return false;
  if (test.notOneOf && test.notOneOf.some((v) => looselyEqual(value, v))) return false;
  if (test.matches !== undefined) {
    if (typeof value !== 'string' && typeof value !== 'number') return false;
    if (String(value).length > MAX_MATCH_LENGTH) return TOO_LONG_TO_MATCH;
    if (!compileSafeRegex(test.matches, test.ignoreCase).test(String(value))) return false;
  }
  if (test.notMatches !== undefined && (typeof value === 'string' || typeof value === 'number')) {
    if (String(value).length > MAX_MATCH_LENGTH) return TOO_LONG_TO_MATCH;
    if (compileSafeRegex(test.notMatches, test.ignoreCase).test(String(value))) return false;
  }
  // Named reads: a keyed read over the four names was the costliest line of a scan's rule tests.
  if (test.gte !== undefined || test.lte !== undefined || test.gt !== undefined || test.lt !== undefined) {
    const n = toNumber(value);
    if (n === undefined) return false;
    if (test.gte !== undefined && !(n >= operand(test.gte, config))) return false;
    if (test.lte !== undefined && !(n <= operand(test.lte, config))) return false;
    if (test.gt !== undefined && !(n > operand(test.gt, config))) return false;
    if (test.lt !== undefined && !(n < operand(test.lt, config))) return false;
  }
  if (test.versionGte !== undefined) {
    const have = parseVersion(value);
    const wantText = typeof test.versionGte === 'string' ? test.versionGte : config[test.versionGte.config];
    const want = parseVersion(wantText);
    if (!have || !want || compareVersions(have, want) < 0) return false;
  }
  if ('contains' in test && !containsValue(value, test.contains)) return false;
  if ('notContains' in test && containsValue(value, test.notContains)) return false;
  if (test.notPublicCidr) {
    const list = Array.isArray(value) ? value : [value];
    if (list.some(isPublicCidr)) return false;
  }
  if (test.inAllowedRegions) {
    if (typeof value !== 'string') return false;
    if (!regionAllowed(value, config.allowedRegions)) return false;
  }
  return true;
}

/** Allow-list entries may end in `*` (`europe-*`); comparison ignores case and spaces (Azure). */
export function regionAllowed(region: string, allowed: string[]): boolean {
  const normal = region.toLowerCase().replace(/\s+/g, '');
  return allowed.some((entry) => {
    const pattern = entry.toLowerCase().replace(/\s+/g, '');
    return pattern.endsWith('*') ? normal.startsWith(pattern.slice(0, -1)) : normal === pattern;
  });
}

export const VALUE_OPERATORS = [
  'exists',
  'equals',
  'notEquals',
  'oneOf',
  'notOneOf',
  'matches',
  'notMatches',
  'gte',
  'lte',
  'gt',
  'lt',
  'versionGte',
  'contains',
  'notContains',
  'notPublicCidr',
  'inAllowedRegions',
] as const;
