// Starts one code-server on loopback with throw-away user-data, extensions, config and data
// folders, and resolves once it logs that its HTTP server listens.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from './free-port.mjs';
import { killProcessGroup, spawnGroupLeader } from './processes.mjs';
import { TestHostError } from './install.mjs';

const READY_LINE = /HTTP server listening on (http:\/\/\S+)/;
const PORT_TAKEN = /EADDRINUSE/;
const MAX_PORT_ATTEMPTS = 3;

/**
 * @param {object} options
 * @param {string} options.codeServerEntry  out/node/entry.js of the installed code-server
 * @param {boolean} [options.trusted=true]  false starts WITHOUT --disable-workspace-trust (restricted mode)
 * @param {string} [options.extensionsDir]  reuse this extensions folder (e.g. one a .vsix was installed into)
 * @param {number} [options.readyTimeoutMs=60000]
 * @param {(line: string) => void} [options.onLog]  every line code-server prints
 * @returns {Promise<{ origin: string, port: number, userDataDir: string, extensionsDir: string, logText: () => string, exited: Promise<{ code: number | null, signal: string | null }>, stop: () => Promise<void> }>}
 */
export async function startCodeServer(options) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options, await findFreePort());
    } catch (error) {
      // Another process may grab the port between our probe and code-server's bind.
      if (!(error instanceof PortTakenError) || attempt >= MAX_PORT_ATTEMPTS) throw error;
    }
  }
}

class PortTakenError extends TestHostError {}

async function startOnce({ codeServerEntry, trusted = true, extensionsDir, readyTimeoutMs = 60_000, onLog }, port) {
  const scratch = mkdtempSync(join(tmpdir(), 'enisa-code-server-'));
  const userDataDir = join(scratch, 'user-data');
  const ownExtensionsDir = extensionsDir ?? join(scratch, 'extensions');
  const args = [
    codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', join(scratch, 'config.yaml'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', ownExtensionsDir,
  ];
  if (trusted) args.push('--disable-workspace-trust');
  const child = spawnGroupLeader(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XDG_DATA_HOME: join(scratch, 'data'), XDG_CONFIG_HOME: join(scratch, 'config') },
  });

  let log = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const stop = async () => {
    await killProcessGroup(child);
    rmSync(scratch, { recursive: true, force: true });
  };

  try {
    const origin = await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new TestHostError(`code-server did not report listening within ${readyTimeoutMs / 1000}s`)),
        readyTimeoutMs,
      );
      const settle = (fn, value) => {
        clearTimeout(timer);
        fn(value);
      };
      let pending = '';
      const onChunk = (chunk) => {
        log += chunk;
        pending += chunk;
        const lines = pending.split('\n');
        pending = lines.pop();
        for (const line of lines) {
          onLog?.(line);
          const ready = READY_LINE.exec(line);
          if (ready) settle(resolve, ready[1].replace(/\/$/, ''));
        }
      };
      child.stdout.on('data', onChunk);
      child.stderr.on('data', onChunk);
      child.on('error', (error) => settle(reject, new TestHostError(`could not start code-server: ${error.message}`)));
      child.on('exit', (code, signal) => {
        const Failure = PORT_TAKEN.test(log) ? PortTakenError : TestHostError;
        settle(reject, new Failure(`code-server exited before it was ready (code ${code}, signal ${signal}):\n${log.slice(-4000)}`));
      });
    });
    return {
      origin,
      port,
      userDataDir,
      extensionsDir: ownExtensionsDir,
      logText: () => log,
      /** Settles when the server process ends, for whatever reason. */
      exited,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
