import assert from 'node:assert/strict';
import { applyOperators, isPublicCidr, looselyEqual, parseVersion, regionAllowed } from '../../../src/core/rules/operators';
import { checkRegexSafety, compileSafeRegex, UnsafeRegexError } from '../../../src/core/rules/safe-regex';
import { defaultConfig } from '../../../src/core/config/defaults';

const config = defaultConfig();

describe('value operators', () => {
  it('compare loosely across carriers ("true" equals true, "5" equals 5)', () => {
    assert.ok(looselyEqual('true', true));
    assert.ok(looselyEqual('5', 5));
    assert.ok(!looselyEqual(undefined, false));
    assert.ok(!looselyEqual(null, false));
  });

  it('treat an absent value (undefined) by what each operator means', () => {
    assert.equal(applyOperators({ path: 'x', equals: false }, undefined, config), false);
    assert.equal(applyOperators({ path: 'x', exists: true }, undefined, config), false);
    assert.equal(applyOperators({ path: 'x', exists: false }, undefined, config), true);
    assert.equal(applyOperators({ path: 'x', notEquals: 'open' }, undefined, config), true);
    assert.equal(applyOperators({ path: 'x', notOneOf: ['a'] }, undefined, config), true);
  });

  it('compare numbers against literal and policy bounds', () => {
    assert.equal(applyOperators({ path: 'x', gte: 7 }, 7, config), true);
    assert.equal(applyOperators({ path: 'x', gte: { config: 'minLogRetentionDays' } }, 30, config), false);
    assert.equal(applyOperators({ path: 'x', gte: 7 }, 'seven', config), false);
  });

  it('read TLS versions in every spelling the providers use', () => {
    assert.deepEqual(parseVersion('TLS1_2'), [1, 2]);
    assert.deepEqual(parseVersion('TLSv1.3'), [1, 3]);
    assert.deepEqual(parseVersion('1.0'), [1, 0]);
    assert.equal(applyOperators({ path: 'x', versionGte: { config: 'minTlsVersion' } }, 'TLS1_0', config), false);
    assert.equal(applyOperators({ path: 'x', versionGte: '1.2' }, 'TLS_1_2', config), true);
  });

  it('recognise internet-wide sources', () => {
    for (const open of ['0.0.0.0/0', '::/0', '*', 'Internet']) assert.ok(isPublicCidr(open), open);
    for (const closed of ['10.0.0.0/8', '0.0.0.0/8', '192.168.1.0/24']) assert.ok(!isPublicCidr(closed), closed);
    assert.equal(applyOperators({ path: 'x', notPublicCidr: true }, ['10.0.0.0/8', '0.0.0.0/0'], config), false);
  });

  it('match regions against the EU/EEA preset, ignoring case and spaces and honouring wildcards', () => {
    assert.ok(regionAllowed('West Europe', config.allowedRegions));
    assert.ok(regionAllowed('europe-west4-a', config.allowedRegions));
    assert.ok(regionAllowed('EU', config.allowedRegions));
    assert.ok(!regionAllowed('eu-west-2', config.allowedRegions), 'London is not in the EEA');
    assert.ok(!regionAllowed('us-east-1', config.allowedRegions));
    assert.ok(!regionAllowed('europe-west6', config.allowedRegions), 'Zurich is not in the EEA');
  });

  it('test substrings and list membership with contains', () => {
    assert.equal(applyOperators({ path: 'x', contains: 'ssl' }, 'jdbc:x?ssl=true', config), true);
    assert.equal(applyOperators({ path: 'x', notContains: 'allUsers' }, ['user:a', 'allUsers'], config), false);
  });
});

describe('safe regular expressions', () => {
  it('refuse patterns that can backtrack exponentially', () => {
    assert.ok(checkRegexSafety('(a+)+$'));
    assert.ok(checkRegexSafety('(x*)*y'));
    assert.ok(checkRegexSafety('(\\w+\\s?)+$'));
    assert.ok(checkRegexSafety('(?=a)b'));
    assert.ok(checkRegexSafety('^(a|a?)+$'));
    assert.ok(checkRegexSafety('(a|aa)*b'));
    assert.ok(checkRegexSafety('(a)\\1'));
    assert.throws(() => compileSafeRegex('(a+)+$'), UnsafeRegexError);
  });

  it('accept ordinary patterns', () => {
    for (const ok of ['^arn:aws:iam::\\d{12}:root$', '(^|,)\\s*\\*\\s*(,|$)', '^(TLS)?1[._]?[23]$', '^[a-z0-9-]+$', '(?:ab)+c']) {
      assert.equal(checkRegexSafety(ok), undefined, ok);
    }
  });

  it('a hostile pattern cannot hang matching because it never compiles', () => {
    const started = process.hrtime.bigint();
    assert.throws(() => compileSafeRegex('^(a|a?)+$').test('a'.repeat(40) + '!'));
    assert.ok(process.hrtime.bigint() - started < 1_000_000_000n);
  });
});
