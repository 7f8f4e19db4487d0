import assert from 'node:assert/strict';
import { embeddedPassword, isLiteralSecret, isSecretName, isWeakCredential } from '../../../src/core/rules/predicates/secret-values';
import { composeServices, configSubject, failures, pointedText, runPredicate } from './app-config-helpers';

describe('secret names and values', () => {
  it('decide names by their last word', () => {
    for (const name of ['spring.datasource.password', 'DB_PASSWORD', 'clientSecret', 'ApiKey', 'jwt.signing-key', 'AWS_SECRET_ACCESS_KEY', 'keyStorePassword', 'GITHUB_TOKEN', 'MEDDREAM_TOKEN_PWD']) {
      assert.ok(isSecretName(name), name);
    }
    for (const name of ['password-file', 'POSTGRES_PASSWORD_FILE', 'token-uri', 'secret-name', 'PWD', 'passwordEncoder', 'AWS_ACCESS_KEY_ID', 'cache-key', 'token.validity-seconds']) {
      assert.ok(!isSecretName(name), name);
    }
  });

  it('count weak defaults as secrets and stand-ins or references as none', () => {
    for (const value of ['changeme', 'changeit', 'hunter22', 123456]) assert.ok(isLiteralSecret(value), String(value));
    for (const value of ['', '  ', 'true', null, '<your-password>', 'xxxx', '****', 'your_token_here', 'yourpassword', 'REPLACE_WITH_TOKEN', 'api-key-goes-here', 'ENC(abc)', '{cipher}abc', '@Microsoft.KeyVault(SecretUri=x)', '/run/secrets/db', '${DB_PASSWORD}', '{{ .Values.pw }}', '%DB_PW%', 'vault://kv/db']) {
      assert.ok(!isLiteralSecret(value), String(value));
    }
  });

  it('find literal passwords inside connection strings and URLs', () => {
    assert.ok(embeddedPassword('Server=x;User ID=a;Password=Winter2025!;'));
    assert.ok(embeddedPassword('postgres://app:s3cret@db/ehr'));
    assert.ok(embeddedPassword('jdbc:mysql://db/ehr?user=a&password=s3cret'));
    assert.equal(embeddedPassword('Server=x;Password=${SQL_PASSWORD}'), undefined);
    assert.equal(embeddedPassword('https://fhir.example.eu/fhir'), undefined);
  });

  it('call a password weak when it is the user name, empty or a known default', () => {
    assert.ok(isWeakCredential('demo', 'demo'));
    assert.ok(isWeakCredential('alice', 'alicePassword'));
    assert.ok(isWeakCredential('Viewer', 'viewer'));
    assert.ok(!isWeakCredential('radiology', 'Xc4-Tq9-Lm2'));
  });
});

describe('config-no-literal-secrets', () => {
  it('names the setting, never the secret', () => {
    const text = 'spring:\n  datasource:\n    password: hunter22\n    url: jdbc:postgresql://db/x?user=a&password=${PW}\n';
    const evidence = runPredicate('config-no-literal-secrets', configSubject('/p/application.yml', text));
    assert.deepEqual(failures(evidence).map((e) => e.valueText), ['spring.datasource.password']);
    assert.equal(pointedText(text, evidence), 'hunter22');
  });

  it('reports strong literal Orthanc passwords and leaves weak ones to the credentials rule', () => {
    const text = '{\n  "RegisteredUsers": { "demo": "demo", "radiology": "Xc4-Tq9-Lm2" }\n}\n';
    const evidence = runPredicate('config-no-literal-secrets', configSubject('/p/orthanc.json', text));
    assert.deepEqual(failures(evidence).map((e) => pointedText(text, e)), ['"Xc4-Tq9-Lm2"']);
    const weak = runPredicate('orthanc-no-default-credentials', configSubject('/p/orthanc.json', text));
    assert.deepEqual(failures(weak).map((e) => pointedText(text, e)), ['"demo"']);
  });

  it('finds private keys under any name', () => {
    const text = 'spring:\n  main:\n    banner-mode: off\napp:\n  tls: |\n    -----BEGIN EC PRIVATE KEY-----\n    MHcCAQEE\n    -----END EC PRIVATE KEY-----\n';
    assert.equal(runPredicate('config-no-literal-secrets', configSubject('/p/application.yml', text)).valueText, 'a private key in app.tls');
  });
});

describe('compose-no-literal-secrets', () => {
  const text = [
    'services:',
    '  db:',
    '    image: postgres:16.4',
    '    environment:',
    '      - POSTGRES_PASSWORD=hunter22',
    '      - POSTGRES_USER=app',
    '      - "API_TOKEN=abc123def"',
    '      - POSTGRES_PASSWORD_FILE=/run/secrets/pw',
    '  pacs:',
    '    image: orthancteam/orthanc:25.2.0',
    '    environment:',
    '      ORTHANC__REGISTERED_USERS: \'{"demo": "demo"}\'',
    '      ORTHANC__POSTGRESQL__PASSWORD_SECRET: pg_pw',
    '      ORTHANC__POSTGRESQL__PASSWORD: pg-password',
    '    secrets: [pg_pw]',
    '',
  ].join('\n');

  it('points at the value in list and map form and accepts secret references', () => {
    const services = composeServices(text);
    const db = runPredicate('compose-no-literal-secrets', services.get('db')!);
    assert.deepEqual(failures(db).map((e) => pointedText(text, e)), ['hunter22', 'abc123def']);
    const pacs = runPredicate('compose-no-literal-secrets', services.get('pacs')!);
    assert.deepEqual(failures(pacs).map((e) => e.valueText), ['the password of Orthanc user "demo" in ORTHANC__REGISTERED_USERS', 'ORTHANC__POSTGRESQL__PASSWORD']);
  });
});
