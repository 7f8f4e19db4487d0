/** Findings as VS Code diagnostics: rule id as a linked code, related locations, our source name. */
import * as vscode from 'vscode';
import type { Finding, Severity } from '../core/findings/types';
import type { Range } from '../core/text/position';
import { toUri } from './vscode-host';

export const DIAGNOSTIC_SOURCE = 'ENISA Health';
export const DOCS_BASE = 'https://github.com/enisa-health-lint/enisa-health-lint/blob/main/docs/rules/';

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.column, range.end.line, range.end.column);
}

function toSeverity(finding: Finding): vscode.DiagnosticSeverity {
  if (finding.status === 'undetermined') return vscode.DiagnosticSeverity.Information;
  const map: Record<Severity, vscode.DiagnosticSeverity> = {
    error: vscode.DiagnosticSeverity.Error,
    warning: vscode.DiagnosticSeverity.Warning,
    info: vscode.DiagnosticSeverity.Information,
  };
  return map[finding.severity];
}

export function ruleDocsUri(ruleId: string): vscode.Uri {
  return vscode.Uri.parse(`${DOCS_BASE}${ruleId}.md`);
}

export function toDiagnostic(finding: Finding, like?: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, toSeverity(finding));
  diagnostic.source = DIAGNOSTIC_SOURCE;
  const builtIn = !['parse-error', 'file-skipped', 'internal-error', 'waiver-invalid', 'waiver-expired', 'waiver-unused'].includes(finding.ruleId);
  diagnostic.code = builtIn ? { value: finding.ruleId, target: ruleDocsUri(finding.ruleId) } : finding.ruleId;
  if (finding.related.length) {
    diagnostic.relatedInformation = finding.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(toUri(r.file, like), toRange(r.range)), r.message),
    );
  }
  if (finding.ruleId === 'waiver-unused') diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
  return diagnostic;
}
