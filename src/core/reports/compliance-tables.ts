/**
 * The compliance report's content as plain-text tables, so the Markdown and HTML renderers say
 * exactly the same thing and differ only in markup.
 */
import type { ComplianceSummary, Tally } from './compliance';
import type { ReportInput } from './types';

export interface ReportTable {
  title: string;
  columns: string[];
  rows: string[][];
  /** Said instead of an empty table. */
  emptyText: string;
}

const TALLY_COLUMNS = ['Failed', 'Needs review', 'Waived', 'Passed'];

function tallyCells(tally: Tally): string[] {
  return [tally.failed, tally.undetermined, tally.suppressed, tally.passed].map(String);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function complianceTitle(input: ReportInput): string {
  return `${input.tool.name} compliance report`;
}

/** One line with the totals, e.g. "16 files, 12 findings (5 errors, ...), 40 checks passed". */
export function complianceHeadline(summary: ComplianceSummary): string {
  const totals = summary.totals;
  const { error, warning, info } = totals.bySeverity;
  const parts = [
    plural(totals.files, 'file'),
    `${plural(totals.findings, 'finding')} (${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info)`,
    `${totals.undetermined} need${totals.undetermined === 1 ? 's' : ''} review`,
    `${totals.suppressed} waived`,
    `${plural(totals.passes, 'check')} passed`,
  ];
  if (summary.baselined > 0) parts.push(`${summary.baselined} hidden by the baseline`);
  return parts.join(', ');
}

export function complianceTables(summary: ComplianceSummary): ReportTable[] {
  const tables: ReportTable[] = [
    {
      title: 'By control family',
      columns: ['Family', ...TALLY_COLUMNS],
      rows: summary.byFamily.map((t) => [t.label, ...tallyCells(t)]),
      emptyText: 'No checks ran.',
    },
    {
      title: 'By ENISA health-care use case',
      columns: ['Use case', ...TALLY_COLUMNS],
      rows: summary.byUseCase.map((t) => [t.label, ...tallyCells(t)]),
      emptyText: 'No check is tied to a use case.',
    },
    {
      title: 'By file',
      columns: ['File', ...TALLY_COLUMNS],
      rows: summary.byFile.map((t) => [t.label, ...tallyCells(t)]),
      emptyText: 'No files were linted.',
    },
    {
      title: 'By rule',
      columns: ['Rule', 'Title', ...TALLY_COLUMNS],
      rows: summary.byRule.map((t) => [t.key, t.label, ...tallyCells(t)]),
      emptyText: 'No checks ran.',
    },
    {
      title: 'Findings',
      columns: ['Severity', 'Status', 'Location', 'Rule', 'Resource', 'Message', 'Controls'],
      rows: summary.findings.map((f) => [
        f.severity,
        f.status === 'undetermined' ? `needs review${f.reason ? `: ${f.reason}` : ''}` : 'fail',
        `${f.file}:${f.range.start.line + 1}:${f.range.start.column + 1}`,
        f.ruleId,
        f.resource ?? '',
        f.message,
        f.controls.join(', '),
      ]),
      emptyText: 'No findings.',
    },
    {
      title: 'Waivers',
      columns: ['Rule', 'Location', 'Resource', 'Reason', 'Expires', 'In force'],
      rows: summary.waivers.map((w) => [
        w.ruleId,
        `${w.file}:${w.line}`,
        w.resource ?? '',
        w.reason,
        w.expires ?? 'no expiry',
        w.inForce ? 'yes' : 'no (expired or not allowed)',
      ]),
      emptyText: 'No waivers.',
    },
  ];
  if (summary.skippedFiles.length > 0) {
    tables.push({
      title: 'Not linted',
      columns: ['File', 'Reason'],
      rows: summary.skippedFiles.map((file) => [file.file, file.skipped ?? '']),
      emptyText: '',
    });
  }
  if (summary.internalErrors.length > 0) {
    tables.push({
      title: 'Internal rule errors',
      columns: ['Rule', 'File', 'Message'],
      rows: summary.internalErrors.map((e) => [e.ruleId, e.file, e.message]),
      emptyText: '',
    });
  }
  return tables;
}
