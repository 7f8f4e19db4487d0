/**
 * "Waive <rule> here…": asks for the reason and an expiry (both injectable as arguments, so tests
 * and other commands need no prompts), then writes the waiver in the file's own comment syntax
 * above the finding's line, or for strict JSON an entry in `.enisa-health-waivers.yaml`.
 */
import * as vscode from 'vscode';
import type { WaiverPolicy } from '../core/config';
import { WAIVER_FILE_NAME } from '../core/engine/waiver-file';
import { addDays, appendWaiverFileEntry, waiverLineAbove, waiverStyleFor } from '../core/suppressions/waiver-comment';
import { decodeText } from '../core/text/decode';
import { relativeTo } from './relative-result';
import { toEnginePath } from './vscode-host';

export interface WaiveRequest {
  uri: vscode.Uri;
  /** 0-based line the finding starts on. */
  line: number;
  ruleId: string;
  resource?: string;
  /** Given: no input box. */
  reason?: string;
  /** Given: no quick pick. A number of days from today, or 'none'. */
  expiry?: number | 'none';
}

export interface WaiveOutcome {
  written: 'comment' | 'waiver-file';
  target: vscode.Uri;
  text: string;
}

export const EXPIRY_CHOICES = [30, 90, 180] as const;

export function expiryChoices(policy: WaiverPolicy): Array<number | 'none'> {
  const days: Array<number | 'none'> = EXPIRY_CHOICES.filter((d) => policy.maxDays === undefined || d <= policy.maxDays);
  if (policy.maxDays !== undefined && !days.includes(policy.maxDays)) days.push(policy.maxDays);
  // A waiver without expiry would be refused under either policy.
  if (!policy.requireExpiry && policy.maxDays === undefined) days.push('none');
  return days;
}

async function askReason(ruleId: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: `Waive ${ruleId}`,
    prompt: 'Why is this acceptable? (recorded in the waiver, e.g. a ticket or a compensating control)',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'A waiver needs a reason.'),
  });
}

async function askExpiry(choices: Array<number | 'none'>): Promise<number | 'none' | undefined> {
  const picked = await vscode.window.showQuickPick(
    choices.map((choice) => ({ label: choice === 'none' ? 'No expiry' : `${choice} days`, choice })),
    { title: 'Waiver expiry', placeHolder: 'When should the waiver stop hiding the finding?' },
  );
  return picked?.choice;
}

export async function waiveFinding(request: WaiveRequest, policy: WaiverPolicy, today: string): Promise<WaiveOutcome | undefined> {
  if (policy.forbiddenRules.includes(request.ruleId)) {
    void vscode.window.showWarningMessage(`The waiver policy of this workspace does not allow waiving ${request.ruleId}.`);
    return undefined;
  }
  const reason = request.reason ?? (await askReason(request.ruleId));
  if (!reason?.trim()) return undefined;
  const expiry = request.expiry ?? (await askExpiry(expiryChoices(policy)));
  if (expiry === undefined) return undefined;
  const expires = expiry === 'none' ? undefined : addDays(today, expiry);
  const path = toEnginePath(request.uri);
  const style = waiverStyleFor(path);
  const waiver = { ruleId: request.ruleId, reason, expires };

  if (style !== 'file') {
    const document = await vscode.workspace.openTextDocument(request.uri);
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const text = waiverLineAbove(style, document.lineAt(request.line).text, waiver, eol);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(request.uri, new vscode.Position(request.line, 0), text);
    if (!(await vscode.workspace.applyEdit(edit))) return undefined;
    return { written: 'comment', target: request.uri, text };
  }

  const folder = vscode.workspace.getWorkspaceFolder(request.uri);
  if (!folder) {
    void vscode.window.showWarningMessage('Waivers for JSON files live in .enisa-health-waivers.yaml, which needs a workspace folder.');
    return undefined;
  }
  const target = vscode.Uri.joinPath(folder.uri, WAIVER_FILE_NAME);
  let existing: string | undefined;
  try {
    existing = decodeText(await vscode.workspace.fs.readFile(target)).text;
  } catch {
    existing = undefined;
  }
  const text = appendWaiverFileEntry(existing, { ...waiver, file: relativeTo(toEnginePath(folder.uri), path), resource: request.resource });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  return { written: 'waiver-file', target, text };
}
