import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, waitForDiagnostics } from '../../lib/diagnostics';
import { closeAllEditors, openSample, workspaceUri } from '../../lib/workspace';
import { codeOf, revertAll } from './api';

const ofRule = (ruleId: string) => (list: readonly vscode.Diagnostic[]) => list.filter((d) => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === ruleId);

function inDays(days: number): string {
  const date = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

interface Outcome {
  written: string;
  target: vscode.Uri;
  text: string;
}

describe('editor: the waiver flow', function () {
  this.timeout(90_000);
  after(async () => {
    await revertAll();
    await closeAllEditors();
  });

  it('writes a # comment above a Terraform finding, from the code action, and the finding is waived', async () => {
    const document = await openSample('terraform/aws/main.tf');
    const rule = 'aws-rds-not-publicly-accessible';
    const [diagnostic] = ofRule(rule)(await waitForDiagnostics(document.uri, (d) => ofRule(rule)(d).length === 1, 45_000));
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range)) ?? [];
    const waive = actions.find((a) => a.title === `Waive ${rule} here…`);
    assert.ok(waive?.command);
    // The reason and expiry prompts are answered through the command's argument.
    const request = { ...waive.command.arguments![0], reason: 'Reached only through the private link, ticket SEC-42', expiry: 30 };
    const outcome = await vscode.commands.executeCommand<Outcome>(waive.command.command, request);
    assert.equal(outcome.written, 'comment');
    const line = document.lineAt(diagnostic.range.start.line).text;
    assert.equal(line.trim(), `# enisa-health-ignore ${rule} -- Reached only through the private link, ticket SEC-42 expires ${inDays(30)}`);
    assert.match(line, /^ {2}#/, 'indented like the attribute');
    await waitForDiagnostics(document.uri, (d) => ofRule(rule)(d).length === 0, 20_000);
  });

  it('uses // in JSON with comments (orthanc.json)', async () => {
    const document = await openSample('config/orthanc/orthanc.json');
    const rule = 'orthanc-authentication-enabled';
    const [diagnostic] = ofRule(rule)(await waitForDiagnostics(document.uri, (d) => ofRule(rule)(d).length === 1, 30_000));
    const outcome = await vscode.commands.executeCommand<Outcome>('enisaHealth.waiveFinding', { uri: document.uri, line: diagnostic.range.start.line, ruleId: rule, reason: 'Proxy enforces auth', expiry: 'none' });
    assert.equal(outcome.written, 'comment');
    assert.match(document.lineAt(diagnostic.range.start.line).text, /^\s*\/\/ enisa-health-ignore orthanc-authentication-enabled -- Proxy enforces auth$/);
    await waitForDiagnostics(document.uri, (d) => ofRule(rule)(d).length === 0, 20_000);
  });

  it('adds an entry to .enisa-health-waivers.yaml for strict JSON', async () => {
    const manifest = workspaceUri('kubernetes/privileged.json');
    const json = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'probe', namespace: 'ehr' },
      spec: { template: { spec: { containers: [{ name: 'probe', image: 'x', securityContext: { privileged: true, allowPrivilegeEscalation: false } }] } } },
    };
    await vscode.workspace.fs.writeFile(manifest, new TextEncoder().encode(JSON.stringify(json, null, 2)));
    const document = await openSample('kubernetes/privileged.json');
    const rule = 'k8s-container-not-privileged';
    const [diagnostic] = ofRule(rule)(await waitForDiagnostics(document.uri, (d) => ofRule(rule)(d).length === 1, 30_000));
    const outcome = await vscode.commands.executeCommand<Outcome>('enisaHealth.waiveFinding', { uri: document.uri, line: diagnostic.range.start.line, ruleId: rule, reason: 'Probe needs raw sockets', expiry: 90 });
    assert.equal(outcome.written, 'waiver-file');
    assert.ok(outcome.target.path.endsWith('/.enisa-health-waivers.yaml'));
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(outcome.target));
    assert.match(written, /rule: k8s-container-not-privileged/);
    assert.match(written, /file: kubernetes\/privileged\.json/);
    assert.match(written, new RegExp(`expires: "?${inDays(90)}"?`));
    assert.equal(document.isDirty, false, 'the JSON file itself is untouched');
    await waitForDiagnostics(document.uri, (d) => ofRule(rule)(d).length === 0, 20_000);
  });

  it('lists every waiver with reason and expiry, and opens the one selected', async () => {
    const list = await vscode.commands.executeCommand<Array<{ ruleId: string; reason: string; expires?: string; inForce: boolean; uri: vscode.Uri; line: number }>>('enisaHealth.showWaivers', 0);
    const rules = list.map((w) => w.ruleId).sort();
    assert.deepEqual(rules, ['aws-rds-not-publicly-accessible', 'k8s-container-not-privileged', 'orthanc-authentication-enabled']);
    const rds = list.find((w) => w.ruleId === 'aws-rds-not-publicly-accessible')!;
    assert.equal(rds.expires, inDays(30));
    assert.equal(rds.reason, 'Reached only through the private link, ticket SEC-42');
    assert.ok(list.every((w) => w.inForce));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), list[0].uri.toString());
    assert.equal(editor?.selection.active.line, list[0].line);
  });
});
