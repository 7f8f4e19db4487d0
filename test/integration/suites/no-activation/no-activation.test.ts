import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { getExtensionUnderTest, waitForActivation } from '../../lib/extension';
import { openSample, workspaceUri } from '../../lib/workspace';

// A negative can only be observed over a window: long enough for an onLanguage activation,
// which VS Code starts right after the document opens, to show up.
const ACTIVATION_GRACE_MS = 1500;

describe('no-activation: a workspace with nothing to lint', () => {
  it('has the extension installed but not active once the workbench is ready', () => {
    // Tests start after VS Code has handled the workspaceContains activation events.
    assert.equal(getExtensionUnderTest().isActive, false);
  });

  it('stays inactive when Markdown and plain-text files are opened', async () => {
    const readme = await openSample('README.md');
    const notes = await openSample('notes.txt');
    assert.equal(readme.languageId, 'markdown');
    assert.equal(notes.languageId, 'plaintext');
    await new Promise((resolve) => setTimeout(resolve, ACTIVATION_GRACE_MS));
    assert.equal(getExtensionUnderTest().isActive, false);
  });

  it('activates once a Terraform file appears and is opened (onLanguage:terraform)', async () => {
    const lateFile = workspaceUri('late.tf');
    await vscode.workspace.fs.writeFile(lateFile, new TextEncoder().encode('variable "region" {}\n'));
    const document = await openSample('late.tf');
    assert.equal(document.languageId, 'terraform');
    await waitForActivation(getExtensionUnderTest());
  });
});
