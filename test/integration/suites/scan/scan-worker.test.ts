/**
 * Scan Workspace on the worker thread: it runs there (not on the extension host), finds exactly
 * what the folder's in-process engine finds under the same settings, `.enisa-health.yaml`,
 * workspace rules and unsaved buffers, and a cancellation stops it between files.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Finding } from '../../../../src/core/findings/types';
import { WorkspaceScanner, type ScanOutcome } from '../../../../src/extension/workspace-scan';
import { WorkerStartError } from '../../../../src/extension/worker-client';
import { findWorkspaceFiles } from '../../../../src/extension/workspace-files';
import { toEnginePath } from '../../../../src/extension/vscode-host';
import { closeAllEditors, workspaceRoot, workspaceUri } from '../../lib/workspace';
import { extensionApi, revertAll } from '../editor/api';

const POD = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: api\n      image: ehr:1\n      securityContext:\n        privileged: true\n`;

function outcomes(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.file} ${f.range.start.line}:${f.range.start.column} ${f.severity} ${f.status}`).sort();
}

async function scan(options?: { token?: vscode.CancellationToken; onProgress?: (done: number, total: number) => void }): Promise<ScanOutcome> {
  return vscode.commands.executeCommand<ScanOutcome>('enisaHealth.scanWorkspace', options);
}

/** What the scan published, against the folder's own engine linting the same files on this thread. */
async function compareWithInProcess(): Promise<{ scanned: string[]; inProcess: string[] }> {
  const api = await extensionApi();
  const folder = vscode.workspace.workspaceFolders![0];
  const paths = (await findWorkspaceFiles(folder)).map(toEnginePath);
  const overlays = new Map(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => [toEnginePath(d.uri), d.getText()] as [string, string]));
  const engine = await api.engines.engineFor(folder.uri);
  const expected = await engine.lint(paths, { overlays, varFiles: api.engines.varFilesFor(folder.uri) });
  // Files the engine leaves out (ignorePaths) keep what an earlier scan showed: compare the linted ones.
  const inScope = new Set(expected.files.map((f) => f.file));
  return { scanned: outcomes(api.store.merged((file) => inScope.has(file)).findings), inProcess: outcomes(expected.findings) };
}

describe('scan: Scan Workspace on the worker thread', function () {
  this.timeout(180_000);

  afterEach(async () => {
    await revertAll();
    await closeAllEditors();
  });

  it('runs on the worker and publishes what the in-process engine finds', async () => {
    const outcome = await scan();
    assert.equal(outcome.ranOn, 'worker');
    assert.equal(outcome.cancelled, false);
    assert.equal(outcome.failed, undefined);
    assert.ok(outcome.files >= 10, `scanned ${outcome.files} files`);
    const { scanned, inProcess } = await compareWithInProcess();
    assert.ok(scanned.length > 20, `${scanned.length} findings`);
    assert.deepEqual(scanned, inProcess);
  });

  it('gets the settings and an unsaved buffer like the in-process engine', async () => {
    const settings = vscode.workspace.getConfiguration('enisaHealth');
    await settings.update('ruleSeverities', { 'mosquitto-no-anonymous-access': 'info', 'k8s-container-not-privileged': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      const conf = await vscode.workspace.openTextDocument(workspaceUri('config/mqtt/mosquitto.conf'));
      const editor = await vscode.window.showTextDocument(conf);
      await editor.edit((edit) => edit.insert(new vscode.Position(conf.lineCount, 0), '\nlistener 1884\nallow_anonymous false\n'));
      assert.ok(conf.isDirty);
      const outcome = await scan();
      assert.equal(outcome.ranOn, 'worker');
      const { scanned, inProcess } = await compareWithInProcess();
      assert.deepEqual(scanned, inProcess);
      assert.ok(!scanned.some((line) => line.startsWith('k8s-container-not-privileged ')), 'the rule turned off in the settings did not run');
      const added = conf.getText().split(/\r?\n/).indexOf('listener 1884');
      assert.ok(scanned.some((line) => line.startsWith('mosquitto-listener-tls ') && line.includes(`mosquitto.conf ${added}:`)), 'the unsaved lines were linted');
      assert.ok(scanned.filter((line) => line.startsWith('mosquitto-no-anonymous-access ')).every((line) => line.includes(' info ')));
      await vscode.window.showTextDocument(conf);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      assert.equal(conf.isDirty, false);
    } finally {
      await settings.update('ruleSeverities', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('gets .enisa-health.yaml and its workspace rule folder like the in-process engine', async () => {
    const api = await extensionApi();
    const root = workspaceRoot().fsPath;
    fs.mkdirSync(path.join(root, 'policies'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'policies', 'name.yaml'),
      [
        'id: spring-test-application-name',
        'title: The application is not named after the service',
        'severity: warning',
        'target: app-config',
        'family: app-hardening',
        'select: { types: [spring-config] }',
        'condition: { path: spring.application.name, matches: "^zz" }',
        'message: { what: The name does not start with zz., why: A test rule., fix: Rename it. }',
        'remediation: Rename it.',
        'controls: [EUCS-OPS-21]',
        'noFixReason: A test rule.',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(root, '.enisa-health.yaml'), 'rules:\n  k8s-container-not-privileged: { enabled: false }\nignorePaths: ["terraform/gcp/**"]\nextraRuleFolders: [policies]\n');
    try {
      // The provider also resets on the file watcher's event; not waiting for it keeps the test exact.
      api.engines.reset();
      const outcome = await scan();
      assert.equal(outcome.ranOn, 'worker');
      const { scanned, inProcess } = await compareWithInProcess();
      assert.deepEqual(scanned, inProcess);
      assert.ok(scanned.some((line) => line.startsWith('spring-test-application-name ')), 'the workspace rule ran');
      assert.ok(!scanned.some((line) => line.startsWith('k8s-container-not-privileged ')));
      assert.ok(!scanned.some((line) => line.includes('/terraform/gcp/')), 'ignorePaths honoured');
    } finally {
      fs.rmSync(path.join(root, '.enisa-health.yaml'), { force: true });
      fs.rmSync(path.join(root, 'policies'), { recursive: true, force: true });
      api.engines.reset();
    }
  });

  it('stops between files when cancelled, and the worker goes with it', async () => {
    const root = workspaceRoot().fsPath;
    const load = path.join(root, 'load');
    const count = 1_500;
    for (let i = 0; i < count; i++) {
      const dir = path.join(load, `team-${i % 50}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `pod-${i}.yaml`), POD(`p${i}`));
    }
    try {
      const full = await scan();
      assert.equal(full.cancelled, false);
      assert.ok(full.files > count, `${full.files} files`);

      // Cancelled once the worker has linted some files, as a click on the notification's Cancel would.
      const source = new vscode.CancellationTokenSource();
      let cancelledAt = 0;
      const cancelled = await scan({
        token: source.token,
        onProgress: (done) => {
          if (done === 0 || source.token.isCancellationRequested) return;
          cancelledAt = done;
          source.cancel();
        },
      });
      console.log(`[scan] full: ${full.files} files in ${full.durationMs} ms ${JSON.stringify(full.phasesMs)}; cancelled at ${cancelledAt} files: ${cancelled.files} files in ${cancelled.durationMs} ms ${JSON.stringify(cancelled.phasesMs)}`);
      assert.equal(cancelled.cancelled, true);
      assert.equal(cancelled.ranOn, 'worker');
      assert.ok(cancelledAt > 0, 'the worker reported progress');
      assert.ok(cancelled.files >= cancelledAt && cancelled.files < full.files, `${cancelled.files} of ${full.files} files were linted, cancelled at ${cancelledAt}`);
      assert.ok(cancelled.phasesMs.linting < full.phasesMs.linting, `linting took ${cancelled.phasesMs.linting} ms against ${full.phasesMs.linting} ms for the whole scan`);

      // Nothing left running: the next scan is complete and equals the in-process engine's.
      fs.rmSync(load, { recursive: true, force: true });
      const after = await scan();
      assert.equal(after.cancelled, false);
      assert.ok(after.files < count);
    } finally {
      fs.rmSync(load, { recursive: true, force: true });
    }
  });

  it('falls back to the extension host when no worker can start, says so once, and finds the same', async () => {
    const api = await extensionApi();
    const onWorker = await scan();
    const workerFindings = outcomes(api.store.merged().findings);
    const logged: string[] = [];
    const log = api.engines.log;
    api.engines.log = (message: string) => {
      logged.push(message);
      log.call(api.engines, message);
    };
    try {
      const noWorker = new WorkspaceScanner(api.engines, api.controller, () => Promise.reject(new WorkerStartError('worker_threads is not available')));
      const first = await noWorker.scan();
      const second = await noWorker.scan();
      assert.equal(first.ranOn, 'extension-host');
      assert.equal(second.ranOn, 'extension-host');
      assert.equal(first.files, onWorker.files);
      assert.equal(first.findings, onWorker.findings);
      assert.deepEqual(outcomes(api.store.merged().findings), workerFindings);
      assert.equal(logged.filter((line) => line.includes('could not start')).length, 1, logged.join('\n'));

      // A worker that fails mid-scan is reported and not repeated on the extension host.
      const broken = new WorkspaceScanner(api.engines, api.controller, () => Promise.reject(new Error('the scan worker failed: out of memory')));
      const failed = await broken.scan();
      assert.match(failed.failed ?? '', /out of memory/);
      assert.equal(failed.files, 0);
    } finally {
      api.engines.log = log;
    }
  });
});
