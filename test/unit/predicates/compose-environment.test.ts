import assert from 'node:assert/strict';
import { isInterpolated, serviceEnvironment } from '../../../src/core/rules/predicates/compose-environment';
import { composeServices, pointedText, runPredicate } from './app-config-helpers';

const text = [
  'services:',
  '  map:',
  '    image: orthancteam/orthanc:25.2.0',
  '    environment:',
  '      ORTHANC__AUTHENTICATION_ENABLED: "false"',
  '      FROM_SHELL:',
  '      LEVEL: ${LEVEL:-info}',
  '  list:',
  '    image: orthancteam/orthanc:25.2.0',
  '    environment:',
  "      - 'ORTHANC__AUTHENTICATION_ENABLED=False'",
  '      - FROM_SHELL',
  '      - PRICE=$$5',
  '',
].join('\n');

describe('compose environments', () => {
  it('read both forms with the range of each value', () => {
    const services = composeServices(text);
    const map = serviceEnvironment(services.get('map')!);
    assert.deepEqual(map.map((v) => [v.name, v.value, v.interpolated]), [
      ['ORTHANC__AUTHENTICATION_ENABLED', 'false', false],
      ['FROM_SHELL', undefined, false],
      ['LEVEL', '${LEVEL:-info}', true],
    ]);
    const list = serviceEnvironment(services.get('list')!);
    assert.deepEqual(list.map((v) => [v.name, v.value, v.interpolated]), [
      ['ORTHANC__AUTHENTICATION_ENABLED', 'False', false],
      ['FROM_SHELL', undefined, false],
      ['PRICE', '$$5', false],
    ]);
    assert.equal(pointedText(text, { outcome: 'fail', origins: [], range: list[0].range }), 'False');
  });

  it('know compose interpolation and its $$ escape', () => {
    assert.ok(isInterpolated('${A}'));
    assert.ok(isInterpolated('x$A'));
    assert.ok(!isInterpolated('$$A'));
    assert.ok(!isInterpolated('5$'));
  });

  it('test one variable like a value test, with defaults and unknowns', () => {
    const services = composeServices(text);
    const off = { variable: 'ORTHANC__AUTHENTICATION_ENABLED', notEquals: 'false' };
    assert.equal(runPredicate('compose-environment-value', services.get('map')!, off).outcome, 'fail');
    assert.equal(runPredicate('compose-environment-value', services.get('list')!, off).outcome, 'fail');
    assert.equal(runPredicate('compose-environment-value', services.get('map')!, { variable: 'LEVEL', equals: 'info' }).outcome, 'undetermined');
    assert.equal(runPredicate('compose-environment-value', services.get('map')!, { variable: 'FROM_SHELL', equals: 'x' }).outcome, 'undetermined');
    assert.equal(runPredicate('compose-environment-value', services.get('map')!, { variable: 'MISSING', equals: 'x', default: 'x' }).outcome, 'pass');
    assert.equal(runPredicate('compose-environment-value', services.get('map')!, { variable: 'MISSING', equals: 'x' }).outcome, 'fail');
    assert.equal(runPredicate('compose-environment-prefix', services.get('map')!, { prefix: 'ORTHANC__' }).outcome, 'pass');
    assert.equal(runPredicate('compose-environment-prefix', services.get('map')!, { prefix: 'ORTHANC__AUTHORIZATION__' }).outcome, 'fail');
  });

  it('find a variable whatever the case of its name only when asked to', () => {
    const services = composeServices(text);
    const lower = { variable: 'orthanc__authentication_enabled', notEquals: 'false' };
    assert.equal(runPredicate('compose-environment-value', services.get('map')!, lower).outcome, 'pass');
    assert.equal(runPredicate('compose-environment-value', services.get('map')!, { ...lower, ignoreNameCase: true }).outcome, 'fail');
    assert.equal(runPredicate('compose-environment-value', services.get('list')!, { ...lower, ignoreNameCase: true }).outcome, 'fail');
  });
});
