/**
 * Reports show paths relative to the workspace folder, as the CLI run from that folder does, so an
 * export from the editor and a CI report of the same files read (and count) the same.
 */
import type { EngineLintResult } from '../core/engine/api';
import type { Finding } from '../core/findings/types';
import { compareText } from '../core/reports/summary';

export function relativeTo(root: string, file: string): string {
  const base = root.replace(/\/+$/, '');
  return file.startsWith(`${base}/`) ? file.slice(base.length + 1) : file;
}

function rebaseFinding(finding: Finding, rebase: (file: string) => string): Finding {
  return {
    ...finding,
    file: rebase(finding.file),
    related: finding.related.map((related) => ({ ...related, file: rebase(related.file) })),
    ...(finding.waiver ? { waiver: { ...finding.waiver, file: rebase(finding.waiver.file) } } : {}),
  };
}

export function rebaseResult(result: EngineLintResult, root: string): EngineLintResult {
  const rebase = (file: string) => relativeTo(root, file);
  return {
    ...result,
    files: result.files.map((file) => ({ ...file, file: rebase(file.file) })).sort((a, b) => compareText(a.file, b.file)),
    findings: result.findings.map((finding) => rebaseFinding(finding, rebase)),
    suppressed: result.suppressed.map((finding) => rebaseFinding(finding, rebase)),
    passes: result.passes.map((pass) => ({ ...pass, file: rebase(pass.file) })),
    internalErrors: result.internalErrors.map((error) => ({ ...error, file: rebase(error.file) })),
  };
}
