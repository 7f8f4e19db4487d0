import assert from 'node:assert/strict';
import { createEngine } from '../../../src/core/engine/engine';
import { defaultConfig } from '../../../src/core/config/defaults';
import type { EngineConfig } from '../../../src/core/config/types';
import { MemoryHost } from '../helpers/hosts';

async function lint(files: Record<string, string>, config?: EngineConfig, extra: { configDir?: string; trusted?: boolean } = {}) {
  const host = new MemoryHost(new Map(Object.entries(files)));
  const engine = createEngine({ host, config, today: '2026-06-01', ...extra });
  return engine.lint(Object.keys(files).filter((f) => !f.endsWith('.enisa-health-waivers.yaml') && !f.includes('/policies/')));
}

const DB = (extra = '') => `resource "aws_db_instance" "ehr" {\n  engine = "postgres"\n  publicly_accessible = true\n${extra}}\n`;

describe('engine', () => {
  it('lints a Terraform module as a whole and reports findings in the file that holds the value', async () => {
    const result = await lint({
      '/w/main.tf': 'resource "aws_db_instance" "ehr" {\n  storage_encrypted = var.encrypted\n}\n',
      '/w/variables.tf': 'variable "encrypted" {\n  default = false\n}\n',
    });
    const finding = result.findings.find((f) => f.ruleId === 'aws-rds-storage-encrypted');
    assert.ok(finding);
    assert.equal(finding.file, '/w/main.tf');
    assert.equal(finding.range.start.line, 1);
    assert.ok(finding.related.some((r) => r.file === '/w/variables.tf' && r.range.start.line === 1), JSON.stringify(finding.related));
    assert.deepEqual(result.files.map((f) => f.file).sort(), ['/w/main.tf', '/w/variables.tf']);
  });

  it('reports an unknown value as undetermined at information level, with the reason', async () => {
    const result = await lint({ '/w/main.tf': 'variable "p" {}\nresource "aws_db_instance" "ehr" {\n  publicly_accessible = var.p\n}\n' });
    const finding = result.findings.find((f) => f.ruleId === 'aws-rds-not-publicly-accessible');
    assert.ok(finding);
    assert.equal(finding.status, 'undetermined');
    assert.equal(finding.severity, 'info');
    assert.match(finding.reason ?? '', /no default/);
  });

  it('raises the severity of health rules on resources tagged as patient data', async () => {
    const tagged = await lint({ '/w/main.tf': 'resource "aws_kms_key" "k" {\n  tags = { data-classification = "phi" }\n}\n' });
    const plain = await lint({ '/w/main.tf': 'resource "aws_kms_key" "k" {\n}\n' });
    assert.equal(tagged.findings.find((f) => f.ruleId === 'aws-kms-key-rotation-enabled')?.severity, 'error');
    assert.equal(plain.findings.find((f) => f.ruleId === 'aws-kms-key-rotation-enabled')?.severity, 'warning');
  });

  it('honours rule settings from the configuration', async () => {
    const config = defaultConfig();
    config.rules['aws-rds-not-publicly-accessible'] = { enabled: false };
    config.rules['aws-rds-storage-encrypted'] = { severity: 'info' };
    const result = await lint({ '/w/main.tf': DB() }, config);
    assert.ok(!result.findings.some((f) => f.ruleId === 'aws-rds-not-publicly-accessible'));
    assert.equal(result.findings.find((f) => f.ruleId === 'aws-rds-storage-encrypted')?.severity, 'info');
  });

  describe('waivers', () => {
    it('an inline waiver above a resource hides the findings inside it and keeps them as suppressed', async () => {
      const result = await lint({
        '/w/main.tf': `# enisa-health-ignore aws-rds-not-publicly-accessible -- reached only through the hospital VPN gateway expires 2026-12-31\n${DB()}`,
      });
      assert.ok(!result.findings.some((f) => f.ruleId === 'aws-rds-not-publicly-accessible'));
      const hidden = result.suppressed.find((f) => f.ruleId === 'aws-rds-not-publicly-accessible');
      assert.equal(hidden?.waiver?.reason, 'reached only through the hospital VPN gateway');
      assert.equal(hidden?.waiver?.expires, '2026-12-31');
    });

    it('a trailing waiver covers its own line only', async () => {
      const result = await lint({
        '/w/main.tf': 'resource "aws_db_instance" "ehr" {\n  publicly_accessible = true # enisa-health-ignore aws-rds-not-publicly-accessible -- demo database\n}\n',
      });
      assert.equal(result.suppressed.length, 1);
      assert.ok(result.findings.some((f) => f.ruleId === 'aws-rds-storage-encrypted'));
    });

    it('an expired waiver, an unused one and one without a reason are reported', async () => {
      const result = await lint({
        '/w/main.tf': [
          '# enisa-health-ignore aws-rds-not-publicly-accessible -- old exception expires 2026-01-01',
          DB(),
          '# enisa-health-ignore aws-cloudtrail-multi-region -- nothing here',
          'locals {',
          '  a = 1 # enisa-health-ignore aws-rds-storage-encrypted',
          '}',
        ].join('\n'),
      });
      const ids = result.findings.map((f) => f.ruleId);
      assert.ok(ids.includes('aws-rds-not-publicly-accessible'), 'expired waiver no longer hides');
      assert.ok(ids.includes('waiver-expired'));
      assert.ok(ids.includes('waiver-unused'));
      assert.ok(ids.includes('waiver-invalid'));
    });

    it('works in YAML with # comments', async () => {
      const result = await lint({
        '/w/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: x:1\n      securityContext:\n        # enisa-health-ignore k8s-container-not-privileged -- node agent needs device access (SEC-42)\n        privileged: true\n',
      });
      assert.ok(result.suppressed.some((f) => f.ruleId === 'k8s-container-not-privileged'));
      assert.ok(!result.findings.some((f) => f.ruleId === 'k8s-container-not-privileged'));
    });

    it('a waiver file covers JSON files, which have no comments', async () => {
      const result = await lint(
        {
          '/w/orthanc.json': '{ "Name": "PACS", "DicomAet": "PACS", "RemoteAccessAllowed": true, "AuthenticationEnabled": false }',
          '/w/.enisa-health-waivers.yaml': 'waivers:\n  - rule: orthanc-authentication-enabled\n    file: orthanc.json\n    reason: a reverse proxy authenticates every request (SEC-7)\n',
        },
        undefined,
        { configDir: '/w' },
      );
      assert.ok(result.suppressed.some((f) => f.ruleId === 'orthanc-authentication-enabled'), JSON.stringify(result.findings.map((f) => f.ruleId)));
    });

    it('reads the waiver file again when it changes, and never mixes one lint\'s waivers into the next', async () => {
      const waivers = 'waivers:\n  - rule: orthanc-authentication-enabled\n    file: orthanc.json\n    reason: a reverse proxy authenticates every request (SEC-7)\n';
      const files = new Map([
        ['/w/orthanc.json', '{ "Name": "PACS", "RemoteAccessAllowed": true, "AuthenticationEnabled": false }'],
        ['/w/.enisa-health-waivers.yaml', waivers],
        ['/w/main.tf', `# enisa-health-ignore aws-rds-not-publicly-accessible -- reviewed (SEC-9)\n${DB()}`],
      ]);
      const engine = createEngine({ host: new MemoryHost(files), today: '2026-06-01', configDir: '/w' });
      const first = await engine.lint(['/w/orthanc.json', '/w/main.tf']);
      const second = await engine.lint(['/w/orthanc.json', '/w/main.tf']);
      const summary = (r: typeof first) => [...r.findings, ...r.suppressed].map((f) => `${f.ruleId} ${f.file}:${f.range.start.line}`).sort();
      assert.deepEqual(summary(second), summary(first));
      assert.ok(second.suppressed.some((f) => f.ruleId === 'orthanc-authentication-enabled'));
      files.set('/w/.enisa-health-waivers.yaml', 'waivers: []\n');
      const third = await engine.lint(['/w/orthanc.json']);
      assert.ok(third.findings.some((f) => f.ruleId === 'orthanc-authentication-enabled'), 'the edited waiver file no longer hides it');
    });

    it('the waiver policy can forbid waiving a rule', async () => {
      const config = defaultConfig();
      config.waiverPolicy.forbiddenRules = ['aws-rds-not-publicly-accessible'];
      const result = await lint({ '/w/main.tf': `# enisa-health-ignore aws-rds-not-publicly-accessible -- please\n${DB()}` }, config);
      assert.ok(result.findings.some((f) => f.ruleId === 'aws-rds-not-publicly-accessible'));
      assert.ok(result.findings.some((f) => f.ruleId === 'waiver-invalid'));
    });
  });

  describe('bad input', () => {
    it('skips files over the size limit with one information finding', async () => {
      const config = defaultConfig();
      config.maxFileSizeBytes = 100;
      const result = await lint({ '/w/app.yaml': `a: ${'x'.repeat(200)}\n` }, config);
      assert.deepEqual(result.findings.map((f) => [f.ruleId, f.severity]), [['file-skipped', 'info']]);
      assert.match(result.files[0].skipped ?? '', /size limit/);
    });

    it('skips binary files silently but lists them', async () => {
      const host = new MemoryHost(new Map());
      (host as unknown as { readFile: (p: string) => Promise<Uint8Array> }).readFile = async () => new Uint8Array([0x50, 0x4b, 0, 0, 1, 2]);
      const result = await createEngine({ host }).lint(['/w/archive.yaml']);
      assert.equal(result.findings.length, 0);
      assert.equal(result.files[0].skipped, 'binary file');
    });

    it('reports a broken file as one parse error and still checks what it could read', async () => {
      const result = await lint({ '/w/main.tf': `${DB()}\nresource "aws_kms_key" "k" {\n  description = "unclosed\n` });
      const parse = result.findings.filter((f) => f.ruleId === 'parse-error');
      assert.equal(parse.length, 1);
      assert.ok(result.findings.some((f) => f.ruleId === 'aws-rds-not-publicly-accessible'));
    });

    it('an unreadable file is listed and reported, never dropped', async () => {
      const result = await lint({});
      assert.equal(result.files.length, 0);
      const missing = await createEngine({ host: new MemoryHost(new Map()) }).lint(['/w/missing.yaml']);
      assert.equal(missing.files[0].skipped, 'could not be read');
      assert.equal(missing.findings[0].ruleId, 'file-skipped');
    });
  });

  describe('workspace rule folders', () => {
    const rule = [
      'id: app-demo-debug-off',
      'title: Demo rule from a workspace folder',
      'severity: warning',
      'target: app-config',
      'family: app-hardening',
      'select: { types: [spring-config] }',
      'condition: { path: debug, notEquals: true }',
      'message: { what: Debug is on., why: Debug output can contain patient data., fix: Turn debug off. }',
      'remediation: Set debug to false in production.',
      'controls: [EUCS-OPS-21]',
      'noFixReason: Only a demo.',
    ].join('\n');
    const files = { '/w/application.properties': 'debug=true\nserver.port=8080\n', '/w/policies/demo.yaml': rule };

    it('are read in trusted workspaces', async () => {
      const config = defaultConfig();
      config.extraRuleFolders = ['policies'];
      const result = await lint(files, config, { configDir: '/w', trusted: true });
      assert.ok(result.findings.some((f) => f.ruleId === 'app-demo-debug-off'));
    });

    it('are ignored in untrusted workspaces', async () => {
      const config = defaultConfig();
      config.extraRuleFolders = ['policies'];
      const result = await lint(files, config, { configDir: '/w', trusted: false });
      assert.ok(!result.findings.some((f) => f.ruleId === 'app-demo-debug-off'));
    });

    it('a rule with a catastrophic regular expression is refused, not run', async () => {
      const config = defaultConfig();
      config.extraRuleFolders = ['policies'];
      const evil = rule.replace('app-demo-debug-off', 'app-demo-evil-regex').replace('{ path: debug, notEquals: true }', '{ path: server.port, notMatches: "^(a|a?)+$" }');
      const started = Date.now();
      const result = await lint({ ...files, '/w/policies/demo.yaml': evil }, config, { configDir: '/w', trusted: true });
      assert.ok(Date.now() - started < 5000);
      assert.ok(!result.findings.some((f) => f.ruleId === 'app-demo-evil-regex'));
      assert.ok(result.internalErrors.some((e) => /nested quantifiers/.test(e.message)), JSON.stringify(result.internalErrors));
    });
  });
});

describe('engine: what a lint keeps for the next one', () => {
  // Read through the private field on purpose: what is kept is invisible in results, only in memory.
  const keptParses = (engine: unknown) => (engine as { parseCache: { size: number } }).parseCache.size;

  it('a workspace scan keeps no Terraform parse, an editor lint keeps its module\'s, and both find the same', async () => {
    const files = new Map<string, string>();
    for (let i = 0; i < 12; i++) files.set(`/w/m${i}/main.tf`, DB());
    const engine = createEngine({ host: new MemoryHost(files) });
    const scan = await engine.lint([...files.keys()]);
    assert.equal(keptParses(engine), 0);
    const edit = await engine.lint(['/w/m3/main.tf']);
    assert.equal(keptParses(engine), 1);
    const scanned = scan.findings.filter((f) => f.file === '/w/m3/main.tf');
    assert.ok(scanned.length > 0);
    assert.deepEqual(edit.findings, scanned);
  });
});

describe('engine: one finding per literal secret', () => {
  it('keeps the platform rule when the cross-provider secrets rule points at the same value', async () => {
    const host = new MemoryHost(new Map([['/w/main.tf', 'resource "aws_db_instance" "ehr" {\n  password = "S3cr3t-value-ehr"\n}\n']]));
    const result = await createEngine({ host }).lint(['/w/main.tf']);
    const atPassword = result.findings.filter((f) => f.range.start.line === 1 && /secret|password/.test(f.ruleId));
    assert.equal(atPassword.length, 1, JSON.stringify(atPassword.map((f) => f.ruleId)));
    assert.ok(!atPassword[0].ruleId.startsWith('tf-'));
  });
});
