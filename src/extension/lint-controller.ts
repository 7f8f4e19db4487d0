/**
 * Keeps diagnostics in step with what the user types: lints the unsaved buffer, debounced per
 * document, drops results that a newer edit has overtaken, and re-checks a whole Terraform module
 * when one of its files changes.
 */
import * as vscode from 'vscode';
import type { Engine, EngineLintResult } from '../core/engine/api';
import type { Finding } from '../core/findings/types';
import { toDiagnostic } from './diagnostics';
import { toEnginePath, toUri } from './vscode-host';
import type { EngineProvider } from './engine-provider';
import type { ResultStore } from './result-store';

const LINTABLE = /(\.tf|\.tf\.json|\.tfvars|\.tfvars\.json|\.ya?ml|\.json|\.jsonc|\.properties|\.conf|(^|\/)\.env(\.[^/]*)?|\.env)$/i;
const TERRAFORM = /\.(tf|tf\.json|tfvars|tfvars\.json)$/i;
const MANIFEST_KINDS = new Set(['kubernetes', 'helm-template']);

export function isLintable(document: vscode.TextDocument): boolean {
  if (document.uri.scheme !== 'file' && document.uri.scheme !== 'vscode-remote' && document.uri.scheme !== 'untitled') return false;
  return LINTABLE.test(document.uri.path);
}

export interface LintListener {
  (result: EngineLintResult, trigger: vscode.Uri): void;
}

export class LintController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('enisa-health');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generation = new Map<string, number>();
  /** Findings currently shown, by engine path, for code actions and hovers. */
  readonly findings = new Map<string, Finding[]>();
  /** Files whose diagnostics come from a workspace scan and stay after their editor closes. */
  readonly scanned = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly listeners: LintListener[] = [];
  /** Per file, the document version the shown diagnostics (and their fixes) were computed from. */
  private readonly lintedVersions = new Map<string, number>();
  /** Time from the last edit to published diagnostics, for the status bar and tests. */
  lastLatencyMs = 0;

  constructor(
    private readonly engines: EngineProvider,
    private readonly delayMs: () => number,
    private readonly onType: () => boolean,
    readonly store: ResultStore,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.onType()) this.schedule(e.document, this.delayMs(), true);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.schedule(d, 0, true)),
      vscode.workspace.onDidCloseTextDocument((d) => this.closed(d.uri)),
      // Documents outlive their editors for a while; the user closing the last tab is what counts.
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        for (const tab of event.closed) {
          if (tab.input instanceof vscode.TabInputText && !this.isShownInTab(tab.input.uri)) this.closed(tab.input.uri);
        }
      }),
    );
  }

  onResult(listener: LintListener): void {
    this.listeners.push(listener);
  }

  lintOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /** The key runs are cancelled by: a Terraform module is linted as one. */
  private keyOf(document: vscode.TextDocument): string {
    const path = toEnginePath(document.uri);
    return TERRAFORM.test(path) ? path.slice(0, path.lastIndexOf('/')) : path;
  }

  /**
   * `siblings` (after an edit): once a Kubernetes manifest is linted, re-lint the open manifests of
   * its folder too, since their cross-file checks read it.
   */
  schedule(document: vscode.TextDocument, delay: number, siblings = false): void {
    if (!isLintable(document)) return;
    const key = this.keyOf(document);
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    const editedAt = Date.now();
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.lint(document, key, editedAt, siblings);
      }, delay),
    );
  }

  private async lint(document: vscode.TextDocument, key: string, editedAt: number, siblings: boolean): Promise<void> {
    const run = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, run);
    const engine: Engine | undefined = await this.engines.engineFor(document.uri);
    if (!engine) return;
    const path = toEnginePath(document.uri);
    const overlays = new Map<string, string>();
    for (const open of vscode.workspace.textDocuments) {
      if (open.isDirty || open === document) overlays.set(toEnginePath(open.uri), open.getText());
    }
    const versions = this.openVersions();
    let result: EngineLintResult;
    try {
      result = await engine.lint([path], { overlays, varFiles: this.engines.varFilesFor(document.uri) });
    } catch (error) {
      this.engines.log(`Linting ${path} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return;
    }
    // A newer edit started another run: its result replaces this one.
    if (this.generation.get(key) !== run) return;
    this.publish(result, document.uri, versions);
    this.lastLatencyMs = Date.now() - editedAt;
    for (const listener of this.listeners) listener(result, document.uri);
    if (siblings && result.files.some((f) => f.file === path && MANIFEST_KINDS.has(f.kind))) this.relintSiblings(path);
  }

  /** Open manifests of the same folder; they are re-linted without cascading further. */
  private relintSiblings(path: string): void {
    const folder = path.slice(0, path.lastIndexOf('/') + 1);
    for (const open of vscode.workspace.textDocuments) {
      const other = toEnginePath(open.uri);
      if (other !== path && other.startsWith(folder) && !other.slice(folder.length).includes('/') && !TERRAFORM.test(other)) this.schedule(open, 0, false);
    }
  }

  /** The versions of the open documents now, to be taken before a run reads them. */
  openVersions(): Map<string, number> {
    return new Map(vscode.workspace.textDocuments.map((d) => [toEnginePath(d.uri), d.version]));
  }

  /** Whether the findings shown for the document were computed from its current text. */
  isFresh(document: vscode.TextDocument): boolean {
    return this.lintedVersions.get(toEnginePath(document.uri)) === document.version;
  }

  publish(result: EngineLintResult, like?: vscode.Uri, versions?: ReadonlyMap<string, number>): void {
    for (const file of result.files) {
      const version = versions?.get(file.file);
      if (version === undefined) this.lintedVersions.delete(file.file);
      else this.lintedVersions.set(file.file, version);
    }
    const byFile = new Map<string, Finding[]>();
    for (const file of result.files) byFile.set(file.file, []);
    for (const finding of result.findings) {
      const list = byFile.get(finding.file) ?? [];
      list.push(finding);
      byFile.set(finding.file, list);
    }
    for (const [file, findings] of byFile) {
      this.findings.set(file, findings);
      this.collection.set(toUri(file, like), findings.map((f) => toDiagnostic(f, like)));
    }
    this.store.update(result);
    for (const e of result.internalErrors) this.engines.log(`Rule ${e.ruleId} failed on ${e.file}: ${e.message}`);
  }

  private isShownInTab(uri: vscode.Uri): boolean {
    return vscode.window.tabGroups.all.some((group) =>
      group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()),
    );
  }

  private closed(uri: vscode.Uri): void {
    const path = toEnginePath(uri);
    if (this.scanned.has(path)) return;
    this.collection.delete(uri);
    this.findings.delete(path);
    this.lintedVersions.delete(path);
    this.store.remove(path);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
    this.collection.dispose();
  }
}
