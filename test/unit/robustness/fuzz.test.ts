/**
 * The bounded fuzz campaign of `npm test` (a few seconds): damaged corpus files and hostile inputs
 * through every parser and the whole engine, in a supervised child process so that a hang, a
 * memory blow-up or a fatal V8 error fails this test with the case that caused it instead of
 * taking mocha down. The long mode is `node scripts/fuzz.mjs --long`.
 */
import assert from 'node:assert/strict';
import { describeRun, superviseCampaign } from '../../fuzz/supervisor';
import { corpusRoot } from '../../fuzz/corpus';

/** Fixed so that `npm test` is reproducible; FUZZ_SEED tries another. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_101);

describe('robustness: bounded fuzz campaign', function () {
  this.timeout(180_000);

  it('no exception escapes, ranges stay valid, time grows linearly and memory stays bounded', async () => {
    const run = await superviseCampaign({ mode: 'bounded', seed: SEED, caseTimeoutMs: 60_000, maxMemoryMb: 1_536 });
    const summary = describeRun(run).join('\n');
    assert.equal(run.abort, undefined, summary);
    assert.deepEqual(run.failures, [], summary);
    assert.ok(run.report, summary);
    assert.deepEqual(run.report.failures, [], summary);
    // The campaign really ran: corpus mutations (when the corpus is there), hostile inputs, scaling.
    assert.ok(run.report.inputs >= (corpusRoot() ? 200 : 50), summary);
    assert.ok(run.report.engineRuns >= 50 && run.report.scalingChecks >= 50, summary);
    assert.ok(run.report.largest.chars >= 5_000_000, `no 5 MB input was tried\n${summary}`);
  });
});
