/**
 * "Scan Workspace": lints every candidate file of every folder with one engine run per folder
 * (as the CLI does, so the numbers match), behind a cancellable progress notification. The run
 * happens on a worker thread so the extension host stays responsive; folders the worker cannot
 * read (not on the local disk) and hosts where it cannot start are linted in-process instead.
 * Scanned files keep their diagnostics after their editors close.
 */
import * as vscode from 'vscode';
import type { EngineLintResult } from '../core/engine/api';
import type { EngineProvider } from './engine-provider';
import type { LintController } from './lint-controller';
import { toEnginePath } from './vscode-host';
import { scanInWorker, WorkerStartError } from './worker-client';
import { findWorkspaceFiles } from './workspace-files';

export type ScanThread = 'worker' | 'extension-host';

export interface ScanOutcome {
  files: number;
  findings: number;
  cancelled: boolean;
  durationMs: number;
  /** `worker` when every folder was linted on the worker thread. */
  ranOn: ScanThread;
  /** Set when the scan stopped because the worker failed (the message is also in the output channel). */
  failed?: string;
  /** Where the time went, summed over the folders: finding the files, linting them, showing the results. */
  phasesMs: ScanPhases;
}

export interface ScanPhases {
  listing: number;
  linting: number;
  publishing: number;
}

export interface ScanRequest {
  /** Show the cancellable progress notification (the command does; background refreshes do not). */
  showProgress?: boolean;
  /** Cancels the scan too, besides the notification's Cancel button (other commands, tests). */
  token?: vscode.CancellationToken;
  /** Told what the notification is told: files linted so far in the folder being scanned. */
  onProgress?: (done: number, total: number, folder: string) => void;
}

interface FolderScan {
  result: EngineLintResult;
  ranOn: ScanThread;
  phasesMs: ScanPhases;
}

/** Heap of the scan worker: a pathological input then ends the worker, not the extension host. */
const WORKER_MAX_MEMORY_MB = 4_096;

export class WorkspaceScanner {
  /** Kinds of fallback to the extension host already explained in the output channel. */
  private readonly notedFallbacks = new Set<string>();

  constructor(
    private readonly engines: EngineProvider,
    private readonly controller: LintController,
    /** How a folder is linted on a worker; replaced in tests to stand for a host without workers. */
    private readonly runOnWorker: typeof scanInWorker = scanInWorker,
  ) {}

  async scan(request: ScanRequest = {}): Promise<ScanOutcome> {
    const started = Date.now();
    const folders = vscode.workspace.workspaceFolders ?? [];
    const run = async (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<ScanOutcome> => {
      const outcome: ScanOutcome = { files: 0, findings: 0, cancelled: false, durationMs: 0, ranOn: 'worker', phasesMs: { listing: 0, linting: 0, publishing: 0 } };
      for (const folder of folders) {
        let last = 0;
        const onProgress = (done: number, total: number) => {
          const share = (100 / folders.length) * (done / Math.max(total, 1));
          progress.report({ message: `${folder.name}: ${done}/${total} files`, increment: share - last });
          last = share;
          request.onProgress?.(done, total, folder.name);
        };
        let scanned: FolderScan | undefined;
        try {
          scanned = await this.scanFolder(folder, token, onProgress);
        } catch (error) {
          // Not retried in-process: whatever broke the worker would hit the editor's own thread.
          const message = `Scan Workspace stopped in ${folder.name}: ${error instanceof Error ? error.message : String(error)}`;
          this.engines.log(message);
          // The first line names the failure; the worker's stack trace stays in the output channel.
          outcome.failed = message.split('\n')[0];
          void vscode.window.showErrorMessage(`ENISA Health: ${outcome.failed} See the "ENISA Health Cloud Lint" output for details.`);
          break;
        }
        if (scanned?.ranOn === 'extension-host') outcome.ranOn = 'extension-host';
        for (const phase of ['listing', 'linting', 'publishing'] as const) outcome.phasesMs[phase] += scanned?.phasesMs[phase] ?? 0;
        // A cancelled folder still counts what it linted before it stopped (and published it).
        outcome.files += scanned?.result.files.length ?? 0;
        outcome.findings += scanned?.result.findings.length ?? 0;
        if (!scanned || scanned.result.cancelled) {
          outcome.cancelled = true;
          break;
        }
      }
      outcome.durationMs = Date.now() - started;
      this.engines.log(`Scan Workspace: ${outcome.files} files, ${outcome.findings} findings in ${outcome.durationMs} ms on the ${outcome.ranOn === 'worker' ? 'scan worker thread' : 'extension host'}${outcome.cancelled ? ' (cancelled)' : ''}.`);
      return outcome;
    };
    if (!request.showProgress) return run({ report: () => undefined }, request.token ?? new vscode.CancellationTokenSource().token);
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'ENISA Health: scanning the workspace', cancellable: true },
      async (progress, token) => {
        const combined = either(token, request.token);
        try {
          return await run(progress, combined.token);
        } finally {
          combined.dispose();
        }
      },
    );
  }

  private async scanFolder(folder: vscode.WorkspaceFolder, token: vscode.CancellationToken, onProgress: (done: number, total: number) => void): Promise<FolderScan | undefined> {
    const listing = Date.now();
    const uris = await findWorkspaceFiles(folder, token);
    if (token.isCancellationRequested) return undefined;
    const overlays = new Map<string, string>();
    for (const open of vscode.workspace.textDocuments) if (open.isDirty) overlays.set(toEnginePath(open.uri), open.getText());
    const paths = uris.map(toEnginePath);
    const versions = this.controller.openVersions();
    const varFiles = this.engines.varFilesFor(folder.uri);
    const linting = Date.now();
    const scanned = await this.lintOnWorker(folder, paths, overlays, varFiles, token, onProgress);
    const ranOn: ScanThread = scanned ? 'worker' : 'extension-host';
    const result =
      scanned ??
      (await (await this.engines.engineFor(folder.uri)).lint(paths, {
        overlays,
        varFiles,
        signal: { get aborted() { return token.isCancellationRequested; } },
        onProgress,
      }));
    const publishing = Date.now();
    // A cancelled scan keeps diagnostics after close only for the files it did lint.
    if (!result.cancelled) for (const path of paths) this.controller.scanned.add(path);
    for (const file of result.files) this.controller.scanned.add(file.file);
    this.controller.publish(result, folder.uri, versions);
    const phasesMs = { listing: linting - listing, linting: publishing - linting, publishing: Date.now() - publishing };
    this.engines.log(
      `Scan Workspace, ${folder.name}: ${paths.length} files listed in ${phasesMs.listing} ms; ${result.files.length} linted in ${phasesMs.linting} ms on the ${ranOn === 'worker' ? 'scan worker thread' : 'extension host'}; results shown in ${phasesMs.publishing} ms.`,
    );
    return { result, ranOn, phasesMs };
  }

  /** The folder's result from the worker, or undefined when it has to be linted in-process. */
  private async lintOnWorker(
    folder: vscode.WorkspaceFolder,
    paths: string[],
    overlays: ReadonlyMap<string, string>,
    varFiles: string[] | undefined,
    token: vscode.CancellationToken,
    onProgress: (done: number, total: number) => void,
  ): Promise<EngineLintResult | undefined> {
    if (folder.uri.scheme !== 'file') {
      this.noteFallback('not-on-disk', `${folder.name} is not on the local disk (${folder.uri.scheme}:), so Scan Workspace lints it on the extension host.`);
      return undefined;
    }
    // The engine provider builds the folder's engine from these (settings, `.enisa-health.yaml`,
    // trust); the worker's engine is created from the very same values.
    const config = await this.engines.configOf(folder.uri);
    try {
      return await this.runOnWorker(
        paths,
        { config, configDir: toEnginePath(folder.uri), trusted: vscode.workspace.isTrusted, varFiles, overlays, maxMemoryMb: WORKER_MAX_MEMORY_MB },
        onProgress,
        token,
      );
    } catch (error) {
      if (!(error instanceof WorkerStartError)) throw error;
      this.noteFallback('worker-start', `${error.message}; Scan Workspace runs on the extension host instead, which may pause the editor on large workspaces.`);
      return undefined;
    }
  }

  private noteFallback(kind: string, message: string): void {
    if (this.notedFallbacks.has(kind)) return;
    this.notedFallbacks.add(kind);
    this.engines.log(message);
  }
}

/** A token cancelled when either of two is; dispose it when the scan is over. */
function either(first: vscode.CancellationToken, second: vscode.CancellationToken | undefined): vscode.Disposable & { token: vscode.CancellationToken } {
  const source = new vscode.CancellationTokenSource();
  const cancel = () => source.cancel();
  const listeners = [first, ...(second ? [second] : [])].map((token) => token.onCancellationRequested(cancel));
  if (first.isCancellationRequested || second?.isCancellationRequested) cancel();
  return {
    token: source.token,
    dispose: () => {
      for (const listener of listeners) listener.dispose();
      source.dispose();
    },
  };
}
