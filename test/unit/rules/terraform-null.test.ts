import assert from 'node:assert/strict';
import { evaluateCondition, type EvalContext } from '../../../src/core/rules/evaluate';
import { defaultConfig } from '../../../src/core/config/defaults';
import type { Lookup, Subject } from '../../../src/core/subjects/types';
import type { Condition } from '../../../src/core/rules/condition-types';

const pos = (offset: number) => ({ offset, line: 0, column: offset });
const header = { start: pos(0), end: pos(8) };
const written = { start: pos(10), end: pos(14) };

/** A subject whose `value` argument is written as `null`, in Terraform or in another syntax. */
function subjectWithNull(kind: string): Subject {
  const subject: Subject = {
    target: kind === 'hcl' ? 'terraform' : 'kubernetes',
    type: 'test_resource',
    name: 'test_resource.x',
    file: 'main.tf',
    tags: {},
    headerRange: header,
    handle: { kind },
    resolve(path: string[]): Lookup[] {
      if (path.join('.') !== 'value') return [{ state: 'absent', anchor: header, scope: subject, path }];
      return [{ state: 'known', value: null, range: written, origins: [] }];
    },
    items: () => [],
  };
  return subject;
}

function evaluate(condition: Condition, kind: string) {
  const subject = subjectWithNull(kind);
  const ctx: EvalContext = { config: defaultConfig(), subject, related: () => [] };
  return evaluateCondition(condition, subject, ctx);
}

describe('Terraform arguments set to null', () => {
  it('take the provider default, like an absent argument', () => {
    assert.equal(evaluate({ path: 'value', equals: false, default: false }, 'hcl').outcome, 'pass');
    assert.equal(evaluate({ path: 'value', equals: true, default: false }, 'hcl').outcome, 'fail');
  });

  it('do not count as set for exists', () => {
    const result = evaluate({ path: 'value', exists: true }, 'hcl');
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(result.range, written, 'the finding points at the written null');
  });

  it('stay plain values in other syntaxes', () => {
    assert.equal(evaluate({ path: 'value', exists: true }, 'tree').outcome, 'pass');
  });
});
