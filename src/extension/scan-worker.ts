/**
 * The workspace-scan worker (bundled to dist/scan-worker.js): runs the engine on a
 * `worker_threads` thread with a Node file host, so a scan of thousands of files never blocks the
 * extension host's main thread. It reads files; it runs no code from the workspace and opens no
 * connection. Protocol: `./scan-protocol.ts`.
 */
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { createEngine } from '../core/engine/engine';
import type { EngineLintResult } from '../core/engine/api';
import { NodeFileHost, toPosixPath } from '../cli/node-host';
import { collectFiles } from '../cli/walk/walker';
import { PROGRESS_INTERVAL_MS, type HostMessage, type ScanRequest, type WorkerMessage } from './scan-protocol';

const port = parentPort;
const cancellation = {
  byMessage: false,
  flag: undefined as Int32Array | undefined,
  get aborted(): boolean {
    return this.byMessage || (this.flag !== undefined && Atomics.load(this.flag, 0) === 1);
  },
};
let started = false;

function post(message: WorkerMessage): void {
  port?.postMessage(message);
}

/** Files stay as given; folders are walked with .gitignore honoured and each real folder entered once. */
async function expand(paths: string[], request: ScanRequest): Promise<string[]> {
  const files: string[] = [];
  const folders: string[] = [];
  for (const p of paths) {
    const stats = await stat(p).catch(() => undefined);
    if (stats?.isDirectory()) folders.push(p);
    else files.push(p);
  }
  if (folders.length > 0) {
    const walk = await collectFiles(folders.map((f) => path.resolve(f)), {
      filter: { include: [], exclude: [] },
      ignorePaths: request.config?.ignorePaths ?? [],
      configDir: request.configDir,
    });
    files.push(...walk.files.map(toPosixPath));
  }
  return files;
}

async function scan(request: ScanRequest): Promise<EngineLintResult> {
  const engine = createEngine({
    host: new NodeFileHost(path.parse(process.cwd()).root),
    config: request.config,
    configDir: request.configDir,
    trusted: request.trusted,
    today: request.today,
  });
  const files = await expand(request.paths, request);
  let lastPost = 0;
  return engine.lint(files, {
    overlays: request.overlays ? new Map(request.overlays) : undefined,
    varFiles: request.varFiles,
    signal: cancellation,
    onProgress: (done, total) => {
      const now = Date.now();
      if (done < total && now - lastPost < PROGRESS_INTERVAL_MS) return;
      lastPost = now;
      post({ type: 'progress', done, total });
    },
  });
}

port?.on('message', (message: HostMessage) => {
  if (message.type === 'cancel') {
    cancellation.byMessage = true;
    return;
  }
  if (message.type !== 'scan' || started) return;
  started = true;
  cancellation.flag = message.cancelFlag;
  scan(message).then(
    (result) => post({ type: 'result', result }),
    (error: unknown) => post({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});

// Only now are the engine's modules loaded: the host tells a worker that could not start from one
// that failed while scanning by whether this arrived.
post({ type: 'ready' });
