// Finds the integration suites: each folder test/integration/suites/<name>/ with an index.ts
// (compiled to out/test/integration/suites/<name>/index.js) and a suite.json such as
//   { "workspace": "samples/health-cloud", "trusted": true, "timeoutSeconds": 300 }
// `workspace` is relative to the repository root; `trusted: false` runs the suite in restricted mode.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { TestHostError } from './install.mjs';
import { integrationOutDir, integrationSourceDir, repoRoot } from './paths.mjs';

const DEFAULT_TIMEOUT_SECONDS = 300;

/**
 * @typedef {object} SuiteDefinition
 * @property {string} name
 * @property {string} entry       absolute path of the compiled test entry
 * @property {string} workspace   absolute path of the workspace folder to open
 * @property {boolean} trusted
 * @property {number} timeoutMs
 * @property {boolean} manual     only run when named with --suite (e.g. the screenshot suite)
 * @property {string} [screenshotDir]  absolute folder `[screenshot] NAME` lines save into
 */

/** @returns {SuiteDefinition[]} sorted by name */
export function discoverSuites() {
  const suitesDir = join(integrationSourceDir, 'suites');
  if (!existsSync(suitesDir)) return [];
  return readdirSync(suitesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(suitesDir, entry.name, 'index.ts')))
    .map((entry) => loadSuite(entry.name))
    .filter((suite) => !suite.manual)
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function loadSuite(name) {
  const sourceDir = join(integrationSourceDir, 'suites', name);
  if (!existsSync(join(sourceDir, 'index.ts'))) throw new TestHostError(`no suite "${name}": ${sourceDir}/index.ts does not exist`);
  const settingsFile = join(sourceDir, 'suite.json');
  if (!existsSync(settingsFile)) throw new TestHostError(`suite "${name}" has no suite.json naming its workspace (${settingsFile})`);
  const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
  if (typeof settings.workspace !== 'string') throw new TestHostError(`${settingsFile}: "workspace" must be a path relative to the repository root`);
  const workspace = isAbsolute(settings.workspace) ? settings.workspace : join(repoRoot, settings.workspace);
  if (settings.trusted !== undefined && typeof settings.trusted !== 'boolean') throw new TestHostError(`${settingsFile}: "trusted" must be true or false`);
  const timeoutSeconds = settings.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  if (typeof timeoutSeconds !== 'number' || !(timeoutSeconds > 0)) throw new TestHostError(`${settingsFile}: "timeoutSeconds" must be a positive number`);
  return {
    name,
    entry: join(integrationOutDir, 'suites', name, 'index.js'),
    workspace,
    trusted: settings.trusted ?? true,
    timeoutMs: timeoutSeconds * 1000,
    manual: settings.manual === true,
    ...(typeof settings.screenshotDir === 'string' ? { screenshotDir: join(repoRoot, settings.screenshotDir) } : {}),
  };
}
