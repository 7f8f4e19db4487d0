/**
 * Activation: wires the engine to VS Code. Everything here is a thin adapter; rules, parsing,
 * fixes, waivers and the report numbers live in src/core.
 */
import * as vscode from 'vscode';
import { builtinCatalog } from '../core/catalog';
import { formatReport, type ComplianceSummary, type ReportFormat } from '../core/reports';
import type { RuleMeta } from '../core/rules/types';
import { FindingCodeActions } from './code-actions';
import { SUMMARY_VIEW_ID } from './command-ids';
import { registerCommands } from './commands';
import { ConfigDiagnostics } from './config-diagnostics';
import { EngineProvider } from './engine-provider';
import { FindingHoverProvider } from './hover';
import { LintController } from './lint-controller';
import { ResultStore } from './result-store';
import { StatusBar } from './status-bar';
import { buildSummaryTree } from './summary-groups';
import { SummaryTreeProvider } from './summary-tree';
import { SummaryPanel, today } from './summary-webview';
import { workspaceReportInput, workspaceSummary } from './workspace-report';

export interface ExtensionApi {
  controller: LintController;
  engines: EngineProvider;
  store: ResultStore;
  /** The compliance summary of every file linted so far (the same builder as the CLI's reports). */
  summary(): ComplianceSummary;
  /** The export text in a format, as the Export command writes it. */
  reportText(format: ReportFormat): string;
  statusBar: StatusBar;
  panel: SummaryPanel;
  tree: SummaryTreeProvider;
  /** Set once the user was told that Restricted Mode holds back workspace configuration. */
  trustNotice(): string | undefined;
}

const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'vscode-remote' }, { scheme: 'untitled' }];

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const catalog = builtinCatalog();
  const engines = new EngineProvider();
  const store = new ResultStore();
  const settings = () => vscode.workspace.getConfiguration('enisaHealth', null);
  const controller = new LintController(
    engines,
    () => settings().get<number>('debounceMs', 250),
    () => settings().get<string>('run', 'onType') === 'onType',
    store,
  );
  const configDiagnostics = new ConfigDiagnostics();
  const statusBar = new StatusBar();

  // Rules of the first folder's engine; refreshed whenever results change (engines may be rebuilt).
  let rules: readonly RuleMeta[] = [];
  const rulesNow = async (): Promise<readonly RuleMeta[]> => {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    rules = root ? await engines.rulesFor(root) : rules;
    return rules;
  };
  const summary = () => workspaceSummary(store, rules, catalog);
  const reportText = (format: ReportFormat) => formatReport(format, workspaceReportInput(store, rules, catalog));
  const panel = new SummaryPanel(context.extensionUri, summary);
  const tree = new SummaryTreeProvider(() => buildSummaryTree(summary(), rules, catalog, today()));

  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshViews = () => {
    if (refreshTimer) clearTimeout(refreshTimer);
    // Batches the per-file updates of a scan; the summary is cheap but needs not run per file.
    refreshTimer = setTimeout(async () => {
      refreshTimer = undefined;
      await rulesNow();
      statusBar.update(summary().totals);
      tree.refresh();
      panel.render();
    }, 50);
  };

  let notice: string | undefined;
  const trustMessage = (ignored: string[]) =>
    `ENISA Health: this workspace is in Restricted Mode. The built-in rules run; ${ignored.length ? ignored.join(' and ') : 'workspace rule folders and .enisa-health.yaml'} ${ignored.length === 1 ? 'is' : 'are'} ignored until you trust the workspace.`;

  context.subscriptions.push(
    engines,
    controller,
    store,
    configDiagnostics,
    statusBar,
    panel,
    tree,
    store.onDidChange(refreshViews),
    engines.configErrors.event(({ configUri, errors }) => configDiagnostics.show(configUri, errors)),
    engines.restricted.event(({ ignored }) => {
      if (notice) return;
      notice = trustMessage(ignored);
      statusBar.setRestrictedNote(notice);
      void vscode.window.showInformationMessage(notice);
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      notice = undefined;
      statusBar.setRestrictedNote(undefined);
      controller.lintOpenDocuments();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('enisaHealth')) controller.lintOpenDocuments();
    }),
    watchSettingsFiles(() => controller.lintOpenDocuments()),
    vscode.window.registerTreeDataProvider(SUMMARY_VIEW_ID, tree),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new FindingCodeActions(store, (document) => controller.isFresh(document)), FindingCodeActions.metadata),
    vscode.languages.registerHoverProvider(SELECTOR, new FindingHoverProvider(store, (uri) => engines.rulesFor(uri), catalog)),
    ...registerCommands({ extensionUri: context.extensionUri, engines, controller, store, panel, summary, reportText, rules: rulesNow }),
  );
  controller.lintOpenDocuments();
  return { controller, engines, store, summary, reportText, statusBar, panel, tree, trustNotice: () => notice };
}

/** `.enisa-health.yaml` and the waiver file change what every open file reports. */
function watchSettingsFiles(onChange: () => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher('**/.enisa-health*.yaml');
  // The engine provider resets on the same events; let it go first.
  const later = () => setTimeout(onChange, 0);
  return vscode.Disposable.from(watcher, watcher.onDidChange(later), watcher.onDidCreate(later), watcher.onDidDelete(later));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
