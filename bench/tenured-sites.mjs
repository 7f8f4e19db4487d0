#!/usr/bin/env node
// Which allocation sites V8 switched to old-generation allocation during an edit benchmark, and
// the functions they most likely belong to (see docs/benchmarks.md, seventh round, and
// src/core/util/lint-lived.ts). A site switched this way makes every later object old; when such
// objects live only until the next keystroke, each young collection promotes what they point at.
//   node bench/tenured-sites.mjs [latency-kind] [edits] [runs] [corpus]   (default: tf 250 4)
// Needs out/ (node scripts/build.mjs --tests). Prints, per run, the p95 and each site that was
// switched while at least 200 of its objects survived a collection, with the functions whose
// feedback vectors lie just before it in memory (a site is allocated right after the feedback
// vector of the function whose literal created it; the nearest one is the likeliest).
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [kind = 'tf', edits = '250', runs = '4', corpus] = process.argv.slice(2);
const BUSY = 200;

function busySites(lines) {
  const sites = new Map();
  const pattern = /AllocationSite\((0x[0-9a-f]+)\): \(created, found, ratio\) \((\d+), (\d+), [0-9.]+\) .* => tenure$/;
  for (const line of lines) {
    const match = pattern.exec(line);
    if (match && Number(match[3]) >= BUSY) sites.set(BigInt(match[1]), Math.max(sites.get(BigInt(match[1])) ?? 0, Number(match[3])));
  }
  return sites;
}

function feedbackVectors(lines) {
  const vectors = [];
  for (let i = 0; i < lines.length; i++) {
    const match = /^ - feedback vector: (0x[0-9a-f]+)/.exec(lines[i]);
    if (!match) continue;
    let name = '(anonymous)';
    for (let k = i + 1; k < Math.min(i + 5, lines.length); k++) {
      const owner = /<SharedFunctionInfo ?([^>]*)>/.exec(lines[k]);
      if (owner) {
        name = owner[1] || '(anonymous)';
        break;
      }
    }
    vectors.push([BigInt(match[1]), name]);
  }
  return vectors.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

for (let run = 1; run <= Number(runs); run++) {
  const args = ['--allow-natives-syntax', '--trace-pretenuring-statistics', '--import', join(root, 'bench/feedback-dump.mjs'), join(root, 'bench/phase.mjs'), 'latency', kind, edits];
  if (corpus) args.push(corpus);
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1024 * 2 ** 20 });
  if (child.status !== 0) {
    console.error(child.stderr);
    process.exit(1);
  }
  const lines = child.stdout.split('\n');
  const result = lines.find((line) => line.startsWith('{"'));
  const p95 = result ? JSON.parse(result).wallP95Ms.toFixed(1) : '?';
  const sites = busySites(lines);
  const vectors = feedbackVectors(lines);
  console.log(`run ${run}: p95 ${p95} ms, ${sites.size} busy site(s) switched to old-generation allocation`);
  for (const [address, survivors] of sites) {
    const before = vectors.filter(([at]) => at < address).slice(-3).map(([, name]) => name);
    console.log(`  site 0x${address.toString(16)} (${survivors} survivors): after the feedback vectors of ${before.reverse().join(' <- ')}`);
  }
}
