#!/usr/bin/env node
// The benchmark suite (`npm run bench`; `--quick` for a short run, `--corpus DIR`, `--keep` to
// keep the generated workspaces). Every measurement runs in its own process (bench/phase.mjs) so
// its peak memory is its own, and every figure is printed next to a baseline measured in the same
// run on the same machine, so the ratios carry over between machines:
//   1. whole-engine scan against merely parsing the same files (yaml library, tree-sitter-hcl),
//      on the shared corpus and on a generated 10,000-file workspace: throughput and peak memory;
//      and both again in the same process, which takes V8's compiling of the code out;
//   2. edit-to-diagnostics latency on 2,000-line Terraform and Kubernetes files, in-process, the
//      way the extension calls the engine: generated (about one finding per line, the worst case)
//      and joined from corpus files (real-world finding density); in the steady state of an
//      editing session, and apart from it the first edits in a fresh process;
//   3. scaling with workspace size (1x, 4x, 16x = 10,000 files): time and memory.
// Wall-clock and CPU time are both shown: the machine may be shared, and waiting for a core adds
// wall time only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspace } from './generate-workspace.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const keep = args.includes('--keep');
const corpusFlag = args.indexOf('--corpus');
const corpus = corpusFlag >= 0 ? resolve(args[corpusFlag + 1]) : [resolve(root, '../shared/corpus')].find(existsSync);
const rounds = quick ? 1 : 3;

if (!existsSync(join(root, 'out/bench/engine-bundle.js'))) {
  console.error('missing out/: run "node scripts/build.mjs --tests" first (npm run bench does)');
  process.exit(2);
}

function runPhase(phaseArgs) {
  const run = spawnSync(process.execPath, [join(root, 'bench/phase.mjs'), ...phaseArgs], { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  if (run.status !== 0) throw new Error(`phase ${phaseArgs.join(' ')} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

function keepBest(best, result) {
  if (!best) return result;
  for (const key of ['wallMs', 'cpuMs', 'warmWallMs', 'warmCpuMs']) if (key in result) best[key] = Math.min(best[key], result[key]);
  return best;
}

/** Runs one phase in a fresh process; the best of `times` runs (interference only adds time). */
function phase(times, ...phaseArgs) {
  let best;
  for (let i = 0; i < times; i++) best = keepBest(best, runPhase(phaseArgs));
  return best;
}

/**
 * Several phases run in turn, `times` rounds, each keeping its best: a figure and its baseline
 * then see the same spells of load from the machine's other tenants, where running all of one
 * before the other let a busy minute land on one side of a ratio only.
 */
function alternating(times, ...phases) {
  const best = phases.map(() => undefined);
  for (let i = 0; i < times; i++) phases.forEach((phaseArgs, k) => (best[k] = keepBest(best[k], runPhase(phaseArgs))));
  return best;
}

const mb = (bytes) => bytes / 1e6;
const rate = (bytes, ms) => (mb(bytes) / (ms / 1000)).toFixed(2);
const fixed = (n, digits = 0) => n.toFixed(digits);
const verdicts = [];

function compare(label, dir) {
  const [parse, scan, bare] = alternating(rounds, ['parse', dir, '--again'], ['scan', dir, '--again'], ['scan', dir, '--no-fixes']);
  const wallRatio = scan.wallMs / parse.wallMs;
  const cpuRatio = scan.cpuMs / parse.cpuMs;
  console.log(`   ${label}: ${scan.files} files, ${fixed(mb(scan.bytes), 2)} MB`);
  console.log(`     parse only (yaml + tree-sitter-hcl): ${fixed(parse.wallMs)} ms wall, ${fixed(parse.cpuMs)} ms CPU, ${rate(parse.bytes, parse.wallMs)} MB/s; peak RSS ${fixed(parse.peakRssMiB)} MiB`);
  console.log(
    `     whole engine scan:                   ${fixed(scan.wallMs)} ms wall, ${fixed(scan.cpuMs)} ms CPU, ${rate(scan.bytes, scan.wallMs)} MB/s; peak RSS ${fixed(scan.peakRssMiB)} MiB, heap ${fixed(scan.peakHeapMiB)} MiB; ${scan.findings} findings, ${scan.internalErrors} internal errors`,
  );
  console.log(`     scan / parse-only: ${fixed(wallRatio, 2)}x wall, ${fixed(cpuRatio, 2)}x CPU (target <= 2x)`);
  verdicts.push([`${label}: scan / parse-only`, `${fixed(wallRatio, 2)}x wall, ${fixed(cpuRatio, 2)}x CPU`, '<= 2x', Math.min(wallRatio, cpuRatio) <= 2]);
  // The CLI builds quick fixes only for JSON and SARIF reports; its text report scans like this.
  console.log(
    `     scan without fixes (CLI text, JUnit, Markdown, HTML, GitHub, CSV reports): ${fixed(bare.wallMs)} ms wall, ${fixed(bare.cpuMs)} ms CPU; peak RSS ${fixed(bare.peakRssMiB)} MiB; ${fixed(bare.wallMs / parse.wallMs, 2)}x wall, ${fixed(bare.cpuMs / parse.cpuMs, 2)}x CPU of parse-only`,
  );
  // Not a target: the CLI and the scan worker always scan in a fresh process. It tells the cost of
  // V8 compiling the engine's code, paid once per process, from the cost of the engine's work.
  console.log(
    `     scanned again in the same process (V8's compiled code kept): scan ${fixed(scan.warmWallMs)} ms wall, ${fixed(scan.warmCpuMs)} ms CPU; parse-only ${fixed(parse.warmWallMs)} ms wall, ${fixed(parse.warmCpuMs)} ms CPU; ${fixed(scan.warmWallMs / parse.warmWallMs, 2)}x wall, ${fixed(scan.warmCpuMs / parse.warmCpuMs, 2)}x CPU`,
  );
  return scan;
}

console.log(`node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}${quick ? ', quick mode' : ''}`);

console.log('\n1. whole scan against parse-only');
if (corpus) compare('shared corpus', corpus);
else console.log('   shared corpus not found: skipped');

const scratch = mkdtempSync(join(tmpdir(), 'enisa-bench-'));
const base = quick ? 156 : 625;
const workspaces = [1, 4, 16].map((factor) => {
  const dir = join(scratch, `x${factor}`);
  const written = generateWorkspace(dir, { files: base * factor, seed: 7 });
  return { factor, dir, files: written.files.length, bytes: written.bytes };
});
const largest = workspaces[workspaces.length - 1];
// The scaling section reuses this scan of the largest workspace (best of the rounds above).
const largestScan = compare(`generated workspace (${largest.files} files)`, largest.dir);

console.log('\n2. edit-to-diagnostics, in-process (one engine kept between edits, the edited buffer as an overlay)');
console.log('   median and p95 over the edits after the first 100 (the steady state of an editing session); the first edits are shown apart');
const edits = quick ? 40 : 200;
const latencies = [
  ['tf', 'Terraform, 2,000 lines (generated, dense)'],
  ['k8s', 'Kubernetes, 2,000 lines (generated, dense)'],
];
// Real-world finding density: corpus files joined to ~2,000 lines, a boolean near the middle flipped.
if (corpus) latencies.push(['tf-corpus', 'Terraform, corpus files'], ['k8s-corpus', 'Kubernetes, corpus manifests']);
else console.log('   shared corpus not found: corpus-file latencies skipped');
// The same files with each edit flipping a boolean picked at random anywhere in them, one after the
// other, as a user works through a file (the rows above edit one place, the first block of the
// generated files: there every position after the edit moves).
for (const [kind, label] of [...latencies]) latencies.push([`${kind}-spread`, `${label}, edits anywhere`]);
for (const [kind, label] of latencies) {
  const result = phase(1, 'latency', kind, String(edits), ...(kind.includes('-corpus') ? [corpus] : []));
  console.log(
    `   ${label}, ${result.lines} lines, ${result.findings} findings: wall median ${fixed(result.wallMedianMs, 1)} ms, p95 ${fixed(result.wallP95Ms, 1)} ms; CPU median ${fixed(result.cpuMedianMs, 1)} ms, p95 ${fixed(result.cpuP95Ms, 1)} ms over ${result.edits} edits; ${fixed(result.reusedShare * 100)}% of rule outcomes reused`,
  );
  console.log(
    `     garbage collection in ${fixed(result.lintsWithCollectionShare * 100)}% of edits, ${fixed(result.gcMsPerLint, 1)} ms per edit on average; without it: median ${fixed(result.withoutGcMedianMs, 1)} ms, p95 ${fixed(result.withoutGcP95Ms, 1)} ms`,
  );
  console.log(
    `     first ${result.coldEdits} edits after opening the file in a fresh process (V8 still compiling the engine): wall median ${fixed(result.coldWallMedianMs, 1)} ms, p95 ${fixed(result.coldWallP95Ms, 1)} ms, slowest ${fixed(result.coldWallMaxMs, 1)} ms; CPU median ${fixed(result.coldCpuMedianMs, 1)} ms`,
  );
  verdicts.push([`edit latency p95, ${label}`, `${fixed(result.wallP95Ms, 1)} ms wall, ${fixed(result.cpuP95Ms, 1)} ms CPU`, '< 20 ms', Math.min(result.wallP95Ms, result.cpuP95Ms) < 20]);
}

console.log('\n3. scaling (generated workspaces, read from disk as the CLI and the scan worker do)');
let unit;
for (const workspace of workspaces) {
  const scan = workspace === largest ? largestScan : phase(rounds, 'scan', workspace.dir);
  const perFile = scan.cpuMs / scan.files;
  unit ??= perFile;
  console.log(
    `   ${String(workspace.factor).padStart(2)}x: ${scan.files} files, ${fixed(mb(scan.bytes), 1)} MB: ${fixed(scan.wallMs)} ms wall, ${fixed(scan.cpuMs)} ms CPU (${fixed(perFile, 2)} ms CPU per file, ${fixed(perFile / unit, 2)}x the 1x cost), peak RSS ${fixed(scan.peakRssMiB)} MiB, heap ${fixed(scan.peakHeapMiB)} MiB`,
  );
  if (workspace === largest) verdicts.push([`scaling 16x per-file cost / 1x`, `${fixed(perFile / unit, 2)}x`, '<= 1.5x (linear)', perFile / unit <= 1.5]);
}

console.log('\nsummary');
for (const [what, value, target, met] of verdicts) console.log(`   ${met ? 'met    ' : 'NOT MET'} ${what}: ${value} (target ${target})`);
if (keep) console.log(`\ngenerated workspaces kept in ${scratch}`);
else rmSync(scratch, { recursive: true, force: true });
