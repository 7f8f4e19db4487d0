/** The running extension's API (what `activate` returns), for the editor suites. */
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension/extension';
import { getExtensionUnderTest, waitForActivation } from '../../lib/extension';

export async function extensionApi(): Promise<ExtensionApi> {
  const extension = getExtensionUnderTest() as vscode.Extension<ExtensionApi>;
  await waitForActivation(extension, 30_000);
  return extension.exports;
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return code === undefined ? undefined : typeof code === 'object' ? String(code.value) : String(code);
}

export async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the document's diagnostics were computed from its current text. */
export async function fresh(document: vscode.TextDocument): Promise<void> {
  const api = await extensionApi();
  await until(() => api.controller.isFresh(document) || undefined, `fresh diagnostics for ${document.uri.path}`, 30_000);
}

/** Throws away the unsaved edits of every open document. */
export async function revertAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty || document.uri.scheme !== 'file') continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
}
