/** Shared helpers for the document and edit tests: corpus access, range checks, a seeded PRNG. */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LineIndex, type Range } from '../../../src/core/text/position';
import { createRandom } from '../../fuzz/random';

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** `/work/shared/corpus` seen from the repository (`../shared/corpus`), or undefined when absent. */
export function corpusDir(...parts: string[]): string | undefined {
  const dir = resolve(repoRoot(), '..', 'shared', 'corpus', ...parts);
  return existsSync(dir) ? dir : undefined;
}

export function listFiles(dir: string, accept: (path: string) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full, accept));
    else if (accept(full)) out.push(full);
  }
  return out;
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** The text a range covers, after checking its line/column agree with its offsets. */
export function textAt(text: string, range: Range): string {
  const index = new LineIndex(text);
  for (const position of [range.start, range.end]) {
    const expected = index.position(position.offset);
    assert.deepEqual({ line: position.line, column: position.column }, { line: expected.line, column: expected.column }, `position of offset ${position.offset}`);
  }
  return text.slice(range.start.offset, range.end.offset);
}

/** Deterministic pseudo-random numbers (the suites' one seeded PRNG), so failures can be replayed from the seed. */
export function seededRandom(seed: number): () => number {
  return createRandom(seed).next;
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}
