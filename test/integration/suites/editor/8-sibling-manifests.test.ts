import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, waitForDiagnostics } from '../../lib/diagnostics';
import { closeAllEditors, openSample, workspaceUri } from '../../lib/workspace';
import { codeOf, revertAll } from './api';

const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ehr\n  labels:\n    data-classification: patient-data\n';
const CONFIG = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: ehr\n';
const DENY_ALL = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: ehr\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n';

describe('editor: Kubernetes checks across the open manifests of a folder', function () {
  this.timeout(120_000);
  after(async () => {
    await revertAll();
    await closeAllEditors();
  });

  it('re-lints a manifest when a sibling it depends on is edited, before saving', async () => {
    const write = (path: string, text: string) => vscode.workspace.fs.writeFile(workspaceUri(path), new TextEncoder().encode(text));
    await write('kubernetes/siblings/namespace.yaml', NAMESPACE);
    await write('kubernetes/siblings/policy.yaml', CONFIG);
    const namespaceUri = workspaceUri('kubernetes/siblings/namespace.yaml');
    const denyFindings = (d: readonly vscode.Diagnostic[]) => d.filter((x) => x.source === DIAGNOSTIC_SOURCE && codeOf(x) === 'k8s-namespace-default-deny-ingress').length;
    await openSample('kubernetes/siblings/namespace.yaml');
    await waitForDiagnostics(namespaceUri, (d) => denyFindings(d) === 1, 60_000);

    const policy = await openSample('kubernetes/siblings/policy.yaml');
    const editor = await vscode.window.showTextDocument(policy);
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, policy.lineCount, 0), DENY_ALL));
    assert.ok(policy.isDirty);
    await waitForDiagnostics(namespaceUri, (d) => denyFindings(d) === 0, 60_000);
  });
});
