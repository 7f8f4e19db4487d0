import assert from 'node:assert/strict';
import { loadConfigText, defaultConfig } from '../../../src/core/config';

describe('.enisa-health.yaml', () => {
  it('an empty file gives the defaults', () => {
    const loaded = loadConfigText('', '.enisa-health.yaml');
    assert.deepEqual(loaded.errors, []);
    assert.deepEqual(loaded.config, defaultConfig());
  });

  it('reads every setting', () => {
    const loaded = loadConfigText(
      [
        'rules:',
        '  aws-kms-key-rotation-enabled: off',
        '  aws-cloudtrail-multi-region: error',
        '  k8s-container-not-privileged: { severity: warning }',
        'regions:',
        '  preset: eu-eea',
        '  allow: [eu-west-2]',
        'requiredTags: [owner, data-classification]',
        'dataClassification:',
        '  tagNames: [classification]',
        '  healthValues: [phi]',
        'ignorePaths: ["vendor/**", "*.generated.tf"]',
        'waivers:',
        '  forbidden: [aws-s3-bucket-public-access-blocked]',
        '  maxDays: 90',
        '  requireExpiry: true',
        'extraRuleFolders: [policies/rules]',
        'maxFileSizeKB: 1024',
        'policy:',
        '  minLogRetentionDays: 180',
        '  minBackupRetentionDays: 14',
        '  minTlsVersion: "1.3"',
      ].join('\n'),
      'x.yaml',
    );
    assert.deepEqual(loaded.errors, []);
    const c = loaded.config!;
    assert.equal(c.rules['aws-kms-key-rotation-enabled'].enabled, false);
    assert.equal(c.rules['aws-cloudtrail-multi-region'].severity, 'error');
    assert.equal(c.rules['k8s-container-not-privileged'].severity, 'warning');
    assert.ok(c.allowedRegions.includes('eu-west-2') && c.allowedRegions.includes('eu-central-1'));
    assert.deepEqual(c.requiredTags, ['owner', 'data-classification']);
    assert.deepEqual(c.dataClassification, { tagNames: ['classification'], healthValues: ['phi'] });
    assert.deepEqual(c.waiverPolicy, { forbiddenRules: ['aws-s3-bucket-public-access-blocked'], maxDays: 90, requireExpiry: true });
    assert.equal(c.maxFileSizeBytes, 1024 * 1024);
    assert.equal(c.minTlsVersion, '1.3');
    assert.equal(c.minBackupRetentionDays, 14);
  });

  it('reports problems with their line and column and no config', () => {
    const loaded = loadConfigText('rules:\n  a-b-c: maybe\npolicy:\n  minTlsVersion: 1.1\nunknown: 1\n', 'c.yaml');
    assert.equal(loaded.config, undefined);
    assert.deepEqual(
      loaded.errors.map((e) => [e.line, e.column]),
      [
        [2, 10],
        [4, 18],
        [5, 1],
      ],
    );
    assert.match(loaded.errors[0].message, /rule "a-b-c": expected off, on, error, warning or info/);
    assert.match(loaded.errors[2].message, /unknown setting "unknown"/);
  });

  it('never throws on broken YAML', () => {
    for (const text of ['rules: [', ': : :', '\u0000\u0001', 'a: *nope', '- 1\n- 2']) {
      const loaded = loadConfigText(text, 'broken.yaml');
      assert.ok(loaded.errors.length > 0 || loaded.config, text);
    }
  });
});
