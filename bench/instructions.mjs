#!/usr/bin/env node
// Counts the machine instructions of a whole scan and of parsing the same files (bench/phase.mjs
// `scan` and `parse`), under valgrind's callgrind, and splits each count into V8's optimising
// compiler, its garbage collector and everything else (the code itself, the runtime, builtins).
// Instruction counts do not depend on the other tenants of a shared machine, which move the timed
// ratios of `npm run bench` by 10-40% from one run to the next; they are the stable part of the
// cost, not its whole (a cache miss costs cycles, not instructions).
//   node bench/instructions.mjs [--files N] [DIR]   (default: a generated 2,500-file workspace)
// Needs valgrind (callgrind_annotate comes with it); about 2 minutes per 1,000 files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspace } from './generate-workspace.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const filesFlag = args.indexOf('--files');
const files = filesFlag >= 0 ? Number(args[filesFlag + 1]) : 2500;
const dirArg = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--files');

if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('valgrind is not installed (Debian: apt-get install valgrind); nothing was measured');
  process.exit(2);
}
if (!existsSync(join(root, 'out/bench/engine-bundle.js'))) {
  console.error('missing out/bench/engine-bundle.js: run "node scripts/build.mjs --tests" first');
  process.exit(2);
}

/** Symbol patterns of V8's optimising compiler and of its garbage collector (node's own symbols). */
const COMPILER = /v8::internal::compiler::|v8::internal::(Pipeline|OptimizedCompilationInfo|Zone)|turboshaft/;
const COLLECTOR = /v8::internal::(Scaveng|Mark|Sweep|Heap::|heap::|Evacuat|MemoryAllocator|RememberedSet|SlotSet|PagedSpace|NewSpace|SemiSpace|LargeObjectSpace|IncrementalMarking|ConcurrentMarking|GCTracer|Worklist|Compaction)|heap::base::/;

function measure(phaseArgs) {
  const scratch = mkdtempSync(join(tmpdir(), 'enisa-callgrind-'));
  const out = join(scratch, 'callgrind.out');
  try {
    // --single-threaded: compiler and collector run on the measured thread, in the same order each time.
    const run = spawnSync(
      'valgrind',
      ['--tool=callgrind', `--callgrind-out-file=${out}`, '--smc-check=all-non-file', process.execPath, '--single-threaded', join(root, 'bench/phase.mjs'), ...phaseArgs],
      { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
    );
    if (run.status !== 0) throw new Error(`valgrind ${phaseArgs.join(' ')} failed: ${run.stderr.slice(-2000)}`);
    const annotated = spawnSync('callgrind_annotate', ['--inclusive=no', '--threshold=100', out], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
    if (annotated.status !== 0) throw new Error(`callgrind_annotate failed: ${annotated.stderr}`);
    const split = { total: 0, compiler: 0, collector: 0 };
    for (const line of annotated.stdout.split('\n')) {
      const match = /^\s*([\d,]+) \([\s\d.]+%\)\s+(.*)$/.exec(line);
      if (!match || match[2].startsWith('PROGRAM TOTALS')) continue;
      const count = Number(match[1].replace(/,/g, ''));
      split.total += count;
      if (COMPILER.test(match[2])) split.compiler += count;
      else if (COLLECTOR.test(match[2])) split.collector += count;
    }
    return split;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

let dir = dirArg ? resolve(dirArg) : undefined;
let generated;
if (!dir) {
  generated = mkdtempSync(join(tmpdir(), 'enisa-bench-'));
  dir = join(generated, 'workspace');
  generateWorkspace(dir, { files, seed: 7 });
}
try {
  const giga = (n) => (n / 1e9).toFixed(2);
  const parse = measure(['parse', dir]);
  const scan = measure(['scan', dir]);
  const rest = (s) => s.total - s.compiler - s.collector;
  const where = generated ? `a generated ${files}-file workspace (seed 7)` : dir;
  console.log(`${where}: instructions, in billions (node ${process.version}, --single-threaded, under callgrind)`);
  for (const [label, s] of [['parse only', parse], ['whole scan', scan]]) {
    console.log(`  ${label.padEnd(11)} ${giga(s.total).padStart(7)} total: ${giga(s.compiler)} optimising compiler, ${giga(s.collector)} garbage collector, ${giga(rest(s))} the rest`);
  }
  console.log(`  scan / parse-only: ${(scan.total / parse.total).toFixed(2)}x in all, ${(rest(scan) / rest(parse)).toFixed(2)}x without compiler and collector`);
} finally {
  if (generated) rmSync(generated, { recursive: true, force: true });
}
