/** The workspace's results as the core report builders take them, paths relative to the folder. */
import * as vscode from 'vscode';
import { buildComplianceSummary, type ComplianceSummary, type ReportCatalog, type ReportInput } from '../core/reports';
import type { RuleMeta } from '../core/rules/types';
import { toolInfo } from '../cli/tool-info';
import { rebaseResult } from './relative-result';
import type { ResultStore } from './result-store';
import { toEnginePath } from './vscode-host';

export function reportRoot(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

export function workspaceReportInput(store: ResultStore, rules: readonly RuleMeta[], catalog: ReportCatalog): ReportInput {
  const root = reportRoot();
  if (!root) return { tool: toolInfo(), result: store.merged(), rules, catalog };
  const base = toEnginePath(root).replace(/\/+$/, '');
  const result = rebaseResult(
    store.merged((file) => file.startsWith(`${base}/`)),
    base,
  );
  const rootUri = root.toString().endsWith('/') ? root.toString() : `${root.toString()}/`;
  return { tool: toolInfo(), result, rules, catalog, rootUri };
}

export function workspaceSummary(store: ResultStore, rules: readonly RuleMeta[], catalog: ReportCatalog): ComplianceSummary {
  return buildComplianceSummary(workspaceReportInput(store, rules, catalog));
}

/** A report path (relative to the folder) back to a URI. */
export function reportPathUri(file: string): vscode.Uri {
  const root = reportRoot();
  if (file.startsWith('/') || !root) return vscode.Uri.file(file);
  return vscode.Uri.joinPath(root, ...file.split('/'));
}
