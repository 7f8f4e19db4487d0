#!/usr/bin/env node
// The fuzz campaign outside `npm test`. Builds the transpiled sources, then runs a supervised
// campaign (see test/fuzz/): `--long` for the long mode (every mutator, hostile inputs at full
// size, scaling at full size), `--seed N` to choose or replay a seed, `--only TEXT` to replay the
// cases whose id contains TEXT, `--seeds K` to run K consecutive seeds. Exit code 1 on any failure.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const valueOf = (flag, fallback) => {
  const at = args.indexOf(flag);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const mode = args.includes('--long') ? 'long' : 'bounded';
const firstSeed = Number(valueOf('--seed', '20260101'));
const seeds = Number(valueOf('--seeds', '1'));
const only = valueOf('--only', undefined);

if (!args.includes('--no-build')) {
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--tests', '--quiet'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 2);
}

const require = createRequire(join(root, 'package.json'));
const { superviseCampaign, describeRun } = require(join(root, 'out/test/fuzz/supervisor.js'));

let failed = false;
const totals = { inputs: 0, parserRuns: 0, engineRuns: 0, scalingChecks: 0, failures: 0 };
for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
  const started = Date.now();
  const run = await superviseCampaign({ mode, seed, only, caseTimeoutMs: mode === 'long' ? 300_000 : 60_000, maxMemoryMb: 2_048 });
  for (const line of describeRun(run)) console.log(line);
  console.log(`seed ${seed}: ${((Date.now() - started) / 1000).toFixed(0)} s wall, ${run.casesStarted} cases`);
  if (run.report) {
    for (const key of Object.keys(totals)) totals[key] += key === 'failures' ? run.report.failures.length : run.report[key];
  }
  if (run.abort || !run.report || run.report.failures.length > 0) failed = true;
}
if (seeds > 1) console.log(`all seeds: ${totals.inputs} inputs, ${totals.parserRuns} parser runs, ${totals.engineRuns} engine runs, ${totals.scalingChecks} scaling checks, ${totals.failures} failures`);
process.exit(failed ? 1 : 0);
