/**
 * Workspace scans on a worker thread: the same result as linting in-process, progress, a
 * cancellation that stops between files, folders walked without following symlink loops, and a
 * main thread that keeps running while a large file is parsed on the worker.
 */
import assert from 'node:assert/strict';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../../src/core/engine/engine';
import { defaultConfig } from '../../../src/core/config/defaults';
import { loadConfigText } from '../../../src/core/config';
import type { EngineConfig } from '../../../src/core/config/types';
import type { Finding } from '../../../src/core/findings/types';
import { NodeFileHost } from '../../../src/cli/node-host';
import { scanInWorker, WorkerStartError } from '../../../src/extension/worker-client';
import { placements, useScratchFolder, writeTree } from './support';

const POD = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: api\n      image: ehr:1\n      securityContext:\n        privileged: true\n`;

describe('robustness: the workspace-scan worker', function () {
  this.timeout(120_000);
  const scratch = useScratchFolder('enisa-worker-', 'test');

  it('returns what the engine returns in-process, with progress up to the last file', async () => {
    const paths = writeTree(scratch(), {
      'k8s/a.yaml': POD('a'),
      'k8s/b.yaml': POD('b'),
      'infra/main.tf': 'resource "aws_s3_bucket" "records" {\n  bucket = "records"\n  acl    = "public-read"\n}\n',
      'mqtt/mosquitto.conf': 'listener 1883\nallow_anonymous true\n',
    });
    const progress: Array<[number, number]> = [];
    const inWorker = await scanInWorker(paths, { config: defaultConfig(), today: '2026-01-01' }, (done, total) => progress.push([done, total]));
    const inProcess = await createEngine({ host: new NodeFileHost('/'), config: defaultConfig(), today: '2026-01-01' }).lint(paths);
    assert.ok(inWorker.findings.length > 3);
    assert.deepEqual(placements(inWorker.findings), placements(inProcess.findings));
    assert.deepEqual(inWorker.internalErrors, []);
    assert.ok(progress.length > 0);
    assert.deepEqual(progress[progress.length - 1], [paths.length, paths.length]);
  });

  it('walks folders once each, without following a symlink loop', async function () {
    writeTree(scratch(), { 'k8s/a.yaml': POD('a'), 'k8s/deeper/b.yaml': POD('b') });
    try {
      symlinkSync(scratch(), join(scratch(), 'k8s', 'deeper', 'loop'), 'dir');
    } catch {
      this.skip(); // no symlinks here (Windows without the privilege)
    }
    const result = await scanInWorker([scratch()], { today: '2026-01-01' });
    const files = result.files.map((f) => f.file).sort();
    assert.equal(files.length, 2, files.join('\n'));
    assert.ok(files.every((f) => !f.includes('/loop/')));
  });

  it('stops between files when cancelled and says so', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1_500; i++) files[`k8s/pod-${i}.yaml`] = POD(`p${i}`);
    const paths = writeTree(scratch(), files);
    let cancelled = false;
    const token = { get isCancellationRequested() { return cancelled; } };
    const result = await scanInWorker(paths, {}, () => (cancelled = true), token);
    assert.equal(result.cancelled, true);
    assert.ok(result.files.length < paths.length, `${result.files.length} of ${paths.length} files were linted`);
  });

  it('a token cancelled before the start returns at once', async () => {
    const result = await scanInWorker(['/nowhere'], {}, undefined, { isCancellationRequested: true });
    assert.equal(result.cancelled, true);
    assert.deepEqual(result.findings, []);
  });

  it('keeps the main thread free while a large file is parsed on the worker', async () => {
    // About 400 KB of manifests: parsing and checking them blocks whichever thread does it for a while.
    const big = Array.from({ length: 2_000 }, (_, i) => POD(`p${i}`)).join('---\n');
    const paths = writeTree(scratch(), { 'k8s/big.yaml': big });
    let ticks = 0;
    let longestGap = 0;
    let last = Date.now();
    const timer = setInterval(() => {
      const now = Date.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks++;
    }, 10);
    const started = Date.now();
    const result = await scanInWorker(paths, {});
    const elapsed = Date.now() - started;
    clearInterval(timer);
    assert.ok(result.findings.length > 1_000);
    assert.ok(elapsed > 200, `the scan took only ${elapsed} ms, too short to tell`);
    // In-process, the parse would be one gap as long as the scan; on the worker, timers keep firing.
    assert.ok(longestGap < elapsed / 2, `longest pause of the main thread: ${longestGap} ms of ${elapsed} ms`);
    assert.ok(ticks >= 5);
  });

  it('rejects with WorkerStartError, rather than hangs, when the worker cannot start', async () => {
    await assert.rejects(scanInWorker(['/x'], { workerScript: join(scratch(), 'missing-worker.js') }), WorkerStartError);
  });

  it('a worker that fails after starting rejects with a plain error (the caller must not retry in-process)', async () => {
    const script = join(scratch(), 'failing-worker.js');
    writeFileSync(
      script,
      "const { parentPort } = require('node:worker_threads');\n" +
        "parentPort.on('message', (m) => { if (m.type === 'scan') throw new Error('out of luck'); });\n" +
        "parentPort.postMessage({ type: 'ready' });\n",
    );
    const failure = await scanInWorker(['/x'], { workerScript: script }).then(
      () => undefined,
      (error: unknown) => error,
    );
    assert.ok(failure instanceof Error && !(failure instanceof WorkerStartError), String(failure));
    assert.match(failure.message, /out of luck/);
  });
});

/** What must be equal between the worker and in-process: placement, severity and status of each finding. */
function outcomes(findings: Finding[]): string[] {
  return [...placements(findings), ...findings.map((f) => `${f.ruleId} ${f.file} ${f.severity} ${f.status}`).sort()];
}

describe('robustness: the scan worker is configured exactly like the in-process engine', function () {
  this.timeout(120_000);
  const scratch = useScratchFolder('enisa-worker-config-');
  let root: string;
  let paths: string[];
  let config: EngineConfig;
  before(() => {
    root = scratch();
    paths = writeTree(root, {
      'k8s/a.yaml': POD('a'),
      'legacy/old.yaml': POD('old'),
      'mqtt/mosquitto.conf': 'listener 1883\nallow_anonymous true\n',
      'app/application.properties': 'server.port=8080\nspring.application.name=records\n',
    });
    writeTree(root, {
      'policies/name.yaml': [
        'id: spring-test-application-name',
        'title: The application name is not "records"',
        'severity: warning',
        'target: app-config',
        'family: app-hardening',
        'select: { types: [spring-config] }',
        'condition: { path: spring.application.name, notMatches: "^rec" }',
        'message: { what: The name starts with rec., why: A test rule., fix: Rename it. }',
        'remediation: Rename it.',
        'controls: [EUCS-OPS-21]',
        'noFixReason: A test rule.',
      ].join('\n'),
    });
    // As the extension reads it from `.enisa-health.yaml` in the folder (settings go into the same object).
    const loaded = loadConfigText(
      [
        'rules:',
        '  k8s-container-not-privileged: { enabled: false }',
        '  mosquitto-no-anonymous-access: { severity: info }',
        'ignorePaths: ["legacy/**"]',
        'extraRuleFolders: [policies]',
      ].join('\n'),
      '.enisa-health.yaml',
    );
    assert.deepEqual(loaded.errors, []);
    config = loaded.config!;
  });

  async function both(trusted: boolean): Promise<{ inWorker: Finding[]; inProcess: Finding[] }> {
    const options = { config, configDir: root, trusted, today: '2026-01-01' };
    const inWorker = await scanInWorker(paths, options);
    const inProcess = await createEngine({ host: new NodeFileHost('/'), ...options }).lint(paths);
    assert.deepEqual(inWorker.internalErrors, inProcess.internalErrors);
    return { inWorker: inWorker.findings, inProcess: inProcess.findings };
  }

  it('trusted: the config file, rule settings, ignored paths and workspace rules apply in both', async () => {
    const { inWorker, inProcess } = await both(true);
    assert.deepEqual(outcomes(inWorker), outcomes(inProcess));
    const ids = new Set(inWorker.map((f) => f.ruleId));
    assert.ok(ids.has('spring-test-application-name'), 'the workspace rule ran');
    assert.ok(!ids.has('k8s-container-not-privileged'), 'the disabled rule did not run');
    assert.equal(inWorker.find((f) => f.ruleId === 'mosquitto-no-anonymous-access')?.severity, 'info');
    assert.ok(!inWorker.some((f) => f.file.includes('/legacy/')), 'ignored paths are not linted');
  });

  it('untrusted: workspace rule folders are ignored in both', async () => {
    const { inWorker, inProcess } = await both(false);
    assert.deepEqual(outcomes(inWorker), outcomes(inProcess));
    assert.ok(!inWorker.some((f) => f.ruleId === 'spring-test-application-name'));
    assert.ok(inWorker.some((f) => f.ruleId === 'mosquitto-no-anonymous-access'));
  });

  it('an unsaved buffer (overlay) and chosen variable files reach the worker', async () => {
    const tf = writeTree(root, {
      'infra/main.tf': 'variable "acl" {\n  type = string\n}\nresource "aws_s3_bucket_acl" "records" {\n  bucket = "records"\n  acl    = var.acl\n}\n',
      'infra/prod.tfvars': 'acl = "public-read"\n',
    });
    const overlays = new Map([[`${root}/k8s/a.yaml`, POD('a').replace('privileged: true', 'privileged: false')]]);
    const options = { config: defaultConfig(), configDir: root, trusted: true, today: '2026-01-01', overlays, varFiles: [tf[1]] };
    const targets = [...paths, tf[0]];
    const inWorker = await scanInWorker(targets, options);
    const inProcess = await createEngine({ host: new NodeFileHost('/'), ...options }).lint(targets, options);
    assert.deepEqual(outcomes(inWorker.findings), outcomes(inProcess.findings));
    assert.ok(!inWorker.findings.some((f) => f.ruleId === 'k8s-container-not-privileged' && f.file.endsWith('/k8s/a.yaml')), 'the overlay was linted, not the file on disk');
    const withoutVars = await scanInWorker(targets, { ...options, varFiles: undefined });
    assert.notDeepEqual(outcomes(inWorker.findings), outcomes(withoutVars.findings), 'the variable file changed the outcome');
  });
});
