/**
 * One engine per workspace folder, configured from its `.enisa-health.yaml`. Workspace rule folders
 * and the configuration file are only honoured in trusted workspaces.
 */
import * as vscode from 'vscode';
import type { Engine } from '../core/engine/api';
import { createEngine } from '../core/engine/engine';
import { loadConfigText, defaultConfig, type ConfigError, type EngineConfig } from '../core/config';
import { decodeText } from '../core/text/decode';
import { VscodeFileHost, toEnginePath } from './vscode-host';

export const CONFIG_FILE = '.enisa-health.yaml';

export class EngineProvider implements vscode.Disposable {
  private readonly engines = new Map<string, Promise<Engine>>();
  private readonly varFiles = new Map<string, string[]>();
  readonly output = vscode.window.createOutputChannel('ENISA Health Cloud Lint');
  private readonly disposables: vscode.Disposable[] = [];
  /** Problems of a folder's `.enisa-health.yaml` (empty when it loaded), for diagnostics on the file. */
  readonly configErrors = new vscode.EventEmitter<{ folder: vscode.Uri; configUri: vscode.Uri; errors: ConfigError[] }>();
  /** Fired once per engine creation in an untrusted workspace whose configuration was held back. */
  readonly restricted = new vscode.EventEmitter<{ folder: vscode.Uri; ignored: string[] }>();
  private readonly configs = new Map<string, EngineConfig>();

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
    this.configs.clear();
  }

  /** The configuration the folder's engine runs with (after `engineFor` created it). */
  async configOf(uri: vscode.Uri): Promise<EngineConfig> {
    await this.engineFor(uri);
    return this.configs.get(this.keyOf(uri)) ?? defaultConfig();
  }

  async rulesFor(uri: vscode.Uri): Promise<Engine['rules']> {
    return (await this.engineFor(uri)).rules;
  }

  private keyOf(uri: vscode.Uri): string {
    return vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? '(no folder)';
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
    const key = this.keyOf(uri);
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
    const maxKb = settings.get<number>('maxFileSizeKB');
    if (typeof maxKb === 'number' && maxKb > 0) base.maxFileSizeBytes = maxKb * 1024;
    const maxDays = settings.get<number | null>('waiverMaxDays');
    if (typeof maxDays === 'number' && maxDays > 0) base.waiverPolicy.maxDays = maxDays;
    if (settings.get<boolean>('waiverRequireExpiry')) base.waiverPolicy.requireExpiry = true;
    // Rule folders come from the workspace; VS Code withholds this restricted setting's workspace
    // value in Restricted Mode, and the engine ignores the folders there too.
    const ruleFolders = settings.get<string[]>('extraRuleFolders') ?? [];
    if (ruleFolders.length && vscode.workspace.isTrusted) base.extraRuleFolders = ruleFolders;
    const severities = settings.get<Record<string, string>>('ruleSeverities') ?? {};
    for (const [id, value] of Object.entries(severities)) {
      if (value === 'off') base.rules[id] = { enabled: false };
      else if (value === 'error' || value === 'warning' || value === 'info') base.rules[id] = { severity: value };
    }
    if (!folder) return base;
    const configUri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
    let bytes: Uint8Array | undefined;
    try {
      bytes = await vscode.workspace.fs.readFile(configUri);
    } catch {
      bytes = undefined;
    }
    if (!vscode.workspace.isTrusted) {
      const ignored = [...(bytes ? [CONFIG_FILE] : []), ...(settings.get<string[]>('extraRuleFolders')?.length ? ['enisaHealth.extraRuleFolders'] : [])];
      this.log(`Workspace is not trusted: ${CONFIG_FILE} and workspace rule folders are ignored until you trust it; built-in rules still run.`);
      this.restricted.fire({ folder: folder.uri, ignored });
      return base;
    }
    if (!bytes) {
      this.configErrors.fire({ folder: folder.uri, configUri, errors: [] });
      return base;
    }
    const loaded = loadConfigText(decodeText(bytes).text, CONFIG_FILE);
    this.configErrors.fire({ folder: folder.uri, configUri, errors: loaded.errors });
    if (!loaded.config) {
      for (const e of loaded.errors) this.log(`${e.message} (line ${e.line}, column ${e.column})`);
      return base;
    }
    return loaded.config;
  }

  private async create(folder: vscode.WorkspaceFolder | undefined): Promise<Engine> {
    const config = await this.configFor(folder);
    this.configs.set(folder?.uri.toString() ?? '(no folder)', config);
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
    this.restricted.dispose();
  }
}
