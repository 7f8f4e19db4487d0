import assert from 'node:assert/strict';
import {
  hasConnectionStringSecret,
  hasUrlCredentials,
  isFillInPlaceholder,
  isLiteralSecretValue,
  looksLikeSecretName,
  nameWords,
  secretLiteralReason,
} from '../../../src/core/rules/predicates/k8s-secret-names';
import { covered, run, subjectOf } from './k8s-helpers';

describe('k8s secret names and values', () => {
  it('splits names in every spelling into words', () => {
    assert.deepEqual(nameWords('dbPassword'), ['DB', 'PASSWORD']);
    assert.deepEqual(nameWords('spring.datasource.password'), ['SPRING', 'DATASOURCE', 'PASSWORD']);
    assert.deepEqual(nameWords('APIKey'), ['API', 'KEY']);
    assert.deepEqual(nameWords('client-secret'), ['CLIENT', 'SECRET']);
  });

  it('recognises secret names', () => {
    for (const name of ['DB_PASSWORD', 'POSTGRES_PASSWORD', 'dbPass', 'SMTP_PWD', 'CLIENT_SECRET', 'GITHUB_TOKEN', 'APITOKEN', 'STRIPE_KEY', 'encryptionKey', 'AWS_SECRET_ACCESS_KEY', 'API_KEY', 'MYSQLPASSWORD']) {
      assert.ok(looksLikeSecretName(name), name);
    }
  });

  it('leaves names that describe, configure or merely mention a secret', () => {
    for (const name of ['PASSWORD_FILE', 'DB_PASSWORD_PATH', 'SECRET_NAME', 'TOKEN_TTL', 'AWS_ACCESS_KEY_ID', 'PUBLIC_KEY', 'CACHE_KEY', 'PARTITION_KEY', 'PASSWORD_MIN_LENGTH', 'PWD', 'KEYCLOAK_URL', 'SECRETARY_EMAIL', 'BYPASS_AUTH', 'OAUTH_TOKEN_URL']) {
      assert.ok(!looksLikeSecretName(name), name);
    }
  });

  it('tells literal values from references, flags, paths and placeholders', () => {
    for (const value of ['hunter2', '123456', 'c2VjcmV0']) assert.ok(isLiteralSecretValue(value), value);
    for (const value of ['', '  ', 'true', 'off', '$(DB_PASSWORD)', '${DB_PASSWORD}', '{{ .Values.pw }}', '/run/secrets/db', 'https://vault.example.eu', 'vault:secret/data/db#pw', 'ENC[AES256_GCM,data:x]']) {
      assert.ok(!isLiteralSecretValue(value), JSON.stringify(value));
    }
    assert.ok(isFillInPlaceholder('API_KEY', '<your-api-key>'));
    assert.ok(isFillInPlaceholder('GOOGLE_API_KEY', 'GOOGLE_API_KEY_VAL'));
    assert.ok(isFillInPlaceholder('TOKEN', 'INSERT_TOKEN_HERE'));
    assert.ok(isFillInPlaceholder('DB_PASSWORD', 'yourpassword'));
    assert.ok(isFillInPlaceholder('API_TOKEN', 'token_goes_here'));
    assert.ok(!isFillInPlaceholder('DB_PASSWORD', 'changeme'));
    assert.ok(!isFillInPlaceholder('DB_PASSWORD', 'Sunny-Th3re'));
  });

  it('finds passwords in URLs and connection strings under any name', () => {
    assert.ok(hasUrlCredentials('postgres://ehr:s3cret@db:5432/ehr'));
    assert.ok(hasUrlCredentials('redis://:pw@cache:6379'));
    assert.ok(!hasUrlCredentials('postgres://ehr@db:5432/ehr'));
    assert.ok(!hasUrlCredentials('postgres://ehr:${DB_PASSWORD}@db/ehr'));
    assert.ok(hasConnectionStringSecret('Server=db;User Id=app;Password=Pa55;'));
    assert.ok(hasConnectionStringSecret('DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc==;'));
    assert.ok(!hasConnectionStringSecret('Server=db;Password=;'));
    assert.equal(secretLiteralReason('DATABASE_URL', 'mysql://root:pw@db/app'), 'DATABASE_URL, a URL with a password');
    assert.equal(secretLiteralReason('LOG_LEVEL', 'debug'), undefined);
  });
});

describe('predicate k8s-env-no-secret-literal', () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: x:1
      env:
        - name: DB_PASSWORD
          value: pw1
        - name: DB_PASSWORD_FROM_SECRET
          valueFrom:
            secretKeyRef: { name: db, key: password }
        - name: TEMPLATED_TOKEN
          value: "{{ .Values.token }}"
        - name: LOG_LEVEL
          value: info
`;

  it('reports each literal secret at its value, ignoring references and templated values', () => {
    const evidence = run('k8s-env-no-secret-literal', subjectOf(yaml, 'container'));
    assert.equal(evidence.outcome, 'fail');
    assert.deepEqual(covered(yaml, evidence), ['pw1']);
    assert.equal(evidence.valueText, 'DB_PASSWORD');
  });
});

describe('predicate k8s-configmap-no-secret-literal', () => {
  it('reads embedded configuration files line by line, with exact ranges', () => {
    const yaml = `apiVersion: v1
kind: ConfigMap
metadata:
  name: c
data:
  app.env: |
    export DB_PASSWORD='from-env'
    DB_HOST=db
  application.yml: |
    spring:
      datasource:
        password: "yaml-secret" # a comment
  settings.properties: |
    token=abc#def
`;
    const evidence = run('k8s-configmap-no-secret-literal', subjectOf(yaml, 'object'));
    assert.deepEqual(covered(yaml, evidence), ['from-env', 'yaml-secret', 'abc#def']);
  });

  it('passes ConfigMaps without data or with placeholders only', () => {
    const yaml = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  DB_PASSWORD: \${DB_PASSWORD}\n`;
    assert.equal(run('k8s-configmap-no-secret-literal', subjectOf(yaml, 'object')).outcome, 'pass');
    assert.equal(run('k8s-configmap-no-secret-literal', subjectOf('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n', 'object')).outcome, 'pass');
  });
});

describe('predicate k8s-secret-manifest-no-data', () => {
  it('reports every value of data and stringData, and nothing in SOPS files', () => {
    const plain = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  a: YQ==\n  empty: ""\nstringData:\n  b: clear\n`;
    assert.deepEqual(covered(plain, run('k8s-secret-manifest-no-data', subjectOf(plain, 'object'))), ['YQ==', 'clear']);
    const sops = `${plain}sops:\n  version: 3.9.0\n`;
    assert.equal(run('k8s-secret-manifest-no-data', subjectOf(sops, 'object')).outcome, 'pass');
  });

  it('leaves the locating entries of a service binding Secret alone, and only those', () => {
    const entries = 'stringData:\n  type: mysql\n  host: db\n  port: "3306"\n  password: pw\n';
    const binding = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ntype: servicebinding.io/mysql\n${entries}`;
    assert.deepEqual(covered(binding, run('k8s-secret-manifest-no-data', subjectOf(binding, 'object'))), ['pw']);
    const opaque = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ntype: Opaque\n${entries}`;
    assert.deepEqual(covered(opaque, run('k8s-secret-manifest-no-data', subjectOf(opaque, 'object'))), ['mysql', 'db', '"3306"', 'pw']);
  });
});
