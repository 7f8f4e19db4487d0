/** The compliance report as GitHub-flavoured Markdown (e.g. for a job summary or a PR comment). */
import { buildComplianceSummary } from './compliance';
import { complianceHeadline, complianceTables, complianceTitle, type ReportTable } from './compliance-tables';
import { escapeMarkdown } from './escape';
import type { ReportInput } from './types';

function tableMarkdown(table: ReportTable): string[] {
  const lines = [`## ${escapeMarkdown(table.title)}`, ''];
  if (table.rows.length === 0) return [...lines, escapeMarkdown(table.emptyText), ''];
  lines.push(`| ${table.columns.map(escapeMarkdown).join(' | ')} |`);
  lines.push(`|${table.columns.map(() => ' --- ').join('|')}|`);
  for (const row of table.rows) lines.push(`| ${row.map((cell) => (cell === '' ? ' ' : escapeMarkdown(cell))).join(' | ')} |`);
  lines.push('');
  return lines;
}

export function formatMarkdown(input: ReportInput): string {
  const summary = buildComplianceSummary(input);
  const lines = [
    `# ${escapeMarkdown(complianceTitle(input))}`,
    '',
    `${escapeMarkdown(`${input.tool.name} ${input.tool.version}`)}: ${escapeMarkdown(complianceHeadline(summary))}.`,
    '',
  ];
  if (input.result.cancelled) lines.push('**The run was cancelled; the results are partial.**', '');
  for (const table of complianceTables(summary)) lines.push(...tableMarkdown(table));
  return `${lines.join('\n').trimEnd()}\n`;
}
