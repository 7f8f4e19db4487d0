/**
 * "Scan Workspace": lints every candidate file of every folder with one engine run per folder
 * (as the CLI does, so the numbers match), behind a cancellable progress notification. Scanned
 * files keep their diagnostics after their editors close.
 */
import * as vscode from 'vscode';
import type { EngineLintResult } from '../core/engine/api';
import type { EngineProvider } from './engine-provider';
import type { LintController } from './lint-controller';
import { toEnginePath } from './vscode-host';
import { findWorkspaceFiles } from './workspace-files';

export interface ScanOutcome {
  files: number;
  findings: number;
  cancelled: boolean;
  durationMs: number;
}

export async function scanFolder(
  folder: vscode.WorkspaceFolder,
  engines: EngineProvider,
  controller: LintController,
  token: vscode.CancellationToken,
  onProgress: (done: number, total: number) => void,
): Promise<EngineLintResult | undefined> {
  const uris = await findWorkspaceFiles(folder, token);
  if (token.isCancellationRequested) return undefined;
  const engine = await engines.engineFor(folder.uri);
  const overlays = new Map<string, string>();
  for (const open of vscode.workspace.textDocuments) if (open.isDirty) overlays.set(toEnginePath(open.uri), open.getText());
  const paths = uris.map(toEnginePath);
  const versions = controller.openVersions();
  const result = await engine.lint(paths, {
    overlays,
    varFiles: engines.varFilesFor(folder.uri),
    signal: { get aborted() { return token.isCancellationRequested; } },
    onProgress,
  });
  for (const path of paths) controller.scanned.add(path);
  for (const file of result.files) controller.scanned.add(file.file);
  controller.publish(result, folder.uri, versions);
  return result;
}

export async function scanWorkspace(engines: EngineProvider, controller: LintController, showProgress = true): Promise<ScanOutcome> {
  const started = Date.now();
  const folders = vscode.workspace.workspaceFolders ?? [];
  const run = async (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<ScanOutcome> => {
    let files = 0;
    let findings = 0;
    let cancelled = false;
    for (const folder of folders) {
      let last = 0;
      const result = await scanFolder(folder, engines, controller, token, (done, total) => {
        const share = (100 / folders.length) * (done / Math.max(total, 1));
        progress.report({ message: `${folder.name}: ${done}/${total} files`, increment: share - last });
        last = share;
      });
      if (!result || result.cancelled) {
        cancelled = true;
        break;
      }
      files += result.files.length;
      findings += result.findings.length;
    }
    return { files, findings, cancelled, durationMs: Date.now() - started };
  };
  if (!showProgress) return run({ report: () => undefined }, new vscode.CancellationTokenSource().token);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'ENISA Health: scanning the workspace', cancellable: true },
    (progress, token) => run(progress, token),
  );
}
