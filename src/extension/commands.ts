/**
 * The command palette entries (category "ENISA Health"). Every prompt can be answered through the
 * command's arguments, which is how tests and other commands drive them without dialogs; each
 * command resolves with what it did so callers can check it.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/findings/types';
import type { ComplianceSummary, ReportFormat } from '../core/reports';
import type { RuleMeta } from '../core/rules/types';
import { COMMANDS } from './command-ids';
import type { EngineProvider } from './engine-provider';
import { editForFixes } from './fix-edits';
import type { LintController } from './lint-controller';
import type { ResultStore } from './result-store';
import type { SummaryPanel } from './summary-webview';
import { today } from './summary-webview';
import { toEnginePath, toUri } from './vscode-host';
import { waiveFinding, type WaiveOutcome, type WaiveRequest } from './waive-command';
import { WorkspaceScanner, type ScanOutcome, type ScanRequest } from './workspace-scan';
import { toRange } from './diagnostics';

export const EXPORT_FORMATS: ReadonlyArray<{ format: ReportFormat; label: string; extension: string }> = [
  { format: 'markdown', label: 'Markdown', extension: 'md' },
  { format: 'html', label: 'HTML', extension: 'html' },
  { format: 'sarif', label: 'SARIF', extension: 'sarif' },
  { format: 'json', label: 'JSON', extension: 'json' },
  { format: 'csv', label: 'CSV', extension: 'csv' },
];

export interface CommandContext {
  extensionUri: vscode.Uri;
  engines: EngineProvider;
  controller: LintController;
  store: ResultStore;
  panel: SummaryPanel;
  summary(): ComplianceSummary;
  reportText(format: ReportFormat): string;
  rules(): Promise<readonly RuleMeta[]>;
}

export interface WaiverListing {
  ruleId: string;
  reason: string;
  expires?: string;
  inForce: boolean;
  uri: vscode.Uri;
  line: number;
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  let scannedOnce = false;
  const scanner = new WorkspaceScanner(ctx.engines, ctx.controller);
  const ensureScanned = async (): Promise<void> => {
    if (!scannedOnce) await runScan(false);
  };
  const runScan = async (showProgress: boolean, options: Omit<ScanRequest, 'showProgress'> = {}): Promise<ScanOutcome> => {
    const outcome = await scanner.scan({ ...options, showProgress });
    if (!outcome.cancelled && !outcome.failed) scannedOnce = true;
    return outcome;
  };

  const waivers = (): WaiverListing[] => {
    const merged = ctx.store.merged();
    const entry = (finding: Finding, inForce: boolean): WaiverListing | undefined =>
      finding.waiver && {
        ruleId: finding.ruleId,
        reason: finding.waiver.reason,
        expires: finding.waiver.expires,
        inForce,
        uri: toUri(finding.waiver.file, vscode.workspace.workspaceFolders?.[0]?.uri),
        line: finding.waiver.range.start.line,
      };
    return [...merged.suppressed.map((f) => entry(f, true)), ...merged.findings.map((f) => entry(f, false))].filter((w): w is WaiverListing => w !== undefined);
  };

  const openAt = async (uri: vscode.Uri, line: number) => {
    const position = new vscode.Position(line, 0);
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position) });
  };

  const relintOpen = (uri?: vscode.Uri) => {
    for (const document of vscode.workspace.textDocuments) if (!uri || document.uri.toString() === uri.toString()) ctx.controller.schedule(document, 0);
  };

  return [
    // Another command (or a test) may pass a token to cancel the scan as the notification does, and
    // follow its progress; from the palette or a view button the argument is absent or unrelated.
    vscode.commands.registerCommand(COMMANDS.scanWorkspace, (options?: unknown) => runScan(true, scanOptionsOf(options))),

    vscode.commands.registerCommand(COMMANDS.showSummary, async (): Promise<ComplianceSummary> => {
      await ensureScanned();
      ctx.panel.show();
      return ctx.summary();
    }),

    vscode.commands.registerCommand(COMMANDS.exportReport, async (format?: ReportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> => {
      const chosen = format
        ? EXPORT_FORMATS.find((f) => f.format === format)
        : (await vscode.window.showQuickPick(EXPORT_FORMATS.map((f) => ({ ...f, label: f.label, description: `.${f.extension}` })), { title: 'Export the compliance report as' }));
      if (!chosen) return undefined;
      await ensureScanned();
      const root = vscode.workspace.workspaceFolders?.[0]?.uri;
      const destination =
        target ??
        (await vscode.window.showSaveDialog({
          defaultUri: root ? vscode.Uri.joinPath(root, `enisa-health-report.${chosen.extension}`) : undefined,
          filters: { [chosen.label]: [chosen.extension] },
          title: 'Save the compliance report',
        }));
      if (!destination) return undefined;
      await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(ctx.reportText(chosen.format)));
      if (!target) void vscode.window.showInformationMessage(`ENISA Health: wrote the ${chosen.label} report to ${vscode.workspace.asRelativePath(destination)}.`);
      return destination;
    }),

    vscode.commands.registerCommand(COMMANDS.showWaivers, async (select?: number): Promise<WaiverListing[]> => {
      await ensureScanned();
      const list = waivers();
      let picked: WaiverListing | undefined;
      if (typeof select === 'number') picked = list[select];
      else if (list.length === 0) void vscode.window.showInformationMessage('ENISA Health: no waivers in the scanned files.');
      else {
        const item = await vscode.window.showQuickPick(
          list.map((w) => ({
            label: `${w.inForce ? '$(check)' : '$(warning)'} ${w.ruleId}`,
            description: w.reason,
            detail: `${vscode.workspace.asRelativePath(w.uri)}:${w.line + 1} · ${w.expires ? `expires ${w.expires}` : 'no expiry'}${w.inForce ? '' : ' · not in force'}`,
            waiver: w,
          })),
          { title: 'Waivers', matchOnDescription: true, matchOnDetail: true },
        );
        picked = item?.waiver;
      }
      if (picked) await openAt(picked.uri, picked.line);
      return list;
    }),

    vscode.commands.registerCommand(COMMANDS.openRuleCatalog, async (ruleId?: string): Promise<string | undefined> => {
      const rules = await ctx.rules();
      const id =
        ruleId ??
        (
          await vscode.window.showQuickPick(
            rules.map((r) => ({ label: r.id, description: r.title, detail: `${r.severity} · ${r.target} · ${r.controls.join(', ')}` })),
            { title: 'ENISA Health rule catalog', matchOnDescription: true, matchOnDetail: true },
          )
        )?.label;
      if (!id) return undefined;
      await vscode.commands.executeCommand(COMMANDS.showRuleDocs, id);
      return id;
    }),

    vscode.commands.registerCommand(COMMANDS.showRuleDocs, async (ruleId: string): Promise<vscode.Uri | undefined> => {
      if (!/^[a-z0-9][a-z0-9-]*$/i.test(ruleId ?? '')) return undefined;
      const page = vscode.Uri.joinPath(ctx.extensionUri, 'docs', 'rules', `${ruleId}.md`);
      try {
        await vscode.workspace.fs.stat(page);
      } catch {
        void vscode.window.showWarningMessage(`ENISA Health: no documentation page for ${ruleId}.`);
        return undefined;
      }
      await vscode.commands.executeCommand('markdown.showPreview', page);
      return page;
    }),

    vscode.commands.registerCommand(COMMANDS.selectTfvars, async (chosen?: vscode.Uri[]): Promise<string[] | undefined> => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) return undefined;
      let uris = chosen;
      if (!uris) {
        const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.tfvars'), '{**/node_modules/**,**/.terraform/**}');
        const picked = await vscode.window.showQuickPick(
          found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
          { title: 'Terraform variable files to apply', canPickMany: true },
        );
        if (!picked) return undefined;
        uris = picked.map((p) => p.uri);
      }
      const paths = uris.map(toEnginePath);
      ctx.engines.setVarFiles(folder.uri, paths);
      relintOpen();
      if (scannedOnce) await runScan(false);
      return paths;
    }),

    vscode.commands.registerCommand(COMMANDS.waive, async (request: WaiveRequest): Promise<WaiveOutcome | undefined> => {
      const policy = (await ctx.engines.configOf(request.uri)).waiverPolicy;
      const outcome = await waiveFinding(request, policy, today());
      if (outcome?.written === 'waiver-file') relintOpen(request.uri);
      return outcome;
    }),

    vscode.commands.registerCommand(COMMANDS.fixAllOfRule, async (uri: vscode.Uri, ruleId: string): Promise<number> => {
      const document = await vscode.workspace.openTextDocument(uri);
      if (!ctx.controller.isFresh(document)) {
        void vscode.window.showInformationMessage('ENISA Health: the file changed since it was checked; try again in a moment.');
        return 0;
      }
      const findings = ctx.store.findingsOf(toEnginePath(uri)).filter((f) => f.ruleId === ruleId && f.fix);
      findings.sort((a, b) => toRange(a.range).start.compareTo(toRange(b.range).start));
      const { edit, applied } = editForFixes(findings, uri);
      if (applied === 0) return 0;
      return (await vscode.workspace.applyEdit(edit)) ? applied : 0;
    }),

    vscode.commands.registerCommand(COMMANDS.refreshSummary, () => ctx.panel.render()),
  ];
}

function scanOptionsOf(value: unknown): Omit<ScanRequest, 'showProgress'> {
  if (typeof value !== 'object' || value === null) return {};
  const { token, onProgress } = value as Record<string, unknown>;
  const isToken = typeof token === 'object' && token !== null && typeof (token as vscode.CancellationToken).onCancellationRequested === 'function';
  return {
    token: isToken ? (token as vscode.CancellationToken) : undefined,
    onProgress: typeof onProgress === 'function' ? (onProgress as ScanRequest['onProgress']) : undefined,
  };
}
