#!/usr/bin/env node
// Runs the same integration suites in desktop VS Code through @vscode/test-electron, which
// downloads a VS Code build: for developer machines with internet (not these offline ones,
// where run-server.mjs is the runner).
//   node test/integration/run-electron.mjs [--suite NAME]... [--vscode-version 1.100.3|stable|insiders]
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { discoverSuites, loadSuite } from './host/suites.mjs';
import { MochaSummaryCollector } from './host/mocha-summary.mjs';
import { repoRoot } from './host/paths.mjs';
import { copyWorkspace } from './host/workspace-copy.mjs';

const { values: flags } = parseArgs({
  options: {
    suite: { type: 'string', multiple: true },
    'vscode-version': { type: 'string', default: process.env.VSCODE_TEST_VERSION ?? 'stable' },
  },
});

/** Forwards VS Code's output while reading mocha's closing counts from it. */
function teeInto(collector, sink) {
  const tee = new PassThrough();
  tee.on('data', (chunk) => {
    collector.push(chunk.toString());
    sink.write(chunk);
  });
  return tee;
}

async function runOne(suite) {
  if (!suite.trusted) {
    // runTests always adds --disable-workspace-trust, so Restricted Mode cannot be reached here.
    return { name: suite.name, ok: true, skipped: 'Restricted Mode suites run only under run-server.mjs (test-electron always trusts the workspace)' };
  }
  if (!existsSync(suite.entry)) return { name: suite.name, ok: false, error: `compiled test entry ${suite.entry} is missing; run \`node scripts/build.mjs --tests\` first` };
  const workspace = copyWorkspace(suite.workspace, suite.name);
  const userDataDir = mkdtempSync(join(tmpdir(), `enisa-electron-${suite.name}-`));
  const summary = new MochaSummaryCollector();
  try {
    const launchArgs = [workspace.path, '--disable-extensions', '--user-data-dir', userDataDir];
    const exitCode = await runTests({
      version: flags['vscode-version'],
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suite.entry,
      launchArgs,
      stdout: teeInto(summary, process.stdout),
      stderr: teeInto(summary, process.stderr),
    });
    summary.end();
    return { name: suite.name, ok: exitCode === 0 && summary.failing === 0, exitCode };
  } catch (error) {
    return { name: suite.name, ok: false, error: error.message };
  } finally {
    workspace.remove();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

async function main() {
  const suites = flags.suite ? flags.suite.map(loadSuite) : discoverSuites();
  if (suites.length === 0) throw new Error('no integration suites found under test/integration/suites/');
  const results = [];
  for (const suite of suites) {
    console.log(`\n[electron] suite "${suite.name}" on ${suite.workspace}${suite.trusted ? '' : ' (untrusted: Restricted Mode)'}`);
    const result = await runOne(suite);
    const outcome = result.skipped ? `skipped: ${result.skipped}` : result.ok ? 'ok' : `FAILED${result.error ? `: ${result.error}` : ` (exit ${result.exitCode})`}`;
    console.log(`[electron] suite "${suite.name}" ${outcome}`);
    results.push(result);
  }
  const failed = results.filter((result) => !result.ok);
  console.log(`\n[electron] ${results.length - failed.length}/${results.length} suites green`);
  if (failed.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`[electron] ERROR: ${error.stack ?? error}`);
  process.exit(2);
});
