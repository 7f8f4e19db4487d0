// Unit tests for the counting that `npm test` prints as its closing line (CI reads it).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

interface StageResult {
  code: number;
  passing: number;
  failing: number;
  pending: number;
  runs: number;
}
interface SummaryModule {
  summarizeMochaOutput(text: string): { passing: number; failing: number; pending: number; runs: number };
  MochaSummaryCollector: new () => { push(text: string): void; end(): void; passing: number; failing: number; pending: number; runs: number };
  combineStageResults(stages: StageResult[]): { passed: number; failed: number; skipped: number; ok: boolean };
  formatTotalsLine(totals: { passed: number; failed: number; skipped: number }): string;
}

// out/test/unit/test-host/ -> repository root; the module is plain ESM shared with the runners.
const modulePath = path.resolve(__dirname, '../../../../test/integration/host/mocha-summary.mjs');
const load = (): Promise<SummaryModule> => import(pathToFileURL(modulePath).href);

const stage = (fields: Partial<StageResult>): StageResult => ({ code: 0, passing: 0, failing: 0, pending: 0, runs: 1, ...fields });

describe('test host: mocha summary counting', () => {
  it('adds up the closing counts of several spec-reporter runs', async () => {
    const { summarizeMochaOutput } = await load();
    const output = [
      '  basics', '    ✔ works', '  3 passing (12s)', '  1 failing', '',
      '  1) basics', '       fails:', '     AssertionError: 2 failing checks inside a message',
      '[integration] suite "basics" FAILED (3 passed, 1 failed) in 14.0s',
      '  5 passing (2s)', '  2 pending',
    ].join('\n');
    assert.deepEqual(summarizeMochaOutput(output), { passing: 8, failing: 1, pending: 2, runs: 2 });
  });

  it('reads coloured output and lines split across chunks', async () => {
    const { MochaSummaryCollector } = await load();
    const collector = new MochaSummaryCollector();
    for (const chunk of ['\u001b[92m \u001b[0m\u001b[32m 1', '2 passing\u001b[0m\u001b[90m (4ms)\u001b[0m\n  \u001b[31m 3 fail', 'ing\u001b[0m']) collector.push(chunk);
    collector.end();
    assert.equal(collector.passing, 12);
    assert.equal(collector.failing, 3);
    assert.equal(collector.runs, 1);
  });

  it('prints the closing line with skipped only when something was pending', async () => {
    const { combineStageResults, formatTotalsLine } = await load();
    assert.equal(formatTotalsLine(combineStageResults([stage({ passing: 40 }), stage({ passing: 17 })])), '57 passed, 0 failed');
    assert.equal(formatTotalsLine(combineStageResults([stage({ passing: 4, pending: 2 })])), '4 passed, 0 failed, 2 skipped');
  });

  it('counts a stage that crashed or ran nothing as a failure', async () => {
    const { combineStageResults } = await load();
    const crashed = combineStageResults([stage({ passing: 10 }), stage({ code: 2, runs: 0 })]);
    assert.deepEqual(crashed, { passed: 10, failed: 1, skipped: 0, ok: false });
    const empty = combineStageResults([stage({ runs: 0 })]);
    assert.deepEqual(empty, { passed: 0, failed: 1, skipped: 0, ok: false });
    const failing = combineStageResults([stage({ code: 1, passing: 3, failing: 2 })]);
    assert.deepEqual(failing, { passed: 3, failed: 2, skipped: 0, ok: false });
  });
});
