import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, waitForDiagnostics } from '../../lib/diagnostics';
import { closeAllEditors, openSample } from '../../lib/workspace';
import { codeOf, fresh } from './api';

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

function lineOf(document: vscode.TextDocument, pattern: RegExp): number {
  for (let i = 0; i < document.lineCount; i++) if (pattern.test(document.lineAt(i).text)) return i;
  throw new Error(`no line matches ${pattern}`);
}

describe('editor: hovers', function () {
  this.timeout(60_000);
  after(closeAllEditors);

  it('explains a finding: what, why for patient data, controls with our paraphrase, fix, docs link', async () => {
    const document = await openSample('terraform/aws/main.tf');
    await fresh(document);
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'aws-kms-key-rotation-enabled'), 45_000);
    const kms = diagnostics.find((d) => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === 'aws-kms-key-rotation-enabled')!;
    const text = await hoverText(document.uri, kms.range.start);
    assert.match(text, /`aws-kms-key-rotation-enabled`/);
    assert.match(text, /\*\*Checks:\*\*/);
    assert.match(text, /\*\*Why it matters for patient data\*\* \((electronic health records|remote care|medical devices)/);
    assert.match(text, /\*\*Controls:\*\*\n- \*\*[A-Z0-9-]+\*\* .+ — .{20,}/);
    assert.match(text, /\*\*How to fix:\*\*/);
    assert.match(text, /\(quick fix: Turn on automatic key rotation\)/);
    assert.match(text, /\[Documentation for aws-kms-key-rotation-enabled\]\(command:enisaHealth\.showRuleDocumentation\?/);
  });

  it('on a resource header: which rules checked it, failed and passed', async () => {
    const document = await openSample('terraform/aws/main.tf');
    await fresh(document);
    const header = lineOf(document, /^resource "aws_s3_bucket" "records"/);
    const text = await hoverText(document.uri, new vscode.Position(header, 3));
    assert.match(text, /`aws_s3_bucket\.records`: checked by \d+ rules/);
    assert.match(text, /\*\*Failing or undetermined \(\d+\):\*\*\n(- .+\n)*- \[`aws-s3-bucket-public-access-blocked`\]/);
    assert.match(text, /\*\*Passed \(\d+\):\*\*/);
  });

  it('on a Kubernetes object: the workload and its containers', async () => {
    const document = await openSample('kubernetes/telemedicine-api.yaml');
    await waitForDiagnostics(document.uri, (d) => d.some((x) => x.source === DIAGNOSTIC_SOURCE), 30_000);
    const header = lineOf(document, /^kind: Deployment/);
    const text = await hoverText(document.uri, new vscode.Position(header, 2));
    assert.match(text, /`Deployment telemedicine\/telemedicine-api`: checked by/);
    assert.match(text, /k8s-container-not-privileged/);
  });
});
