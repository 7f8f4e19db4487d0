/**
 * The findings as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break), one row per finding and per waived finding, for spreadsheets an
 * auditor keeps. Lines and columns are 1-based like the other reports.
 */
import type { Finding } from '../findings/types';
import { sortFindings } from './summary';
import type { ReportInput } from './types';

export const CSV_COLUMNS = [
  'ruleId',
  'severity',
  'status',
  'file',
  'line',
  'column',
  'resource',
  'message',
  'controls',
  'waiverReason',
  'waiverExpires',
] as const;

export function csvField(value: string): string {
  // A leading = + - @ makes spreadsheets evaluate the cell; a quote prefix keeps it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function row(finding: Finding, waived: boolean): string[] {
  return [
    finding.ruleId,
    finding.severity,
    waived ? 'waived' : finding.status,
    finding.file,
    String(finding.range.start.line + 1),
    String(finding.range.start.column + 1),
    finding.resource ?? '',
    finding.message,
    finding.controls.join(' '),
    finding.waiver?.reason ?? '',
    finding.waiver?.expires ?? '',
  ];
}

export function formatCsv(input: ReportInput): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const finding of sortFindings(input.result.findings)) rows.push(row(finding, false));
  for (const finding of sortFindings(input.result.suppressed)) rows.push(row(finding, true));
  return rows.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}
