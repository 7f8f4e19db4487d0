/**
 * One engine per workspace folder, configured from its `.enisa-health.yaml`. Workspace rule folders
 * and the configuration file are only honoured in trusted workspaces.
 */
import * as vscode from 'vscode';
import type { Engine } from '../core/engine/api';
import { createEngine } from '../core/engine/engine';
import { loadConfigText, defaultConfig, type EngineConfig } from '../core/config';
import { decodeText } from '../core/text/decode';
import { VscodeFileHost, toEnginePath } from './vscode-host';

export const CONFIG_FILE = '.enisa-health.yaml';

export class EngineProvider implements vscode.Disposable {
  private readonly engines = new Map<string, Promise<Engine>>();
  private readonly varFiles = new Map<string, string[]>();
  readonly output = vscode.window.createOutputChannel('ENISA Health Cloud Lint');
  private readonly disposables: vscode.Disposable[] = [];
  readonly configErrors = new vscode.EventEmitter<{ folder: vscode.Uri; errors: string[] }>();

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`);
    const reset = () => this.reset();
    this.disposables.push(
      watcher,
      watcher.onDidChange(reset),
      watcher.onDidCreate(reset),
      watcher.onDidDelete(reset),
      vscode.workspace.onDidGrantWorkspaceTrust(reset),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('enisaHealth')) reset();
      }),
    );
  }

  log(message: string): void {
    this.output.appendLine(`[${new Date().toISOString()}] ${message}`);
  }

  reset(): void {
    this.engines.clear();
  }

  setVarFiles(folder: vscode.Uri, files: string[]): void {
    this.varFiles.set(folder.toString(), files);
  }

  varFilesFor(uri: vscode.Uri): string[] | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.varFiles.get(folder.uri.toString()) : undefined;
  }

  engineFor(uri: vscode.Uri): Promise<Engine> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? '(no folder)';
    let engine = this.engines.get(key);
    if (!engine) {
      engine = this.create(folder);
      this.engines.set(key, engine);
    }
    return engine;
  }

  /** Settings from VS Code, overridden by `.enisa-health.yaml` when the workspace is trusted. */
  private async configFor(folder: vscode.WorkspaceFolder | undefined): Promise<EngineConfig> {
    const base = defaultConfig();
    const settings = vscode.workspace.getConfiguration('enisaHealth', folder?.uri);
    const regions = settings.get<string[]>('allowedRegions');
    if (regions && regions.length) base.allowedRegions = regions;
    const tagNames = settings.get<string[]>('dataClassificationTags');
    if (tagNames && tagNames.length) base.dataClassification.tagNames = tagNames;
    const excluded = settings.get<string[]>('excludePaths');
    if (excluded) base.ignorePaths = excluded;
    const severities = settings.get<Record<string, string>>('ruleSeverities') ?? {};
    for (const [id, value] of Object.entries(severities)) {
      if (value === 'off') base.rules[id] = { enabled: false };
      else if (value === 'error' || value === 'warning' || value === 'info') base.rules[id] = { severity: value };
    }
    if (!folder) return base;
    if (!vscode.workspace.isTrusted) {
      this.log(`Workspace is not trusted: ${CONFIG_FILE} and workspace rule folders are ignored until you trust it; built-in rules still run.`);
      return base;
    }
    const configUri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(configUri);
    } catch {
      return base;
    }
    const loaded = loadConfigText(decodeText(bytes).text, CONFIG_FILE);
    if (!loaded.config) {
      const errors = loaded.errors.map((e) => `${e.message} (line ${e.line}, column ${e.column})`);
      for (const e of errors) this.log(e);
      this.configErrors.fire({ folder: folder.uri, errors });
      return base;
    }
    return loaded.config;
  }

  private async create(folder: vscode.WorkspaceFolder | undefined): Promise<Engine> {
    const config = await this.configFor(folder);
    return createEngine({
      host: new VscodeFileHost(folder?.uri),
      config,
      configDir: folder ? toEnginePath(folder.uri) : undefined,
      trusted: vscode.workspace.isTrusted,
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.output.dispose();
    this.configErrors.dispose();
  }
}
