/**
 * GitHub Actions workflow commands (`::error file=...,line=...::message`), which the runner turns
 * into annotations on the pull request. Data escapes `%`, CR and LF; property values also escape
 * `:` and `,` because those delimit the properties.
 */
import type { Finding } from '../findings/types';
import { sortFindings } from './summary';
import type { ReportInput } from './types';

export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

type AnnotationLevel = 'error' | 'warning' | 'notice';

export function workflowCommand(level: AnnotationLevel, properties: Array<[string, string | number]>, message: string): string {
  const props = properties.map(([key, value]) => `${key}=${escapeCommandProperty(String(value))}`).join(',');
  return `::${level}${props ? ` ${props}` : ''}::${escapeCommandData(message)}`;
}

function levelOf(finding: Finding): AnnotationLevel {
  if (finding.status === 'undetermined' || finding.severity === 'info') return 'notice';
  return finding.severity;
}

export function formatGithub(input: ReportInput): string {
  const { result } = input;
  const titles = new Map(input.rules.map((rule) => [rule.id, rule.title]));
  const lines: string[] = [];
  for (const finding of sortFindings(result.findings)) {
    const { start, end } = finding.range;
    const ruleTitle = titles.get(finding.ruleId);
    const title = `${finding.status === 'undetermined' ? 'Needs review: ' : ''}${ruleTitle ? `${ruleTitle} ` : ''}(${finding.ruleId})`;
    const details = [finding.message];
    if (finding.reason) details.push(`Why undetermined: ${finding.reason}`);
    if (finding.resource) details.push(`Resource: ${finding.resource}`);
    if (finding.controls.length > 0) details.push(`Controls: ${finding.controls.join(', ')}`);
    lines.push(
      workflowCommand(
        levelOf(finding),
        [
          ['file', finding.file],
          ['line', start.line + 1],
          ['endLine', end.line + 1],
          ['col', start.column + 1],
          ['endColumn', end.column + 1],
          ['title', title],
        ],
        details.join('\n'),
      ),
    );
  }
  for (const file of result.files) {
    if (file.skipped !== undefined) lines.push(workflowCommand('warning', [['file', file.file], ['title', 'Not linted']], file.skipped));
  }
  for (const error of result.internalErrors) {
    lines.push(workflowCommand('error', [['file', error.file], ['title', `Internal error in rule ${error.ruleId}`]], error.message));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
