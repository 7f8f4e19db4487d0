/** The counts every format prints, computed once from a lint result. */
import type { LintResult, Severity } from '../findings/types';

export interface RuleCounts {
  findings: number;
  undetermined: number;
  suppressed: number;
  passes: number;
}

export interface ResultSummary {
  files: number;
  /** All reported findings, failures and undetermined alike. */
  findings: number;
  bySeverity: Record<Severity, number>;
  undetermined: number;
  suppressed: number;
  passes: number;
  byRule: Record<string, RuleCounts>;
}

export function summarize(result: LintResult): ResultSummary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byRule = new Map<string, RuleCounts>();
  const countsFor = (ruleId: string) => {
    let counts = byRule.get(ruleId);
    if (!counts) {
      counts = { findings: 0, undetermined: 0, suppressed: 0, passes: 0 };
      byRule.set(ruleId, counts);
    }
    return counts;
  };
  let undetermined = 0;
  for (const finding of result.findings) {
    bySeverity[finding.severity]++;
    const counts = countsFor(finding.ruleId);
    counts.findings++;
    if (finding.status === 'undetermined') {
      undetermined++;
      counts.undetermined++;
    }
  }
  for (const finding of result.suppressed) countsFor(finding.ruleId).suppressed++;
  for (const pass of result.passes) countsFor(pass.ruleId).passes++;
  const sortedRules = [...byRule.keys()].sort();
  return {
    files: result.files.length,
    findings: result.findings.length,
    bySeverity,
    undetermined,
    suppressed: result.suppressed.length,
    passes: result.passes.length,
    byRule: Object.fromEntries(sortedRules.map((id) => [id, byRule.get(id)!])),
  };
}

/** Sorted by file, then position, then rule, so every report lists findings in the same order. */
export function sortFindings<T extends { file: string; range: { start: { line: number; column: number } }; ruleId: string }>(
  findings: readonly T[],
): T[] {
  return [...findings].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.column - b.range.start.column ||
      compareText(a.ruleId, b.ruleId),
  );
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
