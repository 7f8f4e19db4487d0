/** From a diagnostic in an editor back to the finding it shows. */
import * as vscode from 'vscode';
import type { Finding } from '../core/findings/types';
import { DIAGNOSTIC_SOURCE, toRange } from './diagnostics';
import type { ResultStore } from './result-store';
import { toEnginePath } from './vscode-host';

export function diagnosticRuleId(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function findingFor(store: ResultStore, uri: vscode.Uri, diagnostic: vscode.Diagnostic): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const ruleId = diagnosticRuleId(diagnostic);
  return store.findingsOf(toEnginePath(uri)).find((finding) => finding.ruleId === ruleId && toRange(finding.range).isEqual(diagnostic.range));
}

export function findingsAt(store: ResultStore, uri: vscode.Uri, position: vscode.Position): Finding[] {
  return store.findingsOf(toEnginePath(uri)).filter((finding) => toRange(finding.range).contains(position));
}
