// Reads the closing counts of mocha's spec reporter ("  3 passing (12ms)", "  1 pending",
// "  2 failing") out of free-form output that may hold several runs.

const ANSI_ESCAPE = /\u001b\[[0-9;]*m/g;
const PASSING = /^\s*(\d+) passing\b/;
const PENDING = /^\s*(\d+) pending\s*$/;
const FAILING = /^\s*(\d+) failing\s*$/;

/** Incrementally collects mocha summaries; feed it text of any chunking. */
export class MochaSummaryCollector {
  passing = 0;
  failing = 0;
  pending = 0;
  /** How many mocha runs closed with a "passing" line. */
  runs = 0;
  #partialLine = '';

  push(text) {
    const lines = (this.#partialLine + text).split('\n');
    this.#partialLine = lines.pop();
    for (const line of lines) this.#readLine(line);
  }

  /** Reads what is left after the last newline. */
  end() {
    if (this.#partialLine) this.#readLine(this.#partialLine);
    this.#partialLine = '';
  }

  #readLine(raw) {
    const line = raw.replace(ANSI_ESCAPE, '');
    let match;
    if ((match = PASSING.exec(line))) {
      this.passing += Number(match[1]);
      this.runs += 1;
    } else if ((match = PENDING.exec(line))) this.pending += Number(match[1]);
    else if ((match = FAILING.exec(line))) this.failing += Number(match[1]);
  }
}

export function summarizeMochaOutput(text) {
  const collector = new MochaSummaryCollector();
  collector.push(text);
  collector.end();
  return { passing: collector.passing, failing: collector.failing, pending: collector.pending, runs: collector.runs };
}

/**
 * Adds up the stages of a test run. A stage that exited non-zero, or ran no test, without
 * naming a failing test still failed (a build error, a crashed runner): it counts as one
 * failure, so the total can never read "0 failed" for a broken run.
 * @param {{ code: number, passing: number, failing: number, pending: number, runs: number }[]} stages
 */
export function combineStageResults(stages) {
  const totals = { passed: 0, failed: 0, skipped: 0, ok: true };
  for (const stage of stages) {
    const broken = stage.code !== 0 || stage.runs === 0;
    totals.passed += stage.passing;
    totals.failed += stage.failing + (broken && stage.failing === 0 ? 1 : 0);
    totals.skipped += stage.pending;
    if (broken || stage.failing > 0) totals.ok = false;
  }
  return totals;
}

/** The closing line CI reads in any language: `N passed, N failed[, N skipped]`. */
export function formatTotalsLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}
