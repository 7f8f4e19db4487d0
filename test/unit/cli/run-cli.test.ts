import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTree, removeTree, runFakeCli, writeTree } from './cli-harness';

describe('CLI commands and exit codes (fake engine)', () => {
  let root: string;
  beforeEach(() => {
    root = makeTree({
      'clean/ok.yaml': 'all good\n',
      'warn/w.yaml': 'x FAIL:warning res.w\n',
      'info/i.yaml': 'x FAIL:info res.i\n',
      'bad/e.yaml': 'ok\nFAIL:error res.e\n',
      'review/r.yaml': 'REVIEW\n',
    });
  });
  afterEach(() => removeTree(root));

  it('prints the version and help with exit 0, and help on stderr with exit 2 without a command', async () => {
    const version = await runFakeCli(root, ['--version']);
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
    const help = await runFakeCli(root, ['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Commands:[\s\S]*scan \[PATH\.\.\.\][\s\S]*explain RULE-ID/);
    const scanHelp = await runFakeCli(root, ['scan', '--help']);
    assert.match(scanHelp.stdout, /--fail-on error\|warning\|info\|never/);
    const none = await runFakeCli(root, []);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /Usage:/);
  });

  it('exits 2 on usage errors with a message', async () => {
    const run = await runFakeCli(root, ['scan', '--format', 'pdf']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--format must be one of/);
    assert.equal(run.stdout, '');
  });

  it('exits 0 on a clean tree and 1 when a finding reaches --fail-on', async () => {
    assert.equal((await runFakeCli(root, ['scan', 'clean'])).code, 0);
    assert.equal((await runFakeCli(root, ['scan', 'bad'])).code, 1);
    assert.equal((await runFakeCli(root, ['scan', 'bad', '--fail-on', 'never'])).code, 0);
    assert.equal((await runFakeCli(root, ['scan', 'warn'])).code, 0, 'default fail-on is error');
    assert.equal((await runFakeCli(root, ['scan', 'warn', '--fail-on', 'warning'])).code, 1);
    assert.equal((await runFakeCli(root, ['scan', 'info', '--fail-on', 'warning'])).code, 0);
    assert.equal((await runFakeCli(root, ['scan', 'info', '--fail-on', 'info'])).code, 1);
    assert.equal((await runFakeCli(root, ['scan', 'review', '--fail-on', 'info'])).code, 0, 'undetermined never fails the build');
  });

  it('scans the working directory by default and hands the engine relative paths', async () => {
    const run = await runFakeCli(root, ['scan', '--format', 'json']);
    assert.equal(run.code, 1);
    assert.deepEqual(run.log.files, ['bad/e.yaml', 'clean/ok.yaml', 'info/i.yaml', 'review/r.yaml', 'warn/w.yaml']);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.files.map((f: { path: string }) => f.path), run.log.files);
    assert.deepEqual(report.findings[0].range, { start: { line: 2, column: 1 }, end: { line: 2, column: 5 } });
  });

  it('lists unreadable paths in the report and exits 2', async () => {
    const run = await runFakeCli(root, ['scan', 'clean', 'missing-dir', '--format', 'json']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot read missing-dir: no such file or directory/);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.files.find((f: { path: string }) => f.path === 'missing-dir'), {
      path: 'missing-dir',
      kind: 'unknown',
      parseErrors: 0,
      skipped: 'could not be read: no such file or directory',
    });
    assert.ok(report.files.some((f: { path: string }) => f.path === 'clean/ok.yaml'), 'the rest is still reported');
  });

  it('exits 2 on an internal rule error and names the rule and file', async () => {
    writeTree(root, { 'crash/c.yaml': 'CRASH\n' });
    const run = await runFakeCli(root, ['scan', 'crash', 'clean']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /internal error in rule fake-rule on crash\/c\.yaml: marker made it crash/);
    assert.match(run.stdout, /Internal rule errors/);
  });

  it('exits 2 on an invalid configuration, naming file, line and problem', async () => {
    writeTree(root, { 'clean/.enisa-health.yaml': 'rules:\n  x: [\n' });
    const run = await runFakeCli(root, ['scan', 'clean']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /invalid configuration: clean\/\.enisa-health\.yaml: .*\(line \d+, column \d+\)/);
    const missing = await runFakeCli(root, ['scan', 'clean', '--config', 'nope.yaml']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--config nope\.yaml: no such file or directory/);
  });

  it('finds the nearest config above the first path and passes it to the engine', async () => {
    writeTree(root, { '.enisa-health.yaml': 'ignorePaths:\n  - "warn/**"\n' });
    const run = await runFakeCli(join(root, 'clean'), ['scan', '..', '--format', 'json']);
    assert.equal(run.log.options?.configDir, '..');
    assert.deepEqual(run.log.options?.config?.ignorePaths, ['warn/**']);
    assert.ok(!run.log.files?.includes('../warn/w.yaml'), 'ignorePaths are not walked');
  });

  it('passes --var-file relative to the working directory and rejects a missing one', async () => {
    writeTree(root, { 'env/prod.tfvars': 'x = 1\n' });
    const run = await runFakeCli(root, ['scan', 'clean', '--var-file', 'env/prod.tfvars']);
    assert.deepEqual(run.log.lintOptions?.varFiles, ['env/prod.tfvars']);
    const missing = await runFakeCli(root, ['scan', 'clean', '--var-file', 'env/none.tfvars']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--var-file env\/none\.tfvars: no such file or directory/);
  });

  it('asks the engine for quick fixes only for the reports that show them (JSON, SARIF)', async () => {
    for (const [format, fixes] of [['text', false], ['junit', false], ['markdown', false], ['html', false], ['github', false], ['csv', false], ['json', true], ['sarif', true]] as const) {
      const run = await runFakeCli(root, ['scan', 'bad', '--format', format]);
      assert.equal(run.log.lintOptions?.fixes, fixes, format);
    }
  });

  it('writes the report to --output and keeps stdout empty', async () => {
    const run = await runFakeCli(root, ['scan', 'bad', '--format', 'sarif', '--output', 'reports/out.sarif']);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    const sarif = JSON.parse(readFileSync(join(root, 'reports/out.sarif'), 'utf8'));
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'bad/e.yaml');
    assert.match(run.stderr, /wrote the sarif report to reports\/out\.sarif/);
  });

  it('reports only findings missing from the baseline; a new one in another file still fails', async () => {
    const first = await runFakeCli(root, ['scan', '--write-baseline', 'baseline.json', '--format', 'json']);
    assert.equal(first.code, 1);
    assert.ok(existsSync(join(root, 'baseline.json')));
    const clean = await runFakeCli(root, ['scan', '--baseline', 'baseline.json', '--format', 'json']);
    assert.equal(clean.code, 0);
    assert.deepEqual(JSON.parse(clean.stdout).findings, []);
    // The same rule and resource in a new file: not hidden by the old one.
    writeTree(root, { 'new/e.yaml': 'FAIL:error res.e\n' });
    const next = await runFakeCli(root, ['scan', '--baseline', 'baseline.json', '--format', 'json']);
    assert.equal(next.code, 1);
    assert.deepEqual(JSON.parse(next.stdout).findings.map((f: { file: string }) => f.file), ['new/e.yaml']);
    const text = await runFakeCli(root, ['scan', '--baseline', 'baseline.json', '--no-color']);
    assert.match(text.stdout, /4 in baseline/);
    const broken = await runFakeCli(root, ['scan', '--baseline', 'clean/ok.yaml']);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /--baseline clean\/ok\.yaml: not valid JSON/);
  });

  it('colours text on a TTY unless NO_COLOR or --no-color, and shows progress only on a TTY', async () => {
    const tty = await runFakeCli(root, ['scan', 'bad'], {}, true);
    assert.match(tty.stdout, /\u001b\[/);
    assert.match(tty.stderr, /enisa-health-lint 1\/1 files/);
    assert.doesNotMatch((await runFakeCli(root, ['scan', 'bad'], { NO_COLOR: '1' }, true)).stdout, /\u001b\[/);
    assert.doesNotMatch((await runFakeCli(root, ['scan', 'bad', '--no-color'], {}, true)).stdout, /\u001b\[/);
    const piped = await runFakeCli(root, ['scan', 'bad']);
    assert.doesNotMatch(piped.stdout, /\u001b\[/);
    assert.equal(piped.stderr, '');
    assert.equal((await runFakeCli(root, ['scan', 'bad', '--quiet'], {}, true)).stderr, '', '--quiet: no progress');
  });

  it('lists rules and explains one; an unknown rule is a usage error', async () => {
    const rules = await runFakeCli(root, ['rules']);
    assert.match(rules.stdout, /fake-rule\s+error\s+app-config\s+no\s+Fake rule for CLI tests/);
    const json = JSON.parse((await runFakeCli(root, ['rules', '--format', 'json'])).stdout);
    assert.equal(json[0].id, 'fake-rule');
    const explain = await runFakeCli(root, ['explain', 'fake-rule']);
    assert.equal(explain.code, 0);
    assert.match(explain.stdout, /^Fake rule for CLI tests\n=+\n/);
    assert.match(explain.stdout, /What: Marker <resource> found\.\nWhy: Tests need it\.\nFix: Remove the marker\./);
    assert.match(explain.stdout, /Quick fix: no \(only a test\)/);
    assert.match(explain.stdout, /- EUCS-CKM-02/);
    const unknown = await runFakeCli(root, ['explain', 'fake']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown rule "fake" \(did you mean fake-rule\?\)/);
  });
});
