// Opens the VS Code workbench served by code-server in headless Chromium with a test payload,
// and waits for the workbench to report the extension tests' exit code.
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { TestHostError } from './install.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The workbench URL that opens `workspace` and runs the given extension tests. */
export function workbenchUrl({ origin, workspace, extensionDevelopmentPath, extensionTestsPath }) {
  const authority = new URL(origin).host;
  const remote = (path) => `vscode-remote://${authority}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
    ['extensionTestsPath', remote(extensionTestsPath)],
  ];
  const query = new URLSearchParams({ folder: workspace, payload: JSON.stringify(payload) });
  return `${origin}/?${query}`;
}

/**
 * @param {object} options
 * @param {string} options.chromiumPath
 * @param {string} options.url              from workbenchUrl()
 * @param {number} options.timeoutMs        hard limit for the whole run
 * @param {(type: string, text: string) => void} options.onLog  each line the workbench forwards, formatted
 * @param {AbortSignal} [options.signal]    aborts the run (e.g. when the server dies)
 * @param {string} [options.screenshotDir]  when set, a logged line `[screenshot] NAME` saves the page as NAME.png there
 * @returns {Promise<number>} the exit code the tests reported (0 = passed)
 */
export async function runTestsInBrowser({ chromiumPath, url, timeoutMs, onLog, signal, screenshotDir }) {
  let browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  } catch (error) {
    throw new TestHostError(`could not launch chromium at ${chromiumPath}: ${error.message}`);
  }
  let timer;
  try {
    const page = await browser.newPage();
    let reportExit;
    const exitReported = new Promise((resolve) => (reportExit = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));
    await page.exposeFunction('codeAutomationLog', async (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      const shot = screenshotDir ? /^\[screenshot\] ([a-z0-9-]+)$/.exec(text.trim()) : null;
      if (shot) {
        // Written under a temporary name and renamed, so a test polling for the file never reads half of it.
        const target = join(screenshotDir, `${shot[1]}.png`);
        writeFileSync(`${target}.tmp`, await page.screenshot());
        renameSync(`${target}.tmp`, target);
      }
      onLog(String(type), text);
    });
    const failed = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new TestHostError(`tests did not finish within ${Math.round(timeoutMs / 1000)}s`)), timeoutMs);
      if (signal?.aborted) reject(signal.reason);
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      page.on('crash', () => reject(new TestHostError('the workbench page crashed')));
    });
    const finished = Promise.race([exitReported, failed]);
    finished.catch(() => {});
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    return await finished;
  } finally {
    clearTimeout(timer);
    // close() ends chromium's whole process tree (playwright started it as a group leader).
    await browser.close().catch(() => {});
  }
}
