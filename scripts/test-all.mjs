#!/usr/bin/env node
// `npm test`: the unit tests, then the integration tests (a real VS Code, offline). Streams
// both, adds up mocha's counts and ends with one line CI reads: `N passed, N failed[, N skipped]`.
import { spawn } from 'node:child_process';
import { combineStageResults, formatTotalsLine, MochaSummaryCollector } from '../test/integration/host/mocha-summary.mjs';

const OUTSIDE_MOCHA = /^\[integration\] suites failed outside mocha: (\d+)\s*$/m;

const stages = [
  { name: 'unit', script: 'test:unit' },
  { name: 'integration', script: 'test:integration' },
];

/** Runs `npm run <script>`, echoing its output; resolves with its exit code and mocha counts. */
function runStage({ script }) {
  return new Promise((resolve) => {
    // One collector per stream: chunks of stdout and stderr interleave mid-line.
    const streams = { stdout: new MochaSummaryCollector(), stderr: new MochaSummaryCollector() };
    let output = '';
    const child = spawn('npm', ['run', script], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    for (const [name, collector] of Object.entries(streams)) {
      child[name].setEncoding('utf8');
      child[name].on('data', (text) => {
        process[name].write(text);
        collector.push(text);
        if (name === 'stdout') output += text;
      });
    }
    const finish = (code, error) => {
      const totals = { passing: 0, failing: 0, pending: 0, runs: 0 };
      for (const collector of Object.values(streams)) {
        collector.end();
        for (const key of Object.keys(totals)) totals[key] += collector[key];
      }
      totals.failing += Number(OUTSIDE_MOCHA.exec(output)?.[1] ?? 0);
      resolve({ code, error, ...totals });
    };
    child.on('error', (error) => finish(1, error));
    child.on('close', (code, signal) => finish(code ?? (signal ? 128 : 1), signal ? new Error(`killed by ${signal}`) : undefined));
  });
}

const results = [];
for (const stage of stages) {
  console.log(`\n[test] ${stage.name}: npm run ${stage.script}`);
  const result = await runStage(stage);
  results.push(result);
  const detail = result.error ? ` (${result.error.message})` : '';
  console.log(`[test] ${stage.name}: exit ${result.code}, ${result.passing} passing, ${result.failing} failing, ${result.pending} pending${detail}`);
  if (result.runs === 0) console.error(`[test] ${stage.name}: no mocha summary was seen: it ran no test`);
}

const totals = combineStageResults(results);
if (!totals.ok) process.exitCode = 1;
console.log(formatTotalsLine(totals));
