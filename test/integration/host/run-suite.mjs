// Runs one suite end to end: a fresh copy of its workspace, a fresh code-server, a fresh
// Chromium; prints the forwarded test output; tears everything down whatever happens.
import { existsSync } from 'node:fs';
import { runTestsInBrowser, workbenchUrl } from './browser-run.mjs';
import { startCodeServer } from './code-server.mjs';
import { MochaSummaryCollector } from './mocha-summary.mjs';
import { registerCleanup } from './cleanup.mjs';
import { TestHostError } from './install.mjs';
import { copyWorkspace } from './workspace-copy.mjs';
import { extensionHostLogExcerpt } from './extension-host-logs.mjs';

// The workbench forwards its own log too; these lines are known chatter (and, offline, failed
// gallery look-ups) that would bury the test report. --verbose shows them.
const WORKBENCH_NOISE = [
  /ENOTFOUND/,
  /getaddrinfo/,
  /marketplace|gallery/i,
  /Failed to fetch/,
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /^ChatSessionStore:/,
  /^Creation of workbench contribution/,
  /^\[Service Worker\]/,
];

/**
 * @param {object} options
 * @param {{ chromiumPath: string, codeServerEntry: string }} options.host   from ensureTestHost()
 * @param {string} options.name
 * @param {string} options.workspace            folder to copy and open
 * @param {string} options.extensionDevelopmentPath
 * @param {string} options.extensionTestsPath   compiled test entry exporting run()
 * @param {boolean} [options.trusted=true]
 * @param {number} options.timeoutMs
 * @param {string} [options.extensionsDir]      installed extensions to load (defaults to an empty folder)
 * @param {string} [options.screenshotDir]    where `[screenshot] NAME` log lines save the page
 * @param {boolean} [options.verbose]           also print the workbench's noise and code-server's log
 * @returns {Promise<{ name: string, ok: boolean, passing: number, failing: number, pending: number, durationMs: number, error?: string }>}
 */
export async function runSuite(options) {
  const { host, name, workspace, extensionDevelopmentPath, extensionTestsPath, trusted = true, timeoutMs, extensionsDir, screenshotDir, verbose = false } = options;
  const started = Date.now();
  const summary = new MochaSummaryCollector();
  const result = (fields) => ({ name, passing: summary.passing, failing: summary.failing, pending: summary.pending, durationMs: Date.now() - started, ...fields });

  if (!existsSync(extensionTestsPath)) {
    return result({ ok: false, error: `compiled test entry ${extensionTestsPath} is missing; run \`node scripts/build.mjs --tests\` first` });
  }
  if (!existsSync(workspace)) return result({ ok: false, error: `workspace folder ${workspace} does not exist` });

  let server;
  let workspaceCopy;
  const teardown = async () => {
    await server?.stop();
    workspaceCopy?.remove();
  };
  const unregister = registerCleanup(teardown);
  try {
    workspaceCopy = copyWorkspace(workspace, name);
    server = await startCodeServer({
      codeServerEntry: host.codeServerEntry,
      trusted,
      extensionsDir,
      onLog: verbose ? (line) => console.log(`[code-server] ${line}`) : undefined,
    });
    const serverDied = new AbortController();
    server.exited.then(({ code, signal }) =>
      serverDied.abort(new TestHostError(`code-server exited during the run (code ${code}, signal ${signal}):\n${server.logText().slice(-4000)}`)),
    );
    const exitCode = await runTestsInBrowser({
      chromiumPath: host.chromiumPath,
      url: workbenchUrl({ origin: server.origin, workspace: workspaceCopy.path, extensionDevelopmentPath, extensionTestsPath }),
      timeoutMs,
      screenshotDir,
      signal: serverDied.signal,
      onLog: (type, text) => {
        summary.push(`${text}\n`);
        if (!verbose && WORKBENCH_NOISE.some((pattern) => pattern.test(text))) return;
        (type === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
      },
    });
    summary.end();
    if (exitCode !== 0) return result({ ok: false, error: `tests reported exit code ${exitCode}${logsOf(server)}` });
    if (summary.runs === 0) return result({ ok: false, error: 'the suite finished without a mocha summary: did its run() execute any test?' });
    return result({ ok: summary.failing === 0 });
  } catch (error) {
    const serverLog = server && !verbose ? `\n--- code-server log (last lines) ---\n${server.logText().slice(-3000)}` : '';
    return result({ ok: false, error: `${error.message}${serverLog}${server ? logsOf(server) : ''}` });
  } finally {
    unregister();
    await teardown();
  }
}

/** The extension host's log excerpt, read before teardown deletes the user-data folder. */
function logsOf(server) {
  const excerpt = extensionHostLogExcerpt(server.userDataDir);
  return excerpt ? `\n${excerpt}` : '';
}
