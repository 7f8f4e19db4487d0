import assert from 'node:assert/strict';
import { isDevelopmentProfile, isNonProductionFile } from '../../../src/core/rules/predicates/config-scopes';
import { configSubject, failures, pointedText, runPredicate } from './app-config-helpers';

describe('development profiles and files', () => {
  it('recognise profiles that only name development or tests', () => {
    for (const dev of ['dev', 'Development', 'local,test', 'dev & (local)', 'ci']) assert.ok(isDevelopmentProfile(dev), dev);
    for (const prod of [undefined, '', 'prod', 'Production', '!dev', 'prod,dev', 'staging & (dev)', 'devices']) {
      assert.ok(!isDevelopmentProfile(prod), String(prod));
    }
  });

  it('recognise files that only serve development, tests or as examples', () => {
    for (const path of ['/r/src/test/resources/application.yml', '/r/orthanc-integration-tests/orthanc.json', '/r/.env.local', '/r/.env.example', '/r/docker-compose.dev.yml', '/r/application-test.yaml']) {
      assert.ok(isNonProductionFile(path), path);
    }
    for (const path of ['/r/src/main/resources/application.yml', '/r/latest/orthanc.json', '/r/.env', '/r/docker-compose.yml', '/r/appsettings.Production.json']) {
      assert.ok(!isNonProductionFile(path), path);
    }
  });

  it('look for test folders only next to the file or in a test source set, not where the project happens to live', () => {
    for (const path of ['/r/integration-tests/application.yml', '/r/src/integrationTest/resources/config/application.yml', '/r/src/test/resources/db/application.yml']) {
      assert.ok(isNonProductionFile(path), path);
    }
    for (const path of ['/home/ci/tests/checkout/service/src/main/resources/application.yml', '../tests/fixtures/spring/fail/application.yml', '/tests/case/application.yml']) {
      assert.ok(!isNonProductionFile(path), path);
    }
  });
});

describe('config-outside-development', () => {
  const require = { path: 'debug', notEquals: true };

  it('checks the base document and skips documents of development profiles', () => {
    const text = 'spring:\n  application:\n    name: a\ndebug: false\n---\nspring:\n  config:\n    activate:\n      on-profile: dev\ndebug: true\n';
    assert.equal(runPredicate('config-outside-development', configSubject('/p/application.yml', text), { require }).outcome, 'pass');
    const prod = text.replace('on-profile: dev', 'on-profile: prod');
    const evidence = runPredicate('config-outside-development', configSubject('/p/application.yml', prod), { require });
    assert.equal(evidence.outcome, 'fail');
    assert.equal(evidence.range?.start.line, 9);
  });

  it('skips whole files that serve tests', () => {
    const subject = configSubject('/p/src/test/resources/application.yml', 'spring:\n  main:\n    banner-mode: off\ndebug: true\n');
    assert.equal(runPredicate('config-outside-development', subject, { require }).outcome, 'pass');
  });

  it('refuses to run without a nested condition', () => {
    const subject = configSubject('/p/application.yml', 'spring:\n  main:\n    banner-mode: off\n');
    assert.throws(() => runPredicate('config-outside-development', subject, {}), /needs a condition/);
  });
});

describe('config-children', () => {
  const text = [
    'hapi:',
    '  fhir:',
    '    tester:',
    '      home:',
    '        refuse_to_fetch_third_party_urls: false',
    '      global:',
    '        refuse_to_fetch_third_party_urls: true',
    '',
  ].join('\n');

  it('runs the condition inside every child group, with paths relative to it', () => {
    const subject = configSubject('/p/application.yaml', text);
    const evidence = runPredicate('config-children', subject, { path: 'hapi.fhir.tester', require: { path: 'refuse-to-fetch-third-party-urls', notEquals: false } });
    assert.deepEqual(failures(evidence).map((e) => pointedText(text, e)), ['false']);
  });

  it('with match "any" and no condition, passes only when a child exists', () => {
    const subject = configSubject('/p/application.yaml', text);
    assert.equal(runPredicate('config-children', subject, { path: 'hapi.fhir.tester', match: 'any' }).outcome, 'pass');
    assert.equal(runPredicate('config-children', subject, { path: 'hapi.fhir.cors', match: 'any' }).outcome, 'fail');
    assert.equal(runPredicate('config-children', subject, { path: 'hapi.fhir.cors', require: { path: 'x', exists: true } }).outcome, 'pass');
  });
});

describe('config-settings', () => {
  it('fails each written offending value on its own and ignores absent ones without a default', () => {
    const text = '{\n  "DicomAet": "PACS",\n  "DicomAlwaysAllowGet": true,\n  "DicomAlwaysAllowMove": false,\n  "DicomAlwaysAllowFind": true\n}\n';
    const subject = configSubject('/p/orthanc.json', text);
    const evidence = runPredicate('config-settings', subject, { paths: ['DicomAlwaysAllowFind', 'DicomAlwaysAllowGet', 'DicomAlwaysAllowMove', 'DicomAlwaysAllowFindWorklist'], notEquals: true });
    const found = failures(evidence);
    assert.deepEqual(found.map((e) => e.range?.start.line), [4, 2]);
    // Each failure's scope is its own setting, so a fix with path '' edits exactly that value.
    for (const f of found) assert.equal(f.scope?.resolve([''])[0].state, 'known');
  });

  it('reports a missing setting at the file header when the default fails', () => {
    const subject = configSubject('/p/orthanc.json', '{\n  "DicomAet": "PACS"\n}\n');
    const evidence = runPredicate('config-settings', subject, { paths: ['DicomAlwaysAllowStore'], equals: false, default: true });
    assert.equal(evidence.outcome, 'fail');
    assert.equal(evidence.range?.start.line, 0);
  });

  it('is undetermined for values from placeholders', () => {
    const subject = configSubject('/p/application.properties', 'spring.application.name=a\ndebug=${DEBUG}\n');
    assert.equal(runPredicate('config-settings', subject, { paths: ['debug'], notEquals: true }).outcome, 'undetermined');
  });
});

describe('config-profile-overlay', () => {
  it('passes for profile files and fails for base files', () => {
    const overlay = configSubject('/p/application-prod.yml', 'hapi:\n  fhir:\n    cr:\n      enabled: true\n');
    const base = configSubject('/p/application.yml', 'hapi:\n  fhir:\n    cr:\n      enabled: true\n');
    assert.equal(runPredicate('config-profile-overlay', overlay).outcome, 'pass');
    assert.equal(runPredicate('config-profile-overlay', base).outcome, 'fail');
  });
});
