/**
 * Takes the README's screenshots in the test host: `node test/integration/run-server.mjs --suite
 * screenshots` (a manual suite). Each `[screenshot] NAME` line makes the runner save the page as
 * docs/images/NAME.png; the test waits for the file so the next step does not change the picture.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, waitForDiagnostics } from '../../lib/diagnostics';
import { closeAllEditors, openSample } from '../../lib/workspace';

const IMAGES = path.resolve(__dirname, '../../../../../docs/images');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function screenshot(name: string): Promise<void> {
  const file = path.join(IMAGES, `${name}.png`);
  const before = fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
  console.log(`[screenshot] ${name}`);
  const deadline = Date.now() + 20_000;
  while (!(fs.existsSync(file) && fs.statSync(file).mtimeMs > before)) {
    if (Date.now() > deadline) throw new Error(`the runner did not save ${file}`);
    await pause(100);
  }
  assert.ok(fs.statSync(file).size > 10_000, `${name}.png is a real picture`);
}

describe('screenshots for the README', function () {
  this.timeout(120_000);

  it('the compliance summary webview', async () => {
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('enisaHealth.showComplianceSummary');
    await pause(2500);
    await screenshot('summary-webview');
    await closeAllEditors();
  });

  it('a hover on a finding', async () => {
    const document = await openSample('terraform/aws/main.tf');
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => x.source === DIAGNOSTIC_SOURCE), 45_000);
    const kms = diagnostics.find((d) => typeof d.code === 'object' && d.code.value === 'aws-kms-key-rotation-enabled') ?? diagnostics[0];
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(kms.range.start, kms.range.start);
    editor.revealRange(kms.range, vscode.TextEditorRevealType.InCenter);
    await pause(500);
    await vscode.commands.executeCommand('editor.action.showHover');
    await pause(2000);
    await screenshot('hover');
  });
});
