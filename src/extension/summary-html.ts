/**
 * The overview webview's page: bar charts per control family and per ENISA use case, a per-file
 * table and the waivers expiring soon, as inline SVG coloured through VS Code's theme variables.
 * Everything is escaped; the only script carries the page's nonce and talks to the extension
 * through `postMessage` (open a location, export the report). No remote resources.
 */
import type { ComplianceSummary, Tally, WaiverEntry } from '../core/reports';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const SEGMENTS: Array<{ key: keyof Pick<Tally, 'failed' | 'undetermined' | 'suppressed' | 'passed'>; label: string; color: string }> = [
  { key: 'failed', label: 'failed', color: 'var(--vscode-charts-red)' },
  { key: 'undetermined', label: 'undetermined', color: 'var(--vscode-charts-yellow)' },
  { key: 'suppressed', label: 'waived', color: 'var(--vscode-charts-purple)' },
  { key: 'passed', label: 'passed', color: 'var(--vscode-charts-green)' },
];

function total(t: Tally): number {
  return t.failed + t.undetermined + t.suppressed + t.passed;
}

/** One horizontal stacked bar per row; widths are shares of the largest row. */
export function barChartSvg(title: string, rows: readonly Tally[]): string {
  const rowHeight = 22;
  const labelWidth = 190;
  const barWidth = 360;
  const max = Math.max(1, ...rows.map(total));
  const parts: string[] = [];
  rows.forEach((row, index) => {
    const y = index * rowHeight;
    parts.push(`<text x="0" y="${y + 15}" class="label">${escapeHtml(row.label)}</text>`);
    let x = labelWidth;
    for (const segment of SEGMENTS) {
      const count = row[segment.key];
      if (count === 0) continue;
      const width = (count / max) * barWidth;
      parts.push(`<rect x="${x.toFixed(1)}" y="${y + 3}" width="${width.toFixed(1)}" height="${rowHeight - 6}" fill="${segment.color}" data-count="${count}" data-outcome="${segment.key}"><title>${escapeHtml(`${row.label}: ${count} ${segment.label}`)}</title></rect>`);
      x += width;
    }
    parts.push(`<text x="${(x + 6).toFixed(1)}" y="${y + 15}" class="count">${total(row)}</text>`);
  });
  const height = Math.max(rowHeight, rows.length * rowHeight);
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg role="img" aria-label="${escapeHtml(title)}" width="${labelWidth + barWidth + 50}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 50} ${height}">${parts.join('')}</svg></figure>`;
}

function legend(): string {
  // Inline style attributes are blocked by the CSP; the swatches take their colour from classes.
  return `<p class="legend">${SEGMENTS.map((s) => `<span><i class="swatch-${s.key}"></i>${s.label}</span>`).join(' ')}</p>`;
}

function fileTable(rows: readonly Tally[]): string {
  const body = rows
    .map((r) => `<tr><td><a href="#" data-file="${escapeHtml(r.key)}">${escapeHtml(r.label)}</a></td><td>${r.failed}</td><td>${r.undetermined}</td><td>${r.suppressed}</td><td>${r.passed}</td></tr>`)
    .join('');
  return `<table><thead><tr><th>File</th><th>Failed</th><th>Undetermined</th><th>Waived</th><th>Passed</th></tr></thead><tbody>${body}</tbody></table>`;
}

function waiverList(waivers: readonly WaiverEntry[]): string {
  if (waivers.length === 0) return '<p>No waiver expires within 30 days.</p>';
  return `<ul>${waivers
    .map((w) => `<li><a href="#" data-file="${escapeHtml(w.file)}" data-line="${w.line - 1}">${escapeHtml(`${w.file}:${w.line}`)}</a> <code>${escapeHtml(w.ruleId)}</code> ${w.inForce ? 'expires' : 'expired'} ${escapeHtml(w.expires ?? '')}: ${escapeHtml(w.reason)}</li>`)
    .join('')}</ul>`;
}

export interface SummaryPageOptions {
  nonce: string;
  cspSource: string;
  expiring: readonly WaiverEntry[];
}

export function summaryHtml(summary: ComplianceSummary, options: SummaryPageOptions): string {
  const t = summary.totals;
  const csp = `default-src 'none'; img-src ${options.cspSource} data:; style-src 'nonce-${options.nonce}'; script-src 'nonce-${options.nonce}';`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ENISA Health compliance summary</title>
<style nonce="${options.nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px; }
svg text { fill: var(--vscode-foreground); font-size: 12px; }
svg text.count { fill: var(--vscode-descriptionForeground); }
figure { margin: 8px 0 16px; } figcaption { font-weight: 600; margin-bottom: 4px; }
table { border-collapse: collapse; } th, td { border-bottom: 1px solid var(--vscode-panel-border); padding: 2px 10px; text-align: left; }
a { color: var(--vscode-textLink-foreground); }
.legend span { margin-right: 12px; } .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
.totals { font-size: 1.1em; }
${SEGMENTS.map((s) => `.swatch-${s.key} { background: ${s.color}; }`).join('\n')}
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 4px 10px; cursor: pointer; }
</style></head>
<body>
<h1>Compliance summary</h1>
<p class="totals" id="totals" data-files="${t.files}" data-findings="${t.findings}" data-undetermined="${t.undetermined}" data-suppressed="${t.suppressed}" data-passes="${t.passes}">
${t.files} files · ${t.bySeverity.error} errors · ${t.bySeverity.warning} warnings · ${t.undetermined} undetermined · ${t.suppressed} waived · ${t.passes} checks passed</p>
<p><button id="export">Export report…</button></p>
${legend()}
${barChartSvg('Per control family', summary.byFamily)}
${barChartSvg('Per ENISA use case', summary.byUseCase)}
<h2>Per file</h2>
${fileTable(summary.byFile)}
<h2>Waivers expiring within 30 days</h2>
${waiverList(options.expiring)}
<script nonce="${options.nonce}">
const vscode = acquireVsCodeApi();
document.getElementById('export').addEventListener('click', () => vscode.postMessage({ type: 'export' }));
document.querySelectorAll('a[data-file]').forEach((a) => a.addEventListener('click', (event) => {
  event.preventDefault();
  vscode.postMessage({ type: 'open', file: a.dataset.file, line: Number(a.dataset.line || 0) });
}));
</script>
</body></html>`;
}
