import * as assert from 'node:assert/strict';
import { canonicalKey } from '../../../src/core/appconfig/canonical-key';
import { flattenTree } from '../../../src/core/appconfig/flatten';
import { parseAppConfig } from '../../../src/core/appconfig';
import { hasPlaceholder } from '../../../src/core/appconfig/placeholders';
import { profileFromFileName } from '../../../src/core/appconfig/profiles';
import { parseJsonTree } from '../../../src/core/yaml/parse-json';
import { parseYamlTree } from '../../../src/core/yaml/parse-yaml';
import type { FlatConfig } from '../../../src/core/documents/flat';
import { corpusDir, listFiles, readText, textAt } from './support';

function pairs(config: FlatConfig): Array<[string, unknown]> {
  return config.entries.map((e) => [e.key, e.value]);
}

describe('canonicalKey', () => {
  it('applies Spring relaxed binding to YAML, JSON and .properties keys', () => {
    for (const key of ['server.ssl.key-store', 'server.ssl.keyStore', 'server.ssl.key_store', 'SERVER.SSL.KEYSTORE']) {
      assert.equal(canonicalKey(key, 'properties'), 'server.ssl.keystore', key);
      assert.equal(canonicalKey(key, 'yaml'), 'server.ssl.keystore', key);
    }
    assert.equal(canonicalKey('hosts[0].name', 'properties'), 'hosts.0.name');
    assert.equal(canonicalKey('hosts.0.name', 'yaml'), 'hosts.0.name');
  });

  it('maps environment variable names Spring- and ASP.NET-style', () => {
    assert.equal(canonicalKey('SERVER_SSL_ENABLED', 'env'), 'server.ssl.enabled');
    assert.equal(canonicalKey('SPRING_DATASOURCE_PASSWORD', 'env'), 'spring.datasource.password');
    assert.equal(canonicalKey('MY_LIST_0_NAME', 'env'), 'my.list.0.name');
    assert.equal(canonicalKey('SERVER_SSL_KEYSTORE', 'env'), canonicalKey('server.ssl.key-store', 'properties'));
    assert.equal(canonicalKey('ConnectionStrings__Default', 'env'), 'connectionstrings.default');
    assert.equal(canonicalKey('Logging__LogLevel__Default', 'env'), 'logging.loglevel.default');
    assert.equal(canonicalKey('server.ssl.enabled', 'env'), 'server.ssl.enabled', 'a dotted rule path maps to itself');
  });

  it('treats ASP.NET colons as separators in JSON and env', () => {
    assert.equal(canonicalKey('Kestrel:Endpoints:Https:Url', 'json'), 'kestrel.endpoints.https.url');
    assert.equal(canonicalKey('Kestrel:Endpoints', 'env'), 'kestrel.endpoints');
  });

  it('only lower-cases mosquitto options', () => {
    assert.equal(canonicalKey('Allow_Anonymous', 'mosquitto'), 'allow_anonymous');
  });
});

describe('hasPlaceholder', () => {
  it('recognises ${...}, {{...}} and %X% placeholders', () => {
    assert.equal(hasPlaceholder('${DB_PASSWORD}'), true);
    assert.equal(hasPlaceholder('jdbc:${HOST:localhost}/db'), true);
    assert.equal(hasPlaceholder('{{ .Values.x }}'), true);
    assert.equal(hasPlaceholder('%ProgramData%\\app'), true);
    assert.equal(hasPlaceholder('100%'), false);
    assert.equal(hasPlaceholder('$HOME'), false);
    assert.equal(hasPlaceholder('$HOME', { bareShellVariables: true }), true);
    assert.equal(hasPlaceholder(5), false);
  });
});

describe('flattenTree', () => {
  it('joins nested keys with dots and lists with indices, with ranges', () => {
    const text = 'server:\n  ssl:\n    enabled: true\n  port: 8443\nhosts:\n  - name: a\n  - name: b\n';
    const config = flattenTree(parseYamlTree(text), 'spring-config');
    assert.deepEqual(pairs(config), [
      ['server.ssl.enabled', true],
      ['server.port', 8443],
      ['hosts.0.name', 'a'],
      ['hosts.1.name', 'b'],
    ]);
    const enabled = config.entries[0];
    assert.equal(textAt(text, enabled.keyRange), 'enabled');
    assert.equal(textAt(text, enabled.valueRange), 'true');
    assert.equal(textAt(text, enabled.range), 'enabled: true');
    assert.equal(enabled.canonicalKey, 'server.ssl.enabled');
    assert.equal(config.carrier, 'yaml');
  });

  it('also gives a list of plain values as one comma-joined entry (the .properties form)', () => {
    const config = flattenTree(parseYamlTree('management:\n  endpoints:\n    web:\n      exposure:\n        include: [health, info]\n'), 'spring-config');
    assert.deepEqual(pairs(config), [
      ['management.endpoints.web.exposure.include.0', 'health'],
      ['management.endpoints.web.exposure.include.1', 'info'],
      ['management.endpoints.web.exposure.include', 'health,info'],
    ]);
  });

  it('marks placeholders and Helm templates as templated', () => {
    const yaml = flattenTree(parseYamlTree('a: ${SECRET}\nb: {{ .Values.b }}\nc: plain\n'), 'yaml');
    assert.deepEqual(yaml.entries.map((e) => [e.key, e.templated]), [['a', true], ['b', true], ['c', false]]);
    assert.equal(yaml.entries[1].value, '{{ .Values.b }}');
  });

  it('sets Spring profiles from multi-document activation keys, new and legacy', () => {
    const text = [
      'server.port: 80',
      '---',
      'spring:',
      '  config:',
      '    activate:',
      '      on-profile: prod',
      'server:',
      '  ssl:',
      '    enabled: true',
      '---',
      'spring:',
      '  profiles: [dev, test]',
      'debug: true',
      '',
    ].join('\n');
    const config = flattenTree(parseYamlTree(text), 'spring-config', { path: 'src/main/resources/application.yml' });
    const profileOf = (key: string) => config.entries.find((e) => e.key === key)?.profile;
    assert.equal(profileOf('server.port'), undefined);
    assert.equal(profileOf('server.ssl.enabled'), 'prod');
    assert.equal(profileOf('debug'), 'dev,test');
  });

  it('sets profiles from Spring and ASP.NET file names', () => {
    assert.equal(profileFromFileName('a/application-prod.yml', 'spring-config'), 'prod');
    assert.equal(profileFromFileName('bootstrap-eu-west.properties', 'spring-config'), 'eu-west');
    assert.equal(profileFromFileName('application.yml', 'spring-config'), undefined);
    assert.equal(profileFromFileName('appsettings.Production.json', 'aspnet-config'), 'Production');
    assert.equal(profileFromFileName('appsettings.json', 'aspnet-config'), undefined);
    const json = flattenTree(parseJsonTree('{"Kestrel": {"Endpoints": {"Http": {"Url": "http://*:80"}}}}'), 'aspnet-config', {
      path: 'src/Api/appsettings.Production.json',
    });
    assert.deepEqual(json.entries.map((e) => [e.key, e.canonicalKey, e.profile]), [
      ['Kestrel.Endpoints.Http.Url', 'kestrel.endpoints.http.url', 'Production'],
    ]);
    const both = flattenTree(parseYamlTree('spring.config.activate.on-profile: eu\nx: 1\n'), 'spring-config', { path: 'application-prod.yaml' });
    assert.equal(both.entries[1].profile, 'prod & (eu)');
  });

  it('handles Spring multi-document .properties files (#--- separators)', () => {
    const text = 'a=1\n#---\nspring.config.activate.on-profile=prod\nb=2\n!---\nc=3\n';
    const { config } = parseAppConfig('application.properties', text, 'spring-config');
    assert.deepEqual(config.entries.map((e) => [e.key, e.profile]), [
      ['a', undefined],
      ['spring.config.activate.on-profile', 'prod'],
      ['b', 'prod'],
      ['c', undefined],
    ]);
    const named = parseAppConfig('application-mysql.properties', 'x=1\n', 'spring-config');
    assert.equal(named.config.entries[0].profile, 'mysql');
  });

  it('stops walking alias fan-out at a fixed number of entries', () => {
    const lines = ['a0: &a0 {x: 1, y: 2}'];
    for (let i = 1; i <= 20; i++) lines.push(`a${i}: &a${i} {p: *a${i - 1}, q: *a${i - 1}}`);
    const started = Date.now();
    const config = flattenTree(parseYamlTree(lines.join('\n')), 'yaml', { maxEntries: 5000 });
    assert.equal(config.entries.length, 5000);
    assert.equal(config.errors.length, 1);
    assert.ok(Date.now() - started < 2000);
  });

  it('flattens the corpus application configuration', function () {
    const dir = corpusDir('app-config');
    if (!dir) this.skip();
    const hapi = listFiles(dir, (p) => /hapi-fhir-jpaserver-starter\/src\/main\/resources\/application\.yaml$/.test(p))[0];
    const hapiConfig = parseAppConfig(hapi, readText(hapi), 'hapi-fhir-config').config;
    assert.deepEqual(hapiConfig.errors, []);
    assert.ok(hapiConfig.entries.some((e) => e.canonicalKey.startsWith('hapi.fhir.')));
    assert.ok(hapiConfig.entries.some((e) => e.canonicalKey === 'spring.datasource.url'));
    for (const path of listFiles(dir, (p) => /appsettings[^/]*\.json$/.test(p))) {
      const { config } = parseAppConfig(path, readText(path), 'aspnet-config');
      assert.deepEqual(config.errors, [], path);
      if (/appsettings\.Development\.json$/.test(path)) assert.ok(config.entries.every((e) => e.profile === 'Development'), path);
    }
    const petclinic = listFiles(dir, (p) => /spring-petclinic\/src\/main\/resources\/application-mysql\.properties$/.test(p))[0];
    const mysql = parseAppConfig(petclinic, readText(petclinic), 'spring-config').config;
    const url = mysql.entries.find((e) => e.canonicalKey === 'spring.datasource.url')!;
    assert.equal(url.templated, true);
    assert.equal(url.profile, 'mysql');
  });
});
