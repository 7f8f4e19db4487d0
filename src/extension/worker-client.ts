/**
 * Runs a workspace scan on a worker thread (dist/scan-worker.js) so the extension host stays
 * responsive. The Scan Workspace command calls `scanInWorker` with the same inputs it would give
 * `engine.lint`; the result is the engine's, or `cancelled: true` when the token fired. Only for
 * folders on the local disk: the worker reads files with Node, not through VS Code's file system.
 */
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
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

/**
 * The worker never got to run the scan: no `worker_threads` on this host, the script is missing, or
 * it failed while loading. Nothing was linted, so linting in-process instead is safe. A worker that
 * fails later (out of memory on some input, say) rejects with a plain `Error`: repeating that run on
 * the extension host's main thread could take the editor down with it.
 */
export class WorkerStartError extends Error {
  constructor(reason: string) {
    super(`the scan worker could not start: ${reason}`);
    this.name = 'WorkerStartError';
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Loaded on first use, so a host without `worker_threads` still activates the extension. */
function loadWorkerClass(): typeof Worker {
  return (require('node:worker_threads') as typeof import('node:worker_threads')).Worker;
}

function emptyResult(cancelled: boolean): EngineLintResult {
  return { files: [], findings: [], suppressed: [], passes: [], internalErrors: [], cancelled };
}

/**
 * Lints `paths` (files, or folders walked like the CLI walks them) on a fresh worker. Resolves
 * with the engine's result; rejects only when the worker itself fails: with `WorkerStartError`
 * when it could not start (the caller may lint in-process instead), with an `Error` when it died
 * or the engine threw during the scan.
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
      const WorkerClass = loadWorkerClass();
      worker = new WorkerClass(script, { resourceLimits: options.maxMemoryMb ? { maxOldGenerationSizeMb: options.maxMemoryMb } : undefined });
    } catch (error) {
      reject(new WorkerStartError(reasonOf(error)));
      return;
    }
    let ready = false;
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
    const cancelFlag = typeof SharedArrayBuffer === 'function' ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
    const cancel = () => {
      if (settled || graceTimer) return;
      if (cancelFlag) Atomics.store(cancelFlag, 0, 1);
      worker.postMessage({ type: 'cancel' } satisfies HostMessage);
      // The engine stops between files; a single huge file could still take a while.
      graceTimer = setTimeout(() => finish(() => resolve(emptyResult(true))), options.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS);
    };
    const failure = (reason: string): Error => (ready ? new Error(`the scan worker failed: ${reason}`) : new WorkerStartError(reason));
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') ready = true;
      else if (message.type === 'progress') onProgress?.(message.done, message.total);
      else if (message.type === 'result') finish(() => resolve(message.result));
      else if (message.type === 'failed') finish(() => reject(failure(message.message)));
    });
    worker.on('error', (error) => finish(() => reject(failure(reasonOf(error)))));
    worker.on('exit', (code) => finish(() => (graceTimer ? resolve(emptyResult(true)) : reject(failure(`it stopped unexpectedly (exit code ${code})`)))));
    worker.postMessage({
      type: 'scan',
      paths,
      config: options.config,
      configDir: options.configDir,
      trusted: options.trusted,
      varFiles: options.varFiles,
      overlays: options.overlays ? [...options.overlays] : undefined,
      today: options.today,
      cancelFlag,
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
