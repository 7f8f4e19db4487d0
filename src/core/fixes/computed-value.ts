/**
 * Fix values computed from the subject, so a fix can reuse what the manifest already says instead
 * of guessing: a limit copied from the request, a probe on the container's own port, a TLS entry
 * for the Ingress's own hosts. Inside a fix op's `value`, these mappings are expressions:
 *
 * - `{ $from: path | [path, ...] }`: the first known value at one of the paths (relative to the
 *   place the op edits). `all: true` collects every distinct scalar the path fans out to, as a
 *   list. `notOneOf: [...]` rejects values (a user id 0 is no group to copy). `optional: true`
 *   leaves the enclosing key or list item out when nothing is found.
 * - `{ $template: "text {path} text" }`: a string with scalar values filled in.
 * - `{ $found: value }`: the offending value of the finding itself.
 *
 * When a required value cannot be read (absent, set by a template, not a scalar) the fix is not
 * offered: a guess would be worse than no fix.
 */
import type { Scope } from '../subjects/types';
import type { Evidence } from '../rules/evaluate';
import { splitPath } from '../rules/path-segments';
import type { YamlValue } from '../edits';
import { FixNotApplicable } from './build-fix';

const OMIT = Symbol('omit');

interface Sources {
  scope: Scope;
  evidence: Evidence;
}

type Raw = Record<string, unknown>;

export function isComputedExpression(value: unknown): value is Raw {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  return ['$from', '$template', '$found'].some((k) => k in (value as Raw));
}

/** Whether a value holds any expression (plain values skip the computation entirely). */
export function hasComputedParts(value: unknown): boolean {
  if (isComputedExpression(value)) return true;
  if (Array.isArray(value)) return value.some(hasComputedParts);
  if (value && typeof value === 'object') return Object.values(value as Raw).some(hasComputedParts);
  return false;
}

/** The value with every expression replaced; throws `FixNotApplicable` when one cannot be computed. */
export function computeValue(value: unknown, scope: Scope, evidence: Evidence): YamlValue {
  if (!hasComputedParts(value)) return value as YamlValue;
  try {
    const result = compute(value, { scope, evidence });
    if (result === OMIT) throw new FixNotApplicable('the value to write is not known here');
    return result;
  } catch (error) {
    if (error instanceof MissingValue) throw new FixNotApplicable(error.message);
    throw error;
  }
}

function compute(value: unknown, sources: Sources): YamlValue | typeof OMIT {
  if (isComputedExpression(value)) return evaluateExpression(value, sources);
  if (Array.isArray(value)) {
    const items = value.map((item) => compute(item, sources)).filter((item): item is YamlValue => item !== OMIT);
    return items;
  }
  if (value && typeof value === 'object') {
    const out: { [key: string]: YamlValue } = {};
    for (const [key, inner] of Object.entries(value as Raw)) {
      const computed = compute(inner, sources);
      if (computed !== OMIT) out[key] = computed;
    }
    return out;
  }
  return value as YamlValue;
}

function evaluateExpression(expression: Raw, sources: Sources): YamlValue | typeof OMIT {
  if ('$found' in expression) {
    const lookup = sources.evidence.lookup;
    if (lookup?.state !== 'known' || !isScalar(lookup.value)) throw new FixNotApplicable('the offending value is not a plain value');
    return lookup.value;
  }
  if ('$template' in expression) {
    const template = String(expression.$template);
    return template.replace(/\{([^{}]+)\}/g, (_all, path: string) => String(firstScalar([path], sources.scope, [])));
  }
  const paths = (Array.isArray(expression.$from) ? expression.$from : [expression.$from]).map(String);
  const rejected = Array.isArray(expression.notOneOf) ? expression.notOneOf : [];
  const optional = expression.optional === true;
  try {
    if (expression.all === true) return allScalars(paths, sources.scope, rejected);
    return firstScalar(paths, sources.scope, rejected);
  } catch (error) {
    if (optional && error instanceof MissingValue) return OMIT;
    throw error;
  }
}

/** A value that is simply not written (as opposed to one only a template knows). */
class MissingValue extends Error {}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * The first known scalar, in path order and then list order (the first `containerPort`); a value
 * set by a template before it stops the search, since it might be the one meant.
 */
function firstScalar(paths: string[], scope: Scope, rejected: unknown[]): string | number | boolean {
  for (const path of paths) {
    for (const lookup of scope.resolve(splitPath(path))) {
      if (lookup.state === 'absent') continue;
      if (lookup.state === 'unknown') throw new FixNotApplicable(`${path} is only known after rendering`);
      if (isScalar(lookup.value) && !rejected.includes(lookup.value)) return lookup.value;
    }
  }
  throw new MissingValue(`no usable value at ${paths.join(' or ')}`);
}

function allScalars(paths: string[], scope: Scope, rejected: unknown[]): YamlValue[] {
  const found: Array<string | number | boolean> = [];
  for (const path of paths) {
    for (const lookup of scope.resolve(splitPath(path))) {
      if (lookup.state === 'unknown') throw new FixNotApplicable(`${path} is only known after rendering`);
      if (lookup.state === 'known' && isScalar(lookup.value) && lookup.value !== '' && !rejected.includes(lookup.value) && !found.includes(lookup.value)) {
        found.push(lookup.value);
      }
    }
  }
  if (found.length === 0) throw new MissingValue(`no value at ${paths.join(' or ')}`);
  return found;
}
