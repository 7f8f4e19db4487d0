/**
 * Prepares the engine's result for reporting: every path in the form reports show (relative to
 * the working directory, `/`-separated, no `./`), results for files the walk left out dropped (the
 * engine reads a whole Terraform module, including files the user excluded), files that could
 * not be read listed rather than lost, and files in path order.
 */
import type { EngineLintResult } from '../core/engine/api';
import type { Finding } from '../core/findings/types';
import { compareText } from '../core/reports/summary';
import { normalize } from '../core/util/paths';

export interface UnreadablePath {
  /** Engine form: relative to the working directory, `/`-separated. */
  path: string;
  reason: string;
}

function tidyFinding(finding: Finding): Finding {
  return {
    ...finding,
    file: normalize(finding.file),
    related: finding.related.map((related) => ({ ...related, file: normalize(related.file) })),
    ...(finding.fix ? { fix: { ...finding.fix, edits: finding.fix.edits.map((edit) => ({ ...edit, file: normalize(edit.file) })) } } : {}),
    ...(finding.waiver ? { waiver: { ...finding.waiver, file: normalize(finding.waiver.file) } } : {}),
  };
}

export function tidyResult(result: EngineLintResult, leavesOut: (path: string) => boolean, unreadable: readonly UnreadablePath[]): EngineLintResult {
  const kept = (file: string) => !leavesOut(file);
  const files = result.files.map((file) => ({ ...file, file: normalize(file.file) })).filter((file) => kept(file.file));
  for (const problem of unreadable) {
    const path = normalize(problem.path);
    const skipped = `could not be read: ${problem.reason}`;
    const existing = files.find((file) => file.file === path);
    if (existing) existing.skipped = skipped;
    else files.push({ file: path, kind: 'unknown', parseErrors: 0, skipped });
  }
  files.sort((a, b) => compareText(a.file, b.file));
  return {
    ...result,
    files,
    findings: result.findings.map(tidyFinding).filter((finding) => kept(finding.file)),
    suppressed: result.suppressed.map(tidyFinding).filter((finding) => kept(finding.file)),
    passes: result.passes.map((pass) => ({ ...pass, file: normalize(pass.file) })).filter((pass) => kept(pass.file)),
    internalErrors: result.internalErrors.map((error) => ({ ...error, file: normalize(error.file) })),
  };
}
