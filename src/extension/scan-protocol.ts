/**
 * Messages between the extension host and the workspace-scan worker (`scan-worker.ts`). Plain
 * data only: they cross the thread boundary by structured clone.
 *
 *   worker → host: `ready` once its modules have loaded (a failure before it means "could not start")
 *   host → worker: `scan` once, then `cancel` at any time
 *   worker → host: any number of `progress`, then exactly one `result` or `failed`
 */
import type { EngineConfig } from '../core/config/types';
import type { EngineLintResult } from '../core/engine/api';

export interface ScanRequest {
  type: 'scan';
  /** Engine paths (`/`-separated, absolute) of files or folders; folders are walked like the CLI does. */
  paths: string[];
  config?: EngineConfig;
  configDir?: string;
  trusted?: boolean;
  varFiles?: string[];
  /** Unsaved editor buffers, by engine path. */
  overlays?: Array<[string, string]>;
  today?: string;
  /**
   * One Int32 over a SharedArrayBuffer that the host sets to 1 on cancel. The worker reads files
   * synchronously, so its event loop (and a `cancel` message) is not served until the scan ends;
   * the engine checks this flag between files instead.
   */
  cancelFlag?: Int32Array;
}

export interface CancelRequest {
  type: 'cancel';
}

export type HostMessage = ScanRequest | CancelRequest;

export interface ReadyMessage {
  type: 'ready';
}

export interface ProgressMessage {
  type: 'progress';
  done: number;
  total: number;
}

export interface ResultMessage {
  type: 'result';
  result: EngineLintResult;
}

export interface FailedMessage {
  type: 'failed';
  message: string;
}

export type WorkerMessage = ReadyMessage | ProgressMessage | ResultMessage | FailedMessage;

/** Progress is posted at most this often, so a fast scan does not flood the host's event loop. */
export const PROGRESS_INTERVAL_MS = 100;
