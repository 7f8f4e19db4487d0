/**
 * The compliance report as one standalone HTML page: inline CSS, no scripts, no remote resources
 * (a Content-Security-Policy says so to the browser too), every text escaped.
 */
import { buildComplianceSummary } from './compliance';
import { complianceHeadline, complianceTables, complianceTitle, type ReportTable } from './compliance-tables';
import { escapeHtml } from './escape';
import type { ReportInput } from './types';

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem; color: #1d2430; background: #fff; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #d8dee6; padding-bottom: .2rem; }
p.headline { color: #4a5563; }
table { border-collapse: collapse; width: 100%; margin-top: .5rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .55rem; border-bottom: 1px solid #e6eaef; }
th { background: #f3f5f8; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.sev-error { color: #b42318; font-weight: 600; }
td.sev-warning { color: #9a6700; font-weight: 600; }
td.sev-info { color: #1f6feb; }
.notice { padding: .5rem .75rem; background: #fff4e5; border-left: 4px solid #9a6700; }
@media print { body { margin: 0; } }
`.trim();

function cellHtml(column: string, value: string): string {
  if (/^\d+$/.test(value) && column !== 'Location') return `<td class="num">${value}</td>`;
  if (column === 'Severity') return `<td class="sev-${escapeHtml(value)}">${escapeHtml(value)}</td>`;
  return `<td>${escapeHtml(value)}</td>`;
}

function tableHtml(table: ReportTable): string {
  const heading = `<h2>${escapeHtml(table.title)}</h2>`;
  if (table.rows.length === 0) return `${heading}\n<p>${escapeHtml(table.emptyText)}</p>`;
  const head = `<tr>${table.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = table.rows.map((row) => `<tr>${row.map((cell, i) => cellHtml(table.columns[i], cell)).join('')}</tr>`).join('\n');
  return `${heading}\n<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

export function formatHtml(input: ReportInput): string {
  const summary = buildComplianceSummary(input);
  const title = complianceTitle(input);
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="headline">${escapeHtml(`${input.tool.name} ${input.tool.version}: ${complianceHeadline(summary)}.`)}</p>`,
  ];
  if (input.result.cancelled) parts.push('<p class="notice">The run was cancelled; the results are partial.</p>');
  for (const table of complianceTables(summary)) parts.push(tableHtml(table));
  parts.push('</body>', '</html>');
  return `${parts.join('\n')}\n`;
}
