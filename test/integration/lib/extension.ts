/** The extension under test, as the running VS Code sees it. */
import * as vscode from 'vscode';
import { EXTENSION_ID } from './workspace';

export function getExtensionUnderTest(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed in this VS Code`);
  return extension;
}

/**
 * Resolves once the extension is active. The API has no activation event, so this polls
 * `isActive` (cheap, in-process) until `timeoutMs`; it never calls `activate()` itself, which
 * would hide a missing activation event.
 */
export async function waitForActivation(extension: vscode.Extension<unknown>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!extension.isActive) {
    if (Date.now() > deadline) throw new Error(`${extension.id} did not activate within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
