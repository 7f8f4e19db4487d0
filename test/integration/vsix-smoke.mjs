#!/usr/bin/env node
// The packaged extension, checked the way a user gets it: `npm run package` builds the .vsix;
// its file list must be lean; `code-server --install-extension` installs it into an empty
// extensions folder; a VS Code started on that folder (no extensionDevelopmentPath pointing at
// the repository) must load it from there, activate it on a .tf file and show its diagnostics.
// A tiny probe extension carries the in-editor checks (test/integration/vsix/probe/).
// Run by run-server.mjs after the suites; alone: node test/integration/run-server.mjs --suite vsix
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerCleanup } from './host/cleanup.mjs';
import { runCommand } from './host/processes.mjs';
import { integrationOutDir, integrationSourceDir, repoRoot } from './host/paths.mjs';
import { runSuite } from './host/run-suite.mjs';
import { listZipEntries } from './host/zip-listing.mjs';

export const VSIX_SUITE_NAME = 'vsix';
const VSIX_FILE = join(repoRoot, 'enisa-health-lint.vsix');
const MAX_VSIX_BYTES = 5 * 1024 * 1024;
const SAMPLE_WORKSPACE = join(repoRoot, 'samples/health-cloud');
// Paths inside the .vsix are under extension/; these must never be shipped.
const FORBIDDEN_IN_PACKAGE = [
  /^extension\/src\//,
  /^extension\/test\//,
  /^extension\/out\//,
  /^extension\/node_modules\//,
  /^extension\/\.vscode-test\//,
  /^extension\/bench\//,
  /^extension\/scripts\//,
  /corpus\//,
  /\.ts$/,
  /\.map$/,
  /\.vsix$/,
];

/**
 * @param {{ host: object, verbose?: boolean }} options  host from ensureTestHost()
 * @returns {Promise<{ name: string, ok: boolean, passing: number, failing: number, pending: number, durationMs: number, error?: string }>}
 */
export async function runVsixSmoke({ host, verbose = false }) {
  const started = Date.now();
  const failure = (error) => ({ name: VSIX_SUITE_NAME, ok: false, passing: 0, failing: 0, pending: 0, durationMs: Date.now() - started, error });

  const packaged = await runCommand('npm', ['run', 'package'], { cwd: repoRoot, env: { ...process.env, CI: 'true' }, quiet: !verbose, timeoutMs: 180_000 });
  if (packaged.code !== 0) return failure(`\`npm run package\` failed (exit ${packaged.code}):\n${packaged.output.slice(-4000)}`);
  if (!existsSync(VSIX_FILE)) return failure(`\`npm run package\` succeeded but ${VSIX_FILE} is missing`);

  const problems = inspectPackage(VSIX_FILE);
  if (problems.length > 0) return failure(`the .vsix is not lean:\n  ${problems.join('\n  ')}`);

  const scratch = mkdtempSync(join(tmpdir(), 'enisa-vsix-'));
  const unregister = registerCleanup(async () => rmSync(scratch, { recursive: true, force: true }));
  try {
    const extensionsDir = join(scratch, 'extensions');
    const installed = await runCommand(
      process.execPath,
      [host.codeServerEntry, '--install-extension', VSIX_FILE, '--extensions-dir', extensionsDir, '--user-data-dir', join(scratch, 'user-data')],
      { env: { ...process.env, XDG_DATA_HOME: join(scratch, 'data'), XDG_CONFIG_HOME: join(scratch, 'config') }, quiet: !verbose, timeoutMs: 120_000 },
    );
    if (installed.code !== 0) return failure(`code-server --install-extension failed (exit ${installed.code}):\n${installed.output.slice(-3000)}`);
    const folders = existsSync(extensionsDir) ? readdirSync(extensionsDir).filter((name) => !name.startsWith('.') && name !== 'extensions.json') : [];
    console.log(`[vsix] installed into a fresh extensions folder: ${folders.join(', ') || '(nothing)'}`);
    if (folders.length === 0) return failure(`code-server --install-extension reported success but ${extensionsDir} is empty`);

    const result = await runSuite({
      host,
      name: VSIX_SUITE_NAME,
      workspace: SAMPLE_WORKSPACE,
      extensionDevelopmentPath: join(integrationSourceDir, 'vsix/probe-extension'),
      extensionTestsPath: join(integrationOutDir, 'vsix/probe/index.js'),
      extensionsDir,
      timeoutMs: 240_000,
      verbose,
    });
    return { ...result, durationMs: Date.now() - started };
  } finally {
    unregister();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Prints size and file count; returns what is wrong with the package's contents. */
function inspectPackage(vsixFile) {
  const bytes = statSync(vsixFile).size;
  const entries = listZipEntries(vsixFile);
  const unpacked = entries.reduce((sum, entry) => sum + entry.size, 0);
  console.log(`[vsix] ${vsixFile}: ${(bytes / 1024).toFixed(1)} KiB, ${entries.length} files, ${(unpacked / 1024).toFixed(1)} KiB unpacked`);
  const problems = [];
  if (bytes > MAX_VSIX_BYTES) problems.push(`${bytes} bytes is above the ${MAX_VSIX_BYTES}-byte budget`);
  for (const entry of entries) {
    if (FORBIDDEN_IN_PACKAGE.some((pattern) => pattern.test(entry.name))) problems.push(`ships ${entry.name}`);
  }
  const names = new Set(entries.map((entry) => entry.name));
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  for (const required of ['extension/package.json', `extension/${manifest.main.replace(/^\.\//, '')}`]) {
    if (!names.has(required)) problems.push(`does not ship ${required}`);
  }
  return problems;
}
