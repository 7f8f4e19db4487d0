/** Runs the CLI in-process against a fake engine and captures what it writes. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../../../src/cli/run-cli';
import { fakeDependencies, type FakeEngineLog } from './fake-engine';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  log: FakeEngineLog;
}

export async function runFakeCli(cwd: string, argv: string[], env: Record<string, string> = {}, tty = false): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const log: FakeEngineLog = {};
  const code = await runCli(
    argv,
    {
      cwd,
      env,
      stdout: { write: (text) => void (stdout += text), isTTY: tty },
      stderr: { write: (text) => void (stderr += text), isTTY: tty },
    },
    fakeDependencies(log),
  );
  return { code, stdout, stderr, log };
}

/** A throw-away directory tree: `{ 'a/b.yaml': 'text' }`. */
export function makeTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'enisa-cli-'));
  writeTree(root, files);
  return root;
}

export function writeTree(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const full = join(root, name);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}

export function removeTree(root: string): void {
  rmSync(root, { recursive: true, force: true });
}
