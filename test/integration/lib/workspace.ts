/** Finding and opening files of the workspace a suite runs against. */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'enisa-health-lint.enisa-health-lint';

/** The single folder the runners open (a fresh copy of the suite's declared workspace). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite runs without a workspace folder; check its suite.json');
  return folder.uri;
}

export function workspaceUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** Opens a workspace file in an editor, as a user clicking it in the explorer would. */
export async function openSample(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
