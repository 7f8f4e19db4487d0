/**
 * The JSON report: a stable contract for scripts and CI (documented in docs/cli.md). Lines and
 * columns are 1-based; the end column is exclusive.
 */
import type { Finding, Severity, FindingStatus } from '../findings/types';
import { toOneBased, type OneBasedRange } from './positions';
import { sortFindings, summarize, type ResultSummary } from './summary';
import type { ReportInput } from './types';

export interface JsonFinding {
  ruleId: string;
  severity: Severity;
  status: FindingStatus;
  message: string;
  file: string;
  range: OneBasedRange;
  resource?: string;
  controls: string[];
  fixable: boolean;
  reason?: string;
  fingerprint: string;
}

export interface JsonSuppressedFinding extends JsonFinding {
  /** The waiver's justification. */
  reason: string;
  /** The waiver's expiry date, or null when it has none. */
  expires: string | null;
}

export interface JsonFile {
  /** Relative to the working directory, `/`-separated. */
  path: string;
  kind: string;
  parseErrors: number;
  skipped?: string;
}

export interface JsonReport {
  tool: { name: string; version: string };
  files: JsonFile[];
  findings: JsonFinding[];
  suppressed: JsonSuppressedFinding[];
  summary: ResultSummary;
}

function jsonFinding(finding: Finding): JsonFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    status: finding.status,
    message: finding.message,
    file: finding.file,
    range: toOneBased(finding.range),
    ...(finding.resource !== undefined ? { resource: finding.resource } : {}),
    controls: [...finding.controls],
    fixable: finding.fix !== undefined,
    ...(finding.reason !== undefined ? { reason: finding.reason } : {}),
    fingerprint: finding.fingerprint,
  };
}

function jsonSuppressed(finding: Finding): JsonSuppressedFinding {
  return {
    ...jsonFinding(finding),
    reason: finding.waiver?.reason ?? '',
    expires: finding.waiver?.expires ?? null,
  };
}

export function buildJsonReport(input: ReportInput): JsonReport {
  const { result } = input;
  return {
    tool: { name: input.tool.name, version: input.tool.version },
    files: result.files.map((file) => ({
      path: file.file,
      kind: file.kind,
      parseErrors: file.parseErrors,
      ...(file.skipped !== undefined ? { skipped: file.skipped } : {}),
    })),
    findings: sortFindings(result.findings).map(jsonFinding),
    suppressed: sortFindings(result.suppressed).map(jsonSuppressed),
    summary: summarize(result),
  };
}

export function formatJson(input: ReportInput): string {
  return `${JSON.stringify(buildJsonReport(input), null, 2)}\n`;
}
