/**
 * Workspace scans on a worker thread: the same result as linting in-process, progress, a
 * cancellation that stops between files, folders walked without following symlink loops, and a
 * main thread that keeps running while a large file is parsed on the worker.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createEngine } from '../../../src/core/engine/engine';
import { defaultConfig } from '../../../src/core/config/defaults';
import { NodeFileHost } from '../../../src/cli/node-host';
import { scanInWorker } from '../../../src/extension/worker-client';
import { placements } from './support';

const POD = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: api\n      image: ehr:1\n      securityContext:\n        privileged: true\n`;

function writeTree(root: string, files: Record<string, string>): string[] {
  return Object.entries(files).map(([name, text]) => {
    const full = join(root, name);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    return full.split('\\').join('/');
  });
}

describe('robustness: the workspace-scan worker', function () {
  this.timeout(120_000);
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'enisa-worker-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('returns what the engine returns in-process, with progress up to the last file', async () => {
    const paths = writeTree(root, {
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
    writeTree(root, { 'k8s/a.yaml': POD('a'), 'k8s/deeper/b.yaml': POD('b') });
    try {
      symlinkSync(root, join(root, 'k8s', 'deeper', 'loop'), 'dir');
    } catch {
      this.skip(); // no symlinks here (Windows without the privilege)
    }
    const result = await scanInWorker([root.split('\\').join('/')], { today: '2026-01-01' });
    const files = result.files.map((f) => f.file).sort();
    assert.equal(files.length, 2, files.join('\n'));
    assert.ok(files.every((f) => !f.includes('/loop/')));
  });

  it('stops between files when cancelled and says so', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1_500; i++) files[`k8s/pod-${i}.yaml`] = POD(`p${i}`);
    const paths = writeTree(root, files);
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
    const paths = writeTree(root, { 'k8s/big.yaml': big });
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

  it('rejects, rather than hangs, when the worker cannot start', async () => {
    await assert.rejects(scanInWorker(['/x'], { workerScript: join(root, 'missing-worker.js') }));
  });
});
