#!/usr/bin/env node
// Runs the integration suites inside a real VS Code (code-server's bundled VS Code, driven by
// headless Chromium), offline, then the packaged-.vsix smoke test.
//   node test/integration/run-server.mjs [--suite NAME]... [--no-vsix] [--verbose]
// `--suite vsix` runs only the .vsix smoke test. Expects `node scripts/build.mjs --tests` to have run.
import { parseArgs } from 'node:util';
import { discoverSuites, loadSuite } from './host/suites.mjs';
import { ensureTestHost, TestHostError } from './host/install.mjs';
import { repoRoot } from './host/paths.mjs';
import { runSuite } from './host/run-suite.mjs';
import { runVsixSmoke, VSIX_SUITE_NAME } from './vsix-smoke.mjs';

const { values: flags } = parseArgs({
  options: {
    suite: { type: 'string', multiple: true },
    'no-vsix': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

async function main() {
  const startedAt = Date.now();
  const wanted = flags.suite ?? [];
  const suites = wanted.length === 0 ? discoverSuites() : wanted.filter((name) => name !== VSIX_SUITE_NAME).map(loadSuite);
  const runVsix = wanted.length === 0 ? !flags['no-vsix'] : wanted.includes(VSIX_SUITE_NAME);
  if (suites.length === 0 && !runVsix) throw new TestHostError('no integration suites found under test/integration/suites/');

  let host;
  try {
    host = await ensureTestHost({ log: (line) => console.log(line) });
  } catch (error) {
    throw new TestHostError(`the VS Code test host could not be installed: ${error.message}`);
  }
  console.log(`[integration] VS Code ${host.vscodeVersion} (commit ${host.vscodeCommit}) via code-server ${host.codeServerVersion}, browser ${host.chromiumPath}`);

  const results = [];
  for (const suite of suites) {
    console.log(`\n[integration] suite "${suite.name}" on ${suite.workspace}${suite.trusted ? '' : ' (untrusted: Restricted Mode)'}`);
    const result = await runSuite({
      host,
      name: suite.name,
      workspace: suite.workspace,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suite.entry,
      trusted: suite.trusted,
      timeoutMs: suite.timeoutMs,
      screenshotDir: suite.screenshotDir,
      verbose: flags.verbose,
    });
    report(result);
    results.push(result);
  }
  if (runVsix) {
    console.log(`\n[integration] suite "${VSIX_SUITE_NAME}": package, install and activate the .vsix`);
    const result = await runVsixSmoke({ host, verbose: flags.verbose });
    report(result);
    results.push(result);
  }

  const failed = results.filter((result) => !result.ok);
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`\n[integration] ${results.length - failed.length}/${results.length} suites green in ${seconds}s on VS Code ${host.vscodeVersion}`);
  // For scripts/test-all.mjs: suites that failed without a failing mocha test (the host did not
  // start, packaging failed, a timeout) would otherwise be invisible in the mocha counts.
  console.log(`[integration] suites failed outside mocha: ${failed.filter((result) => result.failing === 0).length}`);
  if (failed.length > 0) {
    console.error(`[integration] FAILED: ${failed.map((result) => result.name).join(', ')}`);
    process.exitCode = 1;
  }
}

function report(result) {
  const seconds = (result.durationMs / 1000).toFixed(1);
  const counts = `${result.passing} passed, ${result.failing} failed${result.pending ? `, ${result.pending} pending` : ''}`;
  if (result.ok) console.log(`[integration] suite "${result.name}" ok (${counts}) in ${seconds}s`);
  else console.error(`[integration] suite "${result.name}" FAILED (${counts}) in ${seconds}s: ${result.error ?? 'see failures above'}`);
}

main().catch((error) => {
  const kind = error instanceof TestHostError ? 'cannot run the integration tests' : 'integration runner crashed';
  console.error(`\n[integration] ERROR: ${kind}: ${error instanceof TestHostError ? error.message : error.stack}`);
  process.exit(2);
});
