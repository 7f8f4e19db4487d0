/** Engine fixes as VS Code workspace edits; overlapping fixes are left for a second round. */
import * as vscode from 'vscode';
import type { Finding, TextEdit } from '../core/findings/types';
import { toRange } from './diagnostics';
import { toUri } from './vscode-host';

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.file !== b.file) return false;
  const startsBeforeEnd = (x: TextEdit, y: TextEdit) =>
    x.range.start.line < y.range.end.line || (x.range.start.line === y.range.end.line && x.range.start.column <= y.range.end.column);
  return startsBeforeEnd(a, b) && startsBeforeEnd(b, a);
}

/** One edit applying the fixes of `findings` that do not collide with an earlier one. */
export function editForFixes(findings: readonly Finding[], like: vscode.Uri): { edit: vscode.WorkspaceEdit; applied: number } {
  const edit = new vscode.WorkspaceEdit();
  const taken: TextEdit[] = [];
  let applied = 0;
  for (const finding of findings) {
    const edits = finding.fix?.edits ?? [];
    if (edits.length === 0 || edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    for (const e of edits) edit.replace(toUri(e.file, like), toRange(e.range), e.newText);
    taken.push(...edits);
    applied++;
  }
  return { edit, applied };
}
