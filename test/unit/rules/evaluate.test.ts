import assert from 'node:assert/strict';
import { evaluateCondition, type EvalContext } from '../../../src/core/rules/evaluate';
import { defaultConfig } from '../../../src/core/config/defaults';
import type { Lookup, Scope, Subject } from '../../../src/core/subjects/types';
import type { Condition } from '../../../src/core/rules/condition-types';

const pos = (offset: number) => ({ offset, line: 0, column: offset });
const header = { start: pos(0), end: pos(8) };

/** A subject over a plain object, where `?` marks a value that is not known. */
function subjectOf(values: Record<string, unknown>): Subject {
  const scope: Subject = {
    target: 'terraform',
    type: 'test_resource',
    name: 'test_resource.x',
    file: 'main.tf',
    tags: {},
    headerRange: header,
    handle: undefined,
    resolve(path: string[]): Lookup[] {
      const key = path.join('.');
      if (!(key in values)) return [{ state: 'absent', anchor: header, scope, path }];
      const value = values[key];
      if (value === '?') return [{ state: 'unknown', reason: 'var.x has no value', range: { start: pos(10), end: pos(15) }, origins: [] }];
      return [{ state: 'known', value, range: { start: pos(10), end: pos(15) }, origins: [] }];
    },
    items: () => [],
  };
  return scope;
}

function outcome(condition: Condition, values: Record<string, unknown>): string {
  const subject = subjectOf(values);
  const ctx: EvalContext = { config: defaultConfig(), subject, related: () => [] };
  return evaluateCondition(condition, subject as Scope, ctx).outcome;
}

describe('condition evaluation', () => {
  it('applies the platform default when the value is absent', () => {
    assert.equal(outcome({ path: 'a', equals: false, default: false }, {}), 'pass');
    assert.equal(outcome({ path: 'a', equals: true, default: false }, {}), 'fail');
    assert.equal(outcome({ path: 'a', equals: true, default: false }, { a: true }), 'pass');
  });

  it('is undetermined, never failing, when the value is unknown', () => {
    assert.equal(outcome({ path: 'a', equals: true }, { a: '?' }), 'undetermined');
    assert.equal(outcome({ path: 'a', exists: true }, { a: '?' }), 'pass', 'a written but unknown value exists');
  });

  it('combines three-valued outcomes', () => {
    assert.equal(outcome({ all: [{ path: 'a', equals: 1 }, { path: 'b', equals: 1 }] }, { a: 1, b: '?' }), 'undetermined');
    assert.equal(outcome({ all: [{ path: 'a', equals: 1 }, { path: 'b', equals: 1 }] }, { a: 2, b: '?' }), 'fail');
    assert.equal(outcome({ any: [{ path: 'a', equals: 1 }, { path: 'b', equals: 1 }] }, { a: 2, b: '?' }), 'undetermined');
    assert.equal(outcome({ any: [{ path: 'a', equals: 1 }, { path: 'b', equals: 1 }] }, { a: 1, b: '?' }), 'pass');
    assert.equal(outcome({ not: { path: 'a', equals: 1 } }, { a: 1 }), 'fail');
    assert.equal(outcome({ not: { path: 'a', equals: 1 } }, { a: '?' }), 'undetermined');
  });

  it('points a failure at the written value, or at the header when something is missing', () => {
    const subject = subjectOf({ a: 'x' });
    const ctx: EvalContext = { config: defaultConfig(), subject, related: () => [] };
    assert.equal(evaluateCondition({ path: 'a', equals: 'y' }, subject, ctx).range?.start.offset, 10);
    assert.equal(evaluateCondition({ path: 'b', exists: true }, subject, ctx).range?.start.offset, 0);
  });
});
