/** Lints small Terraform modules with the built-in rules and returns one rule's findings. */
import type { Finding } from '../../../src/core/findings/types';
import { lintFiles } from '../rules/rule-tester';

export async function gcpFindings(ruleId: string, files: string | Record<string, string>): Promise<Finding[]> {
  const entries = typeof files === 'string' ? { 'main.tf': files } : files;
  const result = await lintFiles(new Map(Object.entries(entries).map(([name, text]) => [`/gcp/${name}`, text])));
  if (result.internalErrors.length) throw new Error(JSON.stringify(result.internalErrors));
  return result.findings.filter((f) => f.ruleId === ruleId);
}

/** The source text a single-line finding covers. */
export function covered(text: string, finding: Finding): string {
  return text.split('\n')[finding.range.start.line].slice(finding.range.start.column, finding.range.end.column);
}

export function sqlInstance(version: string, settings: string): string {
  return `resource "google_sql_database_instance" "db" {
  name             = "db"
  region           = "europe-west4"
  database_version = "${version}"

  settings {
    tier = "db-custom-2-7680"
${settings}
  }
}
`;
}
