/**
 * The body of every suite's test entry: VS Code (desktop via @vscode/test-electron, or the server
 * build driven by run-server.mjs) loads `index.js` and awaits its `run()`, which runs mocha over
 * the `*.test.js` files beside it.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface SuiteRunOptions {
  /** Per-test time limit; integration tests wait on a real workbench, so it is generous. */
  timeoutMs?: number;
}

export async function runMochaSuite(suiteDirectory: string, options: SuiteRunOptions = {}): Promise<void> {
  const testFiles = fs
    .readdirSync(suiteDirectory)
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => path.join(suiteDirectory, name));
  if (testFiles.length === 0) throw new Error(`no *.test.js files in ${suiteDirectory}: was the suite compiled?`);

  // mocha 12 is an ES module package; import() works in every Node the hosts run on, while
  // require() of ESM needs Node >= 20.19 (Electron's Node may be older).
  const mochaModule = await import('mocha');
  const Mocha = mochaModule.default;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: options.timeoutMs ?? 30_000 });
  for (const file of testFiles) mocha.addFile(file);

  const failures = await new Promise<number>((resolve, reject) => {
    try {
      mocha.run(resolve);
    } catch (error) {
      reject(error);
    }
  });
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
