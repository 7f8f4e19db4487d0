/** Rule documentation as plain text and Markdown, for SARIF help, `explain` and reports. */
import type { RuleMeta } from '../rules/types';
import type { ReportCatalog } from './types';

/** Message templates name parts of the subject as `{resource}`; rule-level text shows `<resource>`. */
export function templateToGeneric(template: string): string {
  return template.replace(/\{(\w+)\}/g, '<$1>');
}

export function ruleDocsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

export function ruleHelpUri(informationUri: string, ruleId: string): string {
  return `${informationUri.replace(/\/+$/, '')}/blob/main/${ruleDocsPath(ruleId)}`;
}

function controlLine(id: string, catalog: ReportCatalog | undefined): string {
  const control = catalog?.get(id);
  return control ? `${id}: ${control.title}` : id;
}

export function ruleHelpText(rule: RuleMeta, catalog: ReportCatalog | undefined): string {
  const lines = [
    rule.title,
    '',
    `What: ${templateToGeneric(rule.message.what)}`,
    `Why: ${rule.message.why}`,
    `Fix: ${rule.message.fix}`,
  ];
  if (rule.remediation.trim()) lines.push('', rule.remediation.trim());
  if (rule.controls.length > 0) {
    lines.push('', 'Controls:');
    for (const id of rule.controls) lines.push(`- ${controlLine(id, catalog)}`);
  }
  if (!rule.fixable && rule.noFixReason) lines.push('', `No automatic fix: ${rule.noFixReason}`);
  return lines.join('\n');
}

export function ruleHelpMarkdown(rule: RuleMeta, catalog: ReportCatalog | undefined): string {
  const lines = [
    `**${rule.title}**`,
    '',
    `- **What:** ${templateToGeneric(rule.message.what)}`,
    `- **Why:** ${rule.message.why}`,
    `- **Fix:** ${rule.message.fix}`,
  ];
  if (rule.remediation.trim()) lines.push('', '## Remediation', '', rule.remediation.trim());
  if (rule.controls.length > 0) {
    lines.push('', '## Controls', '');
    for (const id of rule.controls) lines.push(`- ${controlLine(id, catalog)}`);
  }
  if (!rule.fixable && rule.noFixReason) lines.push('', `No automatic fix: ${rule.noFixReason}`);
  return lines.join('\n');
}
