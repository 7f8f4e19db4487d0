// Installs the offline VS Code test host on first use and reuses it afterwards:
//   - Debian packages: chromium (the browser that drives the workbench), libkrb5-dev (code-server's
//     `kerberos` module does not build without gssapi headers) and ripgrep;
//   - code-server (VS Code's server build) from the npm registry into .vscode-test/server/.
// See shared/notes/vscode-test-host.md for why each step is needed offline.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { arch, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from './processes.mjs';
import { CODE_SERVER_VERSION, serverInstallDir } from './paths.mjs';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const RIPGREP_BINARY = '/usr/bin/rg';
const KERBEROS_HEADER = '/usr/include/gssapi/gssapi.h';

// What @vscode/ripgrep@1.15.11 (a dependency of code-server 4.100.3) looks for before it tries
// to download rg from GitHub, which these machines cannot reach.
const RIPGREP_CACHE_DIR = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_RELEASE = 'v13.0.0-10';

export class TestHostError extends Error {}

/**
 * Makes sure the browser and code-server are installed; returns where they are and which
 * VS Code version the server bundles.
 */
export async function ensureTestHost({ log = console.log } = {}) {
  await ensureDebianPackages(log);
  const chromiumPath = CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!chromiumPath) throw new TestHostError(`chromium is not installed (looked in ${CHROMIUM_CANDIDATES.join(', ')})`);
  await ensureCodeServer(log);
  return { chromiumPath, ...describeCodeServer() };
}

/** Paths and versions of the installed code-server, or throws when it is incomplete. */
export function describeCodeServer(installDir = serverInstallDir) {
  const packageDir = join(installDir, 'node_modules/code-server');
  const entry = join(packageDir, 'out/node/entry.js');
  const vscodeProduct = join(packageDir, 'lib/vscode/product.json');
  const vscodePackage = join(packageDir, 'lib/vscode/package.json');
  if (!existsSync(entry) || !existsSync(vscodePackage)) {
    throw new TestHostError(`code-server is incomplete in ${packageDir}; delete .vscode-test/server and run again`);
  }
  const product = existsSync(vscodeProduct) ? JSON.parse(readFileSync(vscodeProduct, 'utf8')) : {};
  return {
    codeServerEntry: entry,
    codeServerVersion: JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version,
    vscodeVersion: JSON.parse(readFileSync(vscodePackage, 'utf8')).version,
    vscodeCommit: product.commit ?? 'unknown',
  };
}

async function ensureDebianPackages(log) {
  const missing = [];
  if (!CHROMIUM_CANDIDATES.some((candidate) => existsSync(candidate))) missing.push('chromium');
  if (!existsSync(KERBEROS_HEADER)) missing.push('libkrb5-dev');
  if (!existsSync(RIPGREP_BINARY)) missing.push('ripgrep');
  if (missing.length === 0) return;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new TestHostError(`missing Debian packages ${missing.join(' ')}; install them as root: apt-get install -y ${missing.join(' ')}`);
  }
  log(`[host] installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = await runCommand('apt-get', ['update', '-q'], { env, quiet: true });
  if (update.code !== 0) throw new TestHostError(`apt-get update failed:\n${update.output.slice(-4000)}`);
  const install = await runCommand('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env, quiet: true });
  if (install.code !== 0) throw new TestHostError(`apt-get install ${missing.join(' ')} failed:\n${install.output.slice(-4000)}`);
}

async function ensureCodeServer(log) {
  if (existsSync(installedMarker(serverInstallDir))) return;
  log(`[host] installing code-server@${CODE_SERVER_VERSION} into ${serverInstallDir} (first run only, about 2 minutes)`);
  // Installed into a private staging folder and renamed into place at the end, so an
  // interrupted install is never mistaken for a finished one and two runs starting at once
  // (the work tree is shared) do not write into the same folder.
  const staging = `${serverInstallDir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    writeFileSync(
      join(staging, 'package.json'),
      JSON.stringify({ name: 'enisa-health-lint-test-host', private: true, description: 'Offline VS Code host for integration tests' }, null, 2) + '\n',
    );
    await seedRipgrepCache();
    const env = { ...process.env, npm_config_yes: 'true' };
    const install = await runCommand(
      'npm',
      ['install', '--unsafe-perm', '--no-audit', '--no-fund', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`],
      { cwd: staging, env, quiet: true },
    );
    if (install.code !== 0) {
      throw new TestHostError(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${install.code}):\n${install.output.slice(-6000)}`);
    }
    describeCodeServer(staging);
    writeFileSync(installedMarker(staging), `${new Date().toISOString()}\n`);
    if (existsSync(installedMarker(serverInstallDir))) return; // another run finished first
    rmSync(serverInstallDir, { recursive: true, force: true });
    renameSync(staging, serverInstallDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function installedMarker(directory) {
  return join(directory, `.installed-${CODE_SERVER_VERSION}`);
}

/** Puts Debian's rg, packed the way @vscode/ripgrep's release archives are, where its installer looks first. */
async function seedRipgrepCache() {
  const target = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[arch()];
  if (!target) throw new TestHostError(`no ripgrep archive name known for CPU architecture ${arch()}`);
  const cacheDir = join(tmpdir(), RIPGREP_CACHE_DIR);
  const archive = join(cacheDir, `ripgrep-${RIPGREP_RELEASE}-${target}.tar.gz`);
  if (existsSync(archive)) return;
  mkdirSync(cacheDir, { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), 'rg-stage-'));
  try {
    copyFileSync(RIPGREP_BINARY, join(staging, 'rg'));
    const packed = await runCommand('tar', ['-czf', archive, '-C', staging, 'rg'], { quiet: true });
    if (packed.code !== 0) throw new TestHostError(`could not pack rg for the ripgrep cache:\n${packed.output}`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
