/** `rules`, `controls` and `explain RULE-ID`: what the tool checks and why, in the terminal. */
import type { Catalog, Control } from '../../core/catalog';
import type { RuleMeta } from '../../core/rules/types';
import { ruleDocsPath, ruleHelpText } from '../../core/reports';
import { compareText } from '../../core/reports/summary';
import { UsageError } from '../argv';

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n');
}

export function listRules(rules: readonly RuleMeta[], format: 'text' | 'json'): string {
  const sorted = [...rules].sort((a, b) => compareText(a.id, b.id));
  if (format === 'json') return `${JSON.stringify(sorted, null, 2)}\n`;
  const rows = [['RULE', 'SEVERITY', 'TARGET', 'FIX', 'TITLE'], ...sorted.map((r) => [r.id, r.severity, r.target, r.fixable ? 'yes' : 'no', r.title])];
  return `${table(rows)}\n\n${sorted.length} rules. Details: enisa-health-lint explain RULE-ID\n`;
}

export function listControls(catalog: Catalog, format: 'text' | 'json'): string {
  if (format === 'json') return `${JSON.stringify({ sources: catalog.sources, controls: catalog.controls }, null, 2)}\n`;
  const blocks: string[] = [];
  for (const [sourceKey, controls] of catalog.bySource()) {
    const source = catalog.source(sourceKey);
    const heading = source ? `${source.title} (${source.publisher}${source.date ? `, ${source.date}` : ''})` : sourceKey;
    const rows = controls.map((c: Control) => [c.id, c.family, c.title]);
    blocks.push(`${heading}\n${table(rows).replace(/^/gm, '  ')}`);
  }
  return `${blocks.join('\n\n')}\n\n${catalog.controls.length} controls from ${catalog.sources.length} sources.\n`;
}

export function explainRule(ruleId: string, rules: readonly RuleMeta[], catalog: Catalog): string {
  const rule = rules.find((r) => r.id === ruleId);
  if (!rule) {
    const needle = ruleId.toLowerCase();
    const close = rules.filter((r) => r.id.includes(needle) || needle.includes(r.id)).map((r) => r.id).slice(0, 5);
    throw new UsageError(`unknown rule "${ruleId}"${close.length > 0 ? ` (did you mean ${close.join(', ')}?)` : ''}; list them with "enisa-health-lint rules"`);
  }
  const facts = [
    `${rule.id} (${rule.severity}, ${rule.target}${rule.healthData ? ', raised one level for patient data' : ''})`,
    `Applies to: ${rule.selectors.join(', ') || '-'}`,
    `Use cases: ${rule.useCases.join(', ') || '-'}`,
    `Quick fix: ${rule.fixable ? 'yes' : `no${rule.noFixReason ? ` (${rule.noFixReason})` : ''}`}`,
    `Defined in: ${rule.definedIn}`,
    `Docs: ${ruleDocsPath(rule.id)}`,
  ];
  const help = ruleHelpText(rule, catalog).split('\n');
  // ruleHelpText already ends with the no-fix reason, which the facts above state.
  const withoutNoFix = help.filter((line) => !line.startsWith('No automatic fix:'));
  return `${withoutNoFix[0]}\n${'='.repeat(withoutNoFix[0].length)}\n${facts.join('\n')}\n${withoutNoFix.slice(1).join('\n').replace(/\n+$/, '')}\n`;
}
