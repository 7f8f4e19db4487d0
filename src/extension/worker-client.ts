/**
 * Runs a workspace scan on a worker thread (dist/scan-worker.js) so the extension host stays
 * responsive. The Scan Workspace command calls `scanInWorker` with the same inputs it would give
 * `engine.lint`; the result is the engine's, or `cancelled: true` when the token fired. Only for
 * folders on the local disk: the worker reads files with Node, not through VS Code's file system.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EngineConfig } from '../core/config/types';
import type { EngineLintResult } from '../core/engine/api';
import type { HostMessage, WorkerMessage } from './scan-protocol';

export interface WorkerScanOptions {
  config?: EngineConfig;
  /** Folder of `.enisa-health.yaml`, as an engine path. */
  configDir?: string;
  /** False in Restricted Mode: workspace rule folders are ignored. */
  trusted?: boolean;
  varFiles?: string[];
  /** Unsaved editor buffers by engine path. */
  overlays?: ReadonlyMap<string, string>;
  /** Fixed "today" for waiver expiry (tests). */
  today?: string;
  /** The worker script; defaults to scan-worker.js next to this file (dist/ in the bundle). */
  workerScript?: string;
  /** Heap limit of the worker in MB: a runaway scan then dies alone instead of with the editor. */
  maxMemoryMb?: number;
  /** How long a cancelled worker may take to return its partial result before it is stopped. */
  cancelGraceMs?: number;
}

/** The subset of `vscode.CancellationToken` used here, so this module needs no `vscode`. */
export interface CancellationLike {
  readonly isCancellationRequested: boolean;
  onCancellationRequested?(listener: () => void): { dispose(): void };
}

const DEFAULT_CANCEL_GRACE_MS = 2_000;

function emptyResult(cancelled: boolean): EngineLintResult {
  return { files: [], findings: [], suppressed: [], passes: [], internalErrors: [], cancelled };
}

/**
 * Lints `paths` (files, or folders walked like the CLI walks them) on a fresh worker. Resolves
 * with the engine's result; rejects only when the worker itself fails (it could not start, ran out
 * of memory, or the engine threw), so the caller can fall back to linting in-process.
 */
export function scanInWorker(
  paths: string[],
  options: WorkerScanOptions = {},
  onProgress?: (done: number, total: number) => void,
  token?: CancellationLike,
): Promise<EngineLintResult> {
  if (token?.isCancellationRequested) return Promise.resolve(emptyResult(true));
  return new Promise<EngineLintResult>((resolve, reject) => {
    const script = options.workerScript ?? path.join(__dirname, 'scan-worker.js');
    let worker: Worker;
    try {
      worker = new Worker(script, { resourceLimits: options.maxMemoryMb ? { maxOldGenerationSizeMb: options.maxMemoryMb } : undefined });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    let settled = false;
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    const subscription = token?.onCancellationRequested?.(() => cancel());
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      subscription?.dispose();
      if (graceTimer) clearTimeout(graceTimer);
      void worker.terminate();
      outcome();
    };
    const cancel = () => {
      if (settled || graceTimer) return;
      worker.postMessage({ type: 'cancel' } satisfies HostMessage);
      // The engine stops between files; a single huge file could still take a while.
      graceTimer = setTimeout(() => finish(() => resolve(emptyResult(true))), options.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS);
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.done, message.total);
      else if (message.type === 'result') finish(() => resolve(message.result));
      else if (message.type === 'failed') finish(() => reject(new Error(`the scan worker failed: ${message.message}`)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => (graceTimer ? resolve(emptyResult(true)) : reject(new Error(`the scan worker stopped unexpectedly (exit code ${code})`)))));
    worker.postMessage({
      type: 'scan',
      paths,
      config: options.config,
      configDir: options.configDir,
      trusted: options.trusted,
      varFiles: options.varFiles,
      overlays: options.overlays ? [...options.overlays] : undefined,
      today: options.today,
    } satisfies HostMessage);
    // A token without an event (a plain object) is polled.
    if (token && !token.onCancellationRequested) {
      const poll = setInterval(() => {
        if (settled) clearInterval(poll);
        else if (token.isCancellationRequested) {
          clearInterval(poll);
          cancel();
        }
      }, 50);
    }
  });
}
