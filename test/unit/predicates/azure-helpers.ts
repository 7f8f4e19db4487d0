/** Lints a small Terraform text with the built-in rules and returns one rule's findings. */
import type { Finding } from '../../../src/core/findings/types';
import { lintFiles } from '../rules/rule-tester';

export async function findingsOf(ruleId: string, hcl: string): Promise<Finding[]> {
  const result = await lintFiles(new Map([['/work/main.tf', hcl]]));
  if (result.internalErrors.length) throw new Error(JSON.stringify(result.internalErrors));
  return result.findings.filter((f) => f.ruleId === ruleId);
}

/** The source text a finding covers (single-line ranges only). */
export function coveredText(hcl: string, finding: Finding): string {
  const line = hcl.split('\n')[finding.range.start.line];
  return line.slice(finding.range.start.column, finding.range.end.column);
}
