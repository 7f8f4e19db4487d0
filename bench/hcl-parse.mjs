#!/usr/bin/env node
// Parse throughput of our HCL parser against tree-sitter-hcl over every .tf/.hcl file of the
// shared corpus, in one run, plus peak memory. Needs the transpiled sources:
//   node scripts/build.mjs --tests --quiet && node bench/hcl-parse.mjs [corpusDir] [--rounds N]
// Each parser gets one warm-up pass, then the best of N timed passes (best, not mean: the
// machine is shared, and interference only ever adds time). Trees are dropped as soon as they
// are built, as the linter does with files it has finished.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const args = process.argv.slice(2);
const roundsFlag = args.indexOf('--rounds');
const rounds = roundsFlag >= 0 ? Number(args[roundsFlag + 1]) : 3;
const corpus = resolve(args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--rounds') ?? join(root, '..', 'shared', 'corpus'));

const entry = join(root, 'out', 'src', 'core', 'hcl', 'index.js');
if (!existsSync(entry)) {
  console.error(`missing ${entry}: run "node scripts/build.mjs --tests --quiet" first`);
  process.exit(1);
}
if (!existsSync(corpus)) {
  console.error(`corpus not found: ${corpus}`);
  process.exit(1);
}
const { parseHcl } = require(entry);
const { Parser, Language } = require('web-tree-sitter');

function listFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) listFiles(full, out);
    else if (name.endsWith('.tf') || name.endsWith('.hcl')) out.push(full);
  }
  return out;
}

const files = listFiles(corpus)
  .sort()
  .map((path) => readFileSync(path, 'utf8'));
const totalChars = files.reduce((sum, text) => sum + text.length, 0);
const totalBytes = files.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);

/**
 * Best wall-clock and best CPU time over the timed rounds, then peak RSS and heap sampled after
 * every file in one more, untimed pass (sampling would slow the timed ones). CPU time is shown
 * because the machine may be shared: waiting for a core adds wall time, not CPU time.
 */
function measure(label, parseOne) {
  for (const text of files) parseOne(text);
  let bestWall = Number.POSITIVE_INFINITY;
  let bestCpu = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    for (const text of files) parseOne(text);
    bestWall = Math.min(bestWall, performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
  }
  let peakRss = 0;
  let peakHeap = 0;
  for (const text of files) {
    parseOne(text);
    const usage = process.memoryUsage();
    if (usage.rss > peakRss) peakRss = usage.rss;
    if (usage.heapUsed > peakHeap) peakHeap = usage.heapUsed;
  }
  const wallRate = totalBytes / 1e6 / (bestWall / 1000);
  const cpuRate = totalBytes / 1e6 / (bestCpu / 1000);
  console.log(
    `${label.padEnd(16)} wall ${bestWall.toFixed(0).padStart(5)} ms ${wallRate.toFixed(2).padStart(7)} MB/s | cpu ${bestCpu.toFixed(0).padStart(5)} ms ${cpuRate.toFixed(2).padStart(7)} MB/s | peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB, heap ${(peakHeap / 2 ** 20).toFixed(0)} MiB`,
  );
  return { wallRate, cpuRate };
}

console.log(`corpus: ${files.length} files, ${(totalBytes / 1e6).toFixed(2)} MB (${totalChars} UTF-16 units), ${rounds} timed rounds each`);

let ourErrors = 0;
const ours = measure('ours', (text) => {
  if (parseHcl(text).errors.length > 0) ourErrors++;
});

await Parser.init();
const language = await Language.load(join(root, 'node_modules', '@tree-sitter-grammars', 'tree-sitter-hcl', 'tree-sitter-hcl.wasm'));
const parser = new Parser();
parser.setLanguage(language);
let treeSitterErrors = 0;
const treeSitter = measure('tree-sitter-hcl', (text) => {
  const tree = parser.parse(text);
  if (tree.rootNode.hasError) treeSitterErrors++;
  tree.delete();
});

// Memory a workspace costs when every tree is kept, as the language server does.
globalThis.gc?.();
const before = process.memoryUsage().heapUsed;
const kept = files.map((text) => parseHcl(text));
globalThis.gc?.();
const retained = process.memoryUsage().heapUsed - before;
console.log(`all ${kept.length} trees kept alive: ${(retained / 2 ** 20).toFixed(1)} MiB of heap${globalThis.gc ? '' : ' (run with --expose-gc for an exact figure)'}`);
console.log(`files with errors: ours ${ourErrors / (rounds + 2)}, tree-sitter ${treeSitterErrors / (rounds + 2)}`);
console.log(`throughput ratio ours / tree-sitter: ${(ours.wallRate / treeSitter.wallRate).toFixed(1)}x wall-clock, ${(ours.cpuRate / treeSitter.cpuRate).toFixed(1)}x CPU time`);
