/** Shared helpers of the robustness tests. */
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createEngine } from '../../../src/core/engine/engine';
import type { EngineLintResult, EngineOptions } from '../../../src/core/engine/api';
import type { Finding } from '../../../src/core/findings/types';
import { BytesHost } from '../../fuzz/targets';

export { REPO_ROOT, corpusRoot } from '../../fuzz/corpus';

/** Lints the given files of an in-memory workspace (bytes or text) with a fresh engine. */
export async function lintFiles(files: Record<string, Uint8Array | string>, options: Omit<EngineOptions, 'host'> = {}, paths?: string[]): Promise<EngineLintResult> {
  const host = new BytesHost(new Map(Object.entries(files)));
  return createEngine({ today: '2026-01-01', ...options, host }).lint(paths ?? Object.keys(files));
}

/** `rule line:column-line:column` of each finding, sorted: what must not change between encodings. */
export function placements(findings: Finding[]): string[] {
  return findings
    .map((f) => `${f.ruleId} ${f.file} ${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column}`)
    .sort();
}

/** Runs a snippet of Node in a fresh process (for failures that end a process) and returns its outcome. */
export function runNode(code: string, timeoutMs = 60_000): { status: number | null; signal: string | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', timeout: timeoutMs, cwd: join(__dirname, '..', '..', '..', '..') });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Path of a transpiled module under out/, for snippets run by `runNode`. */
export function outModule(relative: string): string {
  return JSON.stringify(join(__dirname, '..', '..', '..', relative));
}

/**
 * A fresh temporary folder (`/`-separated, like engine paths) for the enclosing `describe`: made
 * before the block (or before each test with `per: 'test'`) and removed after it.
 */
export function useScratchFolder(prefix: string, per: 'suite' | 'test' = 'suite'): () => string {
  let folder: string | undefined;
  const make = () => {
    folder = mkdtempSync(join(tmpdir(), prefix)).split('\\').join('/');
  };
  const remove = () => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = undefined;
  };
  if (per === 'test') {
    beforeEach(make);
    afterEach(remove);
  } else {
    before(make);
    after(remove);
  }
  return () => {
    if (!folder) throw new Error('the scratch folder exists only while the tests of its block run');
    return folder;
  };
}

/** Writes files (relative name → text) under `root`; returns their full paths, `/`-separated. */
export function writeTree(root: string, files: Record<string, string>): string[] {
  return Object.entries(files).map(([name, text]) => {
    const full = join(root, name);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    return full.split('\\').join('/');
  });
}
