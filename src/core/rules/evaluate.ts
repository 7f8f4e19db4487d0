/** Three-valued evaluation of rule conditions against a subject. */
import type { Range } from '../text/position';
import type { ValueOrigin } from '../terraform/types';
import type { EngineConfig } from '../config/types';
import type { Lookup, Scope, Subject } from '../subjects/types';
import type { Condition, ValueTest } from './condition-types';
import { applyOperators, VALUE_OPERATORS } from './operators';
import { getPredicate } from './predicates/registry';
import { splitPath as splitPathSegments } from './path-segments';

export type Outcome = 'pass' | 'fail' | 'undetermined';

export interface Evidence {
  outcome: Outcome;
  /** Where a finding points: the offending value, or the header when something is missing. */
  range?: Range;
  /** For undetermined outcomes: why. */
  reason?: string;
  /** Places that decided the value (variable defaults, tfvars lines). */
  origins: ValueOrigin[];
  /** The failing lookup, used by fixes to know what to edit. */
  lookup?: Lookup;
  /** The scope in which the failing test ran. */
  scope?: Scope;
  /** Text of the offending value, for stable fingerprints. */
  valueText?: string;
  /** Further failures found by the same check (two open ingress rules in one group, ...). */
  others?: Evidence[];
}

export interface EvalContext {
  config: EngineConfig;
  subject: Subject;
  /** Resources of the same project that point at the subject through `via` (Terraform). */
  related(subject: Subject, types: string[], via: string): Subject[];
}

export function isValueTest(c: Condition): c is ValueTest {
  return typeof (c as ValueTest).path === 'string';
}

const PASS: Evidence = { outcome: 'pass', origins: [] };

export function evaluateCondition(condition: Condition, scope: Scope, ctx: EvalContext): Evidence {
  if (isValueTest(condition)) return evaluateValueTest(condition, scope, ctx);
  if ('all' in condition) return combineAll(condition.all.map((c) => evaluateCondition(c, scope, ctx)));
  if ('any' in condition) return combineAny(condition.any.map((c) => evaluateCondition(c, scope, ctx)), scope);
  if ('not' in condition) {
    const inner = evaluateCondition(condition.not, scope, ctx);
    if (inner.outcome === 'undetermined') return inner;
    return inner.outcome === 'pass'
      ? { ...inner, outcome: 'fail', range: inner.range ?? scope.headerRange, scope: inner.scope ?? scope }
      : { ...PASS };
  }
  if ('each' in condition) {
    const results: Evidence[] = [];
    for (const item of scope.items(splitPath(condition.each))) {
      if (condition.where) {
        const gate = evaluateCondition(condition.where, item, ctx);
        if (gate.outcome === 'fail') continue;
        if (gate.outcome === 'undetermined') {
          const inner = evaluateCondition(condition.require, item, ctx);
          results.push(inner.outcome === 'fail' ? { ...inner, outcome: 'undetermined', reason: gate.reason } : inner);
          continue;
        }
      }
      results.push(evaluateCondition(condition.require, item, ctx));
    }
    return combineAll(results);
  }
  if ('some' in condition) {
    const results = scope.items(splitPath(condition.some)).map((item) => evaluateCondition(condition.require, item, ctx));
    if (results.length === 0) {
      return { outcome: 'fail', range: scope.headerRange, origins: [], scope, lookup: missingLookup(scope, condition.some) };
    }
    return combineAny(results, scope);
  }
  if ('related' in condition) {
    const { types, via, require } = condition.related;
    const candidates = ctx.related(ctx.subject, types, via);
    if (candidates.length === 0) {
      return { outcome: 'fail', range: ctx.subject.headerRange, origins: [], scope: ctx.subject };
    }
    if (!require) return { ...PASS };
    const results = candidates.map((candidate) => evaluateCondition(require, candidate, { ...ctx, subject: candidate }));
    const combined = combineAny(results, scope);
    // A related resource that exists but is misconfigured is the place to fix.
    return combined;
  }
  if ('predicate' in condition) {
    const predicate = getPredicate(condition.predicate);
    if (!predicate) throw new Error(`unknown predicate "${condition.predicate}"`);
    return predicate(scope, condition.args ?? {}, ctx);
  }
  throw new Error(`unrecognised condition ${JSON.stringify(condition).slice(0, 80)}`);
}

function missingLookup(scope: Scope, path: string): Lookup {
  return { state: 'absent', anchor: scope.headerRange, scope, path: splitPath(path) };
}

/** Dotted path to segments; `"quoted.keys/with-dots"` stay one segment (see `path-segments.ts`). */
export function splitPath(path: string): string[] {
  return splitPathSegments(path);
}

export function evaluateValueTest(test: ValueTest, scope: Scope, ctx: EvalContext): Evidence {
  const lookups = scope.resolve(splitPath(test.path));
  const results = lookups.map((lookup) => testLookup(test, lookup, scope, ctx));
  return test.match === 'any' ? combineAny(results, scope) : combineAll(results);
}

function onlyExists(test: ValueTest): boolean {
  return test.exists !== undefined && VALUE_OPERATORS.every((op) => op === 'exists' || !(op in test));
}

function testLookup(test: ValueTest, lookup: Lookup, scope: Scope, ctx: EvalContext): Evidence {
  // A value that is written but not known still exists.
  if (lookup.state === 'unknown' && onlyExists(test)) {
    return test.exists ? { ...PASS } : { outcome: 'fail', range: lookup.range, origins: lookup.origins, lookup, scope };
  }
  if (lookup.state === 'unknown') {
    return { outcome: 'undetermined', range: lookup.range, reason: lookup.reason, origins: lookup.origins, lookup, scope };
  }
  if (lookup.state === 'absent') {
    const verdict = applyOperators(test, test.default, ctx.config);
    if (verdict === true) return { ...PASS };
    return { outcome: 'fail', range: lookup.anchor, origins: [], lookup, scope };
  }
  // Terraform treats an argument set to null (often a module variable defaulting to null) as not
  // set at all, so the provider's default applies; a failure still points at the written null.
  if (lookup.value === null && (scope.handle as { kind?: unknown } | undefined)?.kind === 'hcl') {
    const verdict = applyOperators(test, test.default, ctx.config);
    if (verdict === true) return { outcome: 'pass', origins: lookup.origins };
    return { outcome: 'fail', range: lookup.range, origins: lookup.origins, lookup, scope, valueText: 'null' };
  }
  const verdict = applyOperators(test, lookup.value, ctx.config);
  if (verdict === true) return { outcome: 'pass', origins: lookup.origins };
  if (verdict === false) {
    return {
      outcome: 'fail',
      range: lookup.range,
      origins: lookup.origins,
      lookup,
      scope,
      valueText: typeof lookup.value === 'string' ? lookup.value : JSON.stringify(lookup.value),
    };
  }
  return { outcome: 'undetermined', range: lookup.range, reason: verdict.undetermined, origins: lookup.origins, lookup, scope };
}

/**
 * All must pass: the first failure decides (the other failures travel along, so each offending
 * place gets its own finding), else the first undetermined, else pass.
 */
export function combineAll(results: Evidence[]): Evidence {
  // One pass to learn the outcome; the lists are built only for the outcome that needs them.
  let open: Evidence | undefined;
  let withOrigins = 0;
  for (const r of results) {
    if (r.outcome === 'fail') return combineFailures(results);
    if (r.outcome === 'undetermined') open ??= r;
    else if (r.origins.length) withOrigins++;
  }
  if (open) return open;
  return { outcome: 'pass', origins: withOrigins === 0 ? [] : results.flatMap((r) => r.origins) };
}

function combineFailures(results: Evidence[]): Evidence {
  let only: Evidence | undefined;
  for (const r of results) {
    if (r.outcome !== 'fail') continue;
    if (only) {
      only = undefined;
      break;
    }
    only = r;
  }
  // The usual case, one failure with nothing riding along, is that failure itself.
  if (only && !only.others?.length) return only;
  const failures = results.filter((r) => r.outcome === 'fail').flatMap((r) => [r, ...(r.others ?? [])]);
  const [first, ...rest] = failures;
  return rest.length ? { ...first, others: rest.map((r) => ({ ...r, others: undefined })) } : { ...first, others: undefined };
}

/**
 * One must pass: else undetermined if any is, else a failure. A failure on a written value is
 * preferred over one about something missing, since that value is what the user has to change;
 * among equals the first alternative (the primary one) wins.
 */
export function combineAny(results: Evidence[], scope: Scope): Evidence {
  const passed = results.find((r) => r.outcome === 'pass');
  if (passed) return passed;
  const open = results.find((r) => r.outcome === 'undetermined');
  if (open) return open;
  const written = results.find((r) => r.lookup?.state === 'known');
  return written ?? results[0] ?? { outcome: 'fail', range: scope.headerRange, origins: [], scope };
}
