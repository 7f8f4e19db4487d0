/**
 * End to end: `node dist/cli.js` with the real engine on the fixture workspaces and the bundled
 * sample. `scripts/scan.mjs --version` builds dist/cli.js first when it is missing or stale. Runs
 * that only vary the output go through the same CLI code in-process, to keep the suite fast.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { builtinCatalog } from '../../../src/core/catalog';
import { createEngine } from '../../../src/core/engine/engine';
import { runCli } from '../../../src/cli/run-cli';
import { makeTree, removeTree, writeTree } from './cli-harness';
import { assertWellFormed } from '../reports/xml-check';

const REPO = join(__dirname, '../../../..');
const CLI = join(REPO, 'dist/cli.js');
const FIXTURES = join(REPO, 'test/fixtures/cli');
const SAMPLE = join(REPO, 'samples/health-cloud');
const SARIF_SCHEMA = join(REPO, '../shared/schemas/sarif-schema-2.1.0.json');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(cwd: string, ...args: string[]): Run {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The same CLI code with the real engine, without a process per run (the slow part of these tests). */
async function runRealCli(cwd: string, argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    { cwd, env: {}, stdout: { write: (t) => void (stdout += t), isTTY: false }, stderr: { write: (t) => void (stderr += t), isTTY: false } },
    { createEngine, catalog: builtinCatalog },
  );
  return { code, stdout, stderr };
}

interface JsonFinding {
  ruleId: string;
  file: string;
  status: string;
  resource?: string;
  range: { start: { line: number; column: number } };
}

describe('CLI end to end (node dist/cli.js, real engine)', function () {
  this.timeout(120_000);
  let workspace: string;

  before(function () {
    const build = spawnSync(process.execPath, [join(REPO, 'scripts/scan.mjs'), '--version'], { cwd: REPO, encoding: 'utf8' });
    assert.equal(build.status, 0, `building dist/cli.js failed:\n${build.stdout}\n${build.stderr}`);
    assert.ok(existsSync(CLI));
  });

  beforeEach(() => {
    workspace = makeTree({});
    cpSync(join(FIXTURES, 'mixed'), workspace, { recursive: true });
    const anonymousBroker = readFileSync(join(FIXTURES, 'mixed/mqtt/mosquitto.conf'), 'utf8');
    // Each of these would be a finding if the walk did not leave it out.
    writeTree(workspace, { 'ignored/mosquitto.conf': anonymousBroker, 'node_modules/dep/mosquitto.conf': anonymousBroker });
  });
  afterEach(() => removeTree(workspace));

  it('prints the version', () => {
    const run = cli(REPO, '--version');
    assert.equal(run.code, 0);
    assert.equal(run.stdout.trim(), JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version);
  });

  it('exits 0 on a clean workspace', () => {
    const run = cli(join(FIXTURES, 'clean'), 'scan');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /0 findings/);
  });

  it('finds the problems of the mixed workspace and nothing in the files it must leave out', () => {
    const run = cli(workspace, 'scan', '--format', 'json');
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout);
    const paths: string[] = report.files.map((f: { path: string }) => f.path);
    assert.ok(paths.includes('mqtt/mosquitto.conf') && paths.includes('k8s/workloads.yaml') && paths.includes('broken/configmap.yaml'));
    assert.ok(!paths.some((p) => p.startsWith('ignored/') || p.startsWith('node_modules/')), paths.join(', '));
    const findings: JsonFinding[] = report.findings;
    const broker = findings.find((f) => f.ruleId === 'mosquitto-no-anonymous-access');
    assert.ok(broker, 'anonymous broker found');
    assert.equal(broker.file, 'mqtt/mosquitto.conf');
    assert.equal(broker.range.start.line, 3);
    const privileged = findings.filter((f) => f.ruleId === 'k8s-container-not-privileged');
    assert.equal(privileged.length, 1, 'the waived container is not a finding');
    assert.ok(findings.some((f) => f.ruleId === 'parse-error' && f.file === 'broken/configmap.yaml'));
    assert.equal(report.suppressed.filter((f: JsonFinding) => f.ruleId === 'k8s-container-not-privileged').length, 1);
    assert.match(report.suppressed[0].reason, /USB medical devices/);
    assert.equal(report.suppressed[0].expires, '2099-12-31');
    assert.equal(report.summary.findings, findings.length);
  });

  it('writes every format, each well-formed (in-process, same engine)', async () => {
    for (const format of ['text', 'json', 'sarif', 'junit', 'markdown', 'html', 'github']) {
      const run = await runRealCli(workspace, ['scan', '--format', format, '--output', `out/report.${format}`]);
      assert.equal(run.code, 1, `${format}: ${run.stderr}`);
      assert.equal(run.stdout, '');
    }
    const read = (name: string) => readFileSync(join(workspace, 'out', name), 'utf8');
    assert.match(read('report.text'), /mqtt\/mosquitto\.conf\n {2}3:\d+ +error/);
    assertWellFormed(read('report.junit'));
    assertWellFormed(read('report.html'), true);
    assert.match(read('report.markdown'), /## By ENISA health-care use case/);
    assert.match(read('report.github'), /^::error file=mqtt\/mosquitto\.conf,line=3,/m);
    const sarif = JSON.parse(read('report.sarif'));
    const results = sarif.runs[0].results;
    assert.ok(results.some((r: { suppressions?: unknown[] }) => r.suppressions?.length === 1));
    assert.ok(sarif.runs[0].taxonomies.length >= 2, 'controls from several catalog sources');
    if (existsSync(SARIF_SCHEMA)) {
      const ajv = new Ajv({ strict: false });
      ajv.addFormat('uri', (v: string) => /^[a-z][a-z0-9+.-]*:/i.test(v));
      ajv.addFormat('uri-reference', () => true);
      ajv.addFormat('date-time', () => true);
      const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
      assert.equal(validate(sarif), true, JSON.stringify(validate.errors, null, 2));
    }
  });

  it('hides baselined findings but reports a new one in another file', () => {
    assert.equal(cli(workspace, 'scan', '--write-baseline', 'baseline.json', '--quiet').code, 1);
    const quiet = cli(workspace, 'scan', '--baseline', 'baseline.json', '--format', 'json');
    assert.equal(quiet.code, 0, quiet.stderr);
    assert.deepEqual(JSON.parse(quiet.stdout).findings, []);
    cpSync(join(workspace, 'mqtt'), join(workspace, 'mqtt-backup'), { recursive: true });
    const next = cli(workspace, 'scan', '--baseline', 'baseline.json', '--format', 'json');
    assert.equal(next.code, 1);
    const fresh: JsonFinding[] = JSON.parse(next.stdout).findings;
    assert.deepEqual(fresh.map((f) => `${f.ruleId} ${f.file}`), ['mosquitto-no-anonymous-access mqtt-backup/mosquitto.conf']);
  });

  it('exits 2 on an unreadable path or an invalid configuration, still reporting the rest', () => {
    const missing = cli(workspace, 'scan', 'mqtt', 'no-such-dir', '--format', 'json');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read no-such-dir/);
    const report = JSON.parse(missing.stdout);
    assert.ok(report.findings.some((f: JsonFinding) => f.ruleId === 'mosquitto-no-anonymous-access'));
    writeFileSync(join(workspace, '.enisa-health.yaml'), 'rules:\n  mosquitto-no-anonymous-access:\n    severity: fatal\n');
    const config = cli(workspace, 'scan');
    assert.equal(config.code, 2);
    assert.match(config.stderr, /invalid configuration: \.enisa-health\.yaml: .*line 3/);
  });

  it('respects --fail-on and severity settings from the configuration', () => {
    assert.equal(cli(workspace, 'scan', 'mqtt', '--fail-on', 'never').code, 0);
    writeFileSync(join(workspace, '.enisa-health.yaml'), 'rules:\n  mosquitto-no-anonymous-access:\n    severity: warning\n');
    assert.equal(cli(workspace, 'scan', 'mqtt').code, 0);
    assert.equal(cli(workspace, 'scan', 'mqtt', '--fail-on', 'warning').code, 1);
  });

  it('lists rules and controls and explains a rule with its controls', async () => {
    const rules = JSON.parse((await runRealCli(REPO, ['rules', '--format', 'json'])).stdout);
    assert.ok(rules.some((r: { id: string }) => r.id === 'mosquitto-no-anonymous-access'));
    const controls = JSON.parse((await runRealCli(REPO, ['controls', '--format', 'json'])).stdout);
    assert.ok(controls.controls.some((c: { id: string }) => c.id === 'GDPR-32-1-a'));
    assert.match(cli(REPO, 'controls').stdout, /GDPR-32-1-a/);
    const explain = cli(REPO, 'explain', 'mosquitto-no-anonymous-access');
    assert.equal(explain.code, 0);
    assert.match(explain.stdout, /The MQTT broker refuses anonymous clients/);
    assert.match(explain.stdout, /Why: Anyone who can reach the broker/);
    assert.match(explain.stdout, /- EUCS-IAM-07: \S/, 'controls carry their catalog titles');
  });

  it('scans the bundled sample: findings in every area, relative paths, exit 1', function () {
    if (!existsSync(SAMPLE)) this.skip();
    const run = cli(REPO, 'scan', 'samples/health-cloud', '--format', 'json');
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout);
    const files = new Set(report.findings.map((f: JsonFinding) => f.file.split('/').slice(0, 3).join('/')));
    for (const area of ['samples/health-cloud/terraform', 'samples/health-cloud/kubernetes', 'samples/health-cloud/config']) {
      assert.ok(files.has(area), `${area} in ${[...files].join(', ')}`);
    }
  });

  it('npm run scan (scripts/scan.mjs) without arguments exits 0 on the sample', function () {
    if (!existsSync(SAMPLE)) this.skip();
    const run = spawnSync(process.execPath, [join(REPO, 'scripts/scan.mjs')], { cwd: REPO, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /samples\/health-cloud\//);
  });
});
