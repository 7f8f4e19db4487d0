import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, waitForDiagnostics } from '../../lib/diagnostics';
import { closeAllEditors, openSample, workspaceUri } from '../../lib/workspace';
import { codeOf, extensionApi, revertAll, until } from './api';

const ours = (list: readonly vscode.Diagnostic[]) => list.filter((d) => d.source === DIAGNOSTIC_SOURCE);

describe('editor: diagnostics', function () {
  this.timeout(90_000);

  it('reports the AWS sample with rule-id codes linked to the docs and exact ranges', async () => {
    const document = await openSample('terraform/aws/main.tf');
    const diagnostics = ours(await waitForDiagnostics(document.uri, (d) => ours(d).length >= 10, 60_000));
    const rds = diagnostics.find((d) => codeOf(d) === 'aws-rds-storage-encrypted');
    assert.ok(rds, 'aws-rds-storage-encrypted is reported');
    assert.equal(rds.range.start.line, 58, 'on the line the CLI reports (1-based 59)');
    assert.equal(rds.severity, vscode.DiagnosticSeverity.Error);
    const target = typeof rds.code === 'object' ? rds.code.target : undefined;
    assert.ok(target?.toString().endsWith('docs/rules/aws-rds-storage-encrypted.md'));
    const flagged = document.getText(rds.range);
    assert.ok(flagged.length > 0, 'the range covers text');
    for (const d of diagnostics) assert.ok(d.range.end.line < document.lineCount);
    // The value comes from a variable: the diagnostic points at where it is set.
    assert.ok((rds.relatedInformation ?? []).some((r) => r.location.uri.path.endsWith('.tf') || r.location.uri.path.endsWith('.tfvars')), 'related information names the variable');
  });

  it('re-checks the unsaved buffer as the user types, and the finding goes when the text is fixed', async () => {
    const document = await openSample('terraform/aws/main.tf');
    const before = ours(vscode.languages.getDiagnostics(document.uri)).filter((d) => codeOf(d) === 'aws-rds-storage-encrypted');
    assert.equal(before.length, 1);
    const line = document.lineAt(before[0].range.start.line);
    const editor = await vscode.window.showTextDocument(document);
    const original = line.text;
    await editor.edit((edit) => edit.replace(line.range, original.replace(/=.*$/, '= true')));
    await waitForDiagnostics(document.uri, (d) => !ours(d).some((x) => codeOf(x) === 'aws-rds-storage-encrypted'), 20_000);
    await editor.edit((edit) => edit.replace(document.lineAt(line.lineNumber).range, original));
    await waitForDiagnostics(document.uri, (d) => ours(d).some((x) => codeOf(x) === 'aws-rds-storage-encrypted'), 20_000);
    await revertAll();
  });

  it('clears diagnostics of a file outside the scan when its editor closes', async () => {
    const document = await openSample('config/mqtt/mosquitto.conf');
    await waitForDiagnostics(document.uri, (d) => ours(d).length > 0, 30_000);
    await closeAllEditors();
    await until(() => ours(vscode.languages.getDiagnostics(document.uri)).length === 0 || undefined, 'diagnostics cleared on close');
  });

  it('scans the whole workspace on demand; scanned files keep diagnostics after close', async () => {
    const api = await extensionApi();
    const outcome = await vscode.commands.executeCommand<{ files: number; cancelled: boolean }>('enisaHealth.scanWorkspace');
    assert.equal(outcome.cancelled, false);
    assert.ok(outcome.files >= 10, `scanned ${outcome.files} files`);
    const compose = workspaceUri('kubernetes/telemedicine-api.yaml');
    assert.ok(ours(vscode.languages.getDiagnostics(compose)).length >= 2, 'a never-opened file has diagnostics');
    const orthanc = workspaceUri('config/orthanc/orthanc.json');
    await openSample('config/orthanc/orthanc.json');
    await closeAllEditors();
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.ok(ours(vscode.languages.getDiagnostics(orthanc)).length >= 1, 'kept after close');
    assert.ok(api.store.size >= 10);
  });

  it('publishes problems in .enisa-health.yaml on the file itself', async () => {
    const config = workspaceUri('.enisa-health.yaml');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('rules:\n  aws-rds-storage-encrypted: loud\nnotAKey: 1\n'));
    try {
      await openSample('terraform/aws/main.tf');
      const list = await waitForDiagnostics(config, (d) => d.length >= 1, 20_000);
      assert.ok(list.every((d) => d.severity === vscode.DiagnosticSeverity.Error));
      assert.ok(list.some((d) => d.range.start.line >= 1));
    } finally {
      await vscode.workspace.fs.delete(config);
      await closeAllEditors();
    }
  });
});
