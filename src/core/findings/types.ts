/** What the engine reports, in terms every front end (editor, CLI, reports) understands. */
import type { Range } from '../text/position';

export type Severity = 'error' | 'warning' | 'info';
export type FindingStatus = 'fail' | 'undetermined';

export interface TextEdit {
  /** Path of the file the edit applies to (same form as `Finding.file`). */
  file: string;
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Only fixes the engine verified (re-parse, finding gone, no new finding) are preferred. */
  preferred: boolean;
}

export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

export interface Waiver {
  ruleId: string;
  reason: string;
  /** ISO date (YYYY-MM-DD) after which the waiver stops hiding its finding. */
  expires?: string;
  file: string;
  range: Range;
  source: 'inline' | 'file';
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  status: FindingStatus;
  message: string;
  file: string;
  range: Range;
  /** The resource or object concerned, e.g. `aws_s3_bucket.records` or `Deployment/ehr/api`. */
  resource?: string;
  controls: string[];
  related: RelatedLocation[];
  fix?: Fix;
  /** Why the outcome is undetermined, when it is. */
  reason?: string;
  /** Stable across unrelated edits: rule, file, resource and the offending text. */
  fingerprint: string;
  /** Set on findings hidden by a waiver (they are reported separately). */
  waiver?: Waiver;
}

export interface FileReport {
  file: string;
  kind: string;
  parseErrors: number;
  /** Set when the file was not linted (too large, binary, ...), with the reason. */
  skipped?: string;
}

export interface LintResult {
  files: FileReport[];
  findings: Finding[];
  suppressed: Finding[];
  /** Checks that passed, per rule and subject, for compliance summaries. */
  passes: PassRecord[];
}

export interface PassRecord {
  ruleId: string;
  file: string;
  resource?: string;
}
