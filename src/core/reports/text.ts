/**
 * The terminal report: findings grouped by file, one line each with position, severity, message
 * and rule, then a summary. Colour only when asked for (the CLI asks on a TTY without NO_COLOR).
 */
import type { Finding, Severity } from '../findings/types';
import { painter, type Painter } from './ansi';
import { sortFindings, summarize } from './summary';
import type { ReportInput, ReportOptions } from './types';

function severityLabel(severity: Severity, paint: Painter): string {
  const padded = severity.padEnd(7);
  if (severity === 'error') return paint.red(padded);
  if (severity === 'warning') return paint.yellow(padded);
  return paint.cyan(padded);
}

function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}

function findingLine(finding: Finding, paint: Painter, positionWidth: number): string {
  const position = `${finding.range.start.line + 1}:${finding.range.start.column + 1}`.padEnd(positionWidth);
  const review = finding.status === 'undetermined' ? paint.dim(` (needs review${finding.reason ? `: ${finding.reason}` : ''})`) : '';
  const resource = finding.resource ? paint.dim(` [${finding.resource}]`) : '';
  const expiredWaiver = finding.waiver ? paint.dim(` (waiver not applied: expires ${finding.waiver.expires ?? 'never'})`) : '';
  const message = finding.message.replace(/\r\n|\r|\n/g, ' ');
  return `  ${paint.dim(position)}  ${severityLabel(finding.severity, paint)}  ${message}${review}${expiredWaiver}${resource}  ${paint.dim(finding.ruleId)}`;
}

export function formatText(input: ReportInput, options: ReportOptions = {}): string {
  const paint = painter(options.color === true);
  const { result } = input;
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const finding of sortFindings(result.findings)) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  for (const [file, findings] of byFile) {
    const width = Math.max(...findings.map((f) => `${f.range.start.line + 1}:${f.range.start.column + 1}`.length));
    lines.push(paint.underline(paint.bold(file)));
    for (const finding of findings) lines.push(findingLine(finding, paint, width));
    lines.push('');
  }

  const skipped = result.files.filter((file) => file.skipped !== undefined);
  if (skipped.length > 0) {
    lines.push(paint.bold('Not linted:'));
    for (const file of skipped) lines.push(`  ${file.file}: ${file.skipped}`);
    lines.push('');
  }
  if (result.internalErrors.length > 0) {
    lines.push(paint.red(paint.bold('Internal rule errors (other rules still ran):')));
    for (const error of result.internalErrors) lines.push(`  ${error.ruleId} on ${error.file}: ${error.message}`);
    lines.push('');
  }
  if (options.quiet) return lines.join('\n');

  const summary = summarize(result);
  const { error, warning, info } = summary.bySeverity;
  const mark = error > 0 ? paint.red('✖') : warning + info > 0 ? paint.yellow('!') : paint.green('✔');
  const parts = [
    `${plural(summary.findings, 'finding')} (${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info)`,
  ];
  if (summary.undetermined > 0) parts.push(`${summary.undetermined} need${summary.undetermined === 1 ? 's' : ''} review`);
  if (summary.suppressed > 0) parts.push(`${summary.suppressed} waived`);
  if (input.baselined) parts.push(`${input.baselined} in baseline`);
  parts.push(`${plural(summary.passes, 'check')} passed`);
  lines.push(`${mark} ${parts.join(', ')} in ${plural(summary.files, 'file')}`);
  if (result.cancelled) lines.push(paint.yellow('The run was cancelled; results are partial.'));
  return `${lines.join('\n')}\n`;
}
