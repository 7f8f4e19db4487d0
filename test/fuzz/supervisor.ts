/**
 * Runs a fuzz campaign in a child process and watches it: a case that runs longer than the time
 * limit is a hang, a child that dies is a crash or a memory blow-up, and both are reported with
 * the case that was running, so it can be replayed (`node scripts/fuzz.mjs --seed N --only ID`).
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { CampaignReport, Failure } from './campaign';
import type { ChildMessage, ChildRequest } from './child';

export interface SupervisorOptions extends ChildRequest {
  /** A single case running longer than this (wall clock) counts as a hang. */
  caseTimeoutMs: number;
  /** Heap limit of the child: a run that needs more is reported as unbounded memory. */
  maxMemoryMb: number;
  onCase?: (id: string) => void;
}

export interface SupervisedRun {
  report?: CampaignReport;
  /** Set when the child hung, died or failed outside any case. */
  abort?: { caseId: string; reason: string };
  casesStarted: number;
  /** Failures as they were found (kept when the run aborts before its report). */
  failures: Failure[];
}

export function superviseCampaign(options: SupervisorOptions): Promise<SupervisedRun> {
  return new Promise((resolve) => {
    const child = fork(join(__dirname, 'child.js'), [], {
      execArgv: [`--max-old-space-size=${options.maxMemoryMb}`, '--expose-gc'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const failures: Failure[] = [];
    let current = '(starting)';
    let casesStarted = 0;
    let stderr = '';
    let settled = false;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const finish = (run: Omit<SupervisedRun, 'casesStarted' | 'failures'>) => {
      if (settled) return;
      settled = true;
      if (watchdog) clearTimeout(watchdog);
      if (child.exitCode === null) child.kill('SIGKILL');
      resolve({ ...run, casesStarted, failures });
    };
    const arm = () => {
      if (watchdog) clearTimeout(watchdog);
      watchdog = setTimeout(() => finish({ abort: { caseId: current, reason: `no progress for ${options.caseTimeoutMs} ms: a hang` } }), options.caseTimeoutMs);
    };
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      stderr = (stderr + text).slice(-4000);
    });
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'case') {
        current = message.id;
        casesStarted++;
        options.onCase?.(message.id);
        arm();
      } else if (message.type === 'failure') {
        failures.push(message.failure);
      } else if (message.type === 'done') {
        finish({ report: message.report });
      } else {
        finish({ abort: { caseId: current, reason: `the campaign failed: ${message.message}` } });
      }
    });
    child.on('exit', (code, signal) => {
      const tail = stderr.split('\n').filter((line) => line.trim() !== '' && !/^\s*\d+: 0x/.test(line)).slice(-6).join(' / ');
      finish({ abort: { caseId: current, reason: `the fuzz process died (exit ${code ?? signal}): ${tail}` } });
    });
    arm();
    const request: ChildRequest = { mode: options.mode, seed: options.seed, only: options.only };
    child.send(request);
  });
}

/** Human-readable lines for a run: counts first, then every failure. */
export function describeRun(run: SupervisedRun): string[] {
  const lines: string[] = [];
  const report = run.report;
  if (report) {
    lines.push(
      `fuzz ${report.mode} seed ${report.seed}: ${report.inputs} inputs, ${report.parserRuns} parser runs, ${report.engineRuns} engine runs, ${report.scalingChecks} scaling checks, ${report.failures.length} failures, ${(report.cpuMs / 1000).toFixed(1)} s CPU`,
      `largest input: ${report.largest.chars} characters (${report.largest.caseId}) in ${report.largest.cpuMs.toFixed(0)} ms CPU, ${report.largest.retainedMiB.toFixed(1)} MiB retained`,
      `slowest case: ${report.slowest.caseId} ${report.slowest.cpuMs.toFixed(0)} ms CPU; worst scaling ratio ${report.worstScaling.ratio.toFixed(2)} (${report.worstScaling.caseId}); stack exhaustions caught: ${report.stackExhaustions}`,
    );
    for (const failure of report.failures) lines.push(`FAIL ${failure.caseId}: ${failure.problems.join('; ')}`);
  }
  if (run.abort) {
    lines.push(`ABORT in ${run.abort.caseId} after ${run.casesStarted} cases: ${run.abort.reason}`);
    for (const failure of run.failures) lines.push(`FAIL ${failure.caseId}: ${failure.problems.join('; ')}`);
  }
  return lines;
}
