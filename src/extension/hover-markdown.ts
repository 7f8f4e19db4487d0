/**
 * The Markdown of our hovers, kept free of the `vscode` module so it can be unit-tested: what the
 * rule checks, why it matters for patient data in the use cases concerned, the controls it answers
 * (with the catalog's paraphrase), how to fix it, and where an undetermined value comes from.
 */
import type { Finding, PassRecord } from '../core/findings/types';
import { templateToGeneric } from '../core/reports/rule-text';
import type { ReportCatalog } from '../core/reports/types';
import type { RuleMeta, UseCase } from '../core/rules/types';

const USE_CASE_LABELS: Record<UseCase, string> = {
  ehr: 'electronic health records (EHR)',
  'remote-care': 'remote care',
  'medical-devices': 'medical devices',
};

export interface HoverLinks {
  /** A link (command or web) to the rule's documentation page. */
  docs(ruleId: string): string;
}

function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

/** A code span that survives backticks in the text. */
function code(text: string): string {
  const fence = text.includes('`') ? '`` ' : '`';
  return `${fence}${text}${fence === '`` ' ? ' ``' : '`'}`;
}

function oneLine(text: string, max = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function useCaseText(useCases: readonly UseCase[]): string {
  const labels = useCases.map((u) => USE_CASE_LABELS[u]);
  return labels.length ? labels.join(', ') : 'all health-care workloads';
}

export function findingHoverMarkdown(finding: Finding, rule: RuleMeta | undefined, catalog: ReportCatalog | undefined, links: HoverLinks): string {
  const lines: string[] = [];
  const status = finding.status === 'undetermined' ? 'undetermined' : finding.severity;
  lines.push(`**${escapeInline(rule?.title ?? finding.ruleId)}** · \`${finding.ruleId}\` · ${status}`, '');
  lines.push(escapeInline(finding.message), '');
  if (rule) {
    lines.push(`**Checks:** ${escapeInline(templateToGeneric(rule.message.what))}`, '');
    lines.push(`**Why it matters for patient data** (${useCaseText(rule.useCases)}): ${escapeInline(rule.message.why)}`, '');
  }
  const controls = finding.controls.length ? finding.controls : (rule?.controls ?? []);
  if (controls.length) {
    lines.push('**Controls:**');
    for (const id of controls) {
      const control = catalog?.get(id);
      const paraphrase = control?.summary ? ` — ${escapeInline(oneLine(control.summary))}` : '';
      lines.push(`- **${escapeInline(id)}**${control ? ` ${escapeInline(control.title)}` : ''}${paraphrase}`);
    }
    lines.push('');
  }
  if (rule) lines.push(`**How to fix:** ${escapeInline(rule.message.fix)}${finding.fix ? ` (quick fix: ${escapeInline(finding.fix.title)})` : ''}`, '');
  if (finding.status === 'undetermined') {
    lines.push(`**Why undetermined:** ${escapeInline(finding.reason ?? 'the value is only known when Terraform runs')}`);
    for (const related of finding.related) {
      lines.push(`- ${escapeInline(related.message)} (${escapeInline(related.file.split('/').pop() ?? related.file)}:${related.range.start.line + 1})`);
    }
    lines.push('');
  }
  lines.push(`[Documentation for ${finding.ruleId}](${links.docs(finding.ruleId)})`);
  return lines.join('\n');
}

export interface SubjectOutcome {
  resource: string;
  passes: readonly PassRecord[];
  failures: readonly Finding[];
  waived: readonly Finding[];
}

/** A block header's hover: which rules looked at it and how it fared. */
export function subjectHoverMarkdown(outcome: SubjectOutcome, rules: ReadonlyMap<string, RuleMeta>, links: HoverLinks): string | undefined {
  const passed = [...new Set(outcome.passes.map((p) => p.ruleId))].sort();
  const failed = [...new Set(outcome.failures.map((f) => f.ruleId))].sort();
  const waived = [...new Set(outcome.waived.map((f) => f.ruleId))].sort();
  const checked = new Set([...passed, ...failed, ...waived]);
  if (checked.size === 0) return undefined;
  const line = (id: string) => `- [\`${id}\`](${links.docs(id)}) ${escapeInline(rules.get(id)?.title ?? '')}`;
  const lines = [`**ENISA Health** · ${code(outcome.resource)}: checked by ${checked.size} rule${checked.size === 1 ? '' : 's'}`, ''];
  if (failed.length) lines.push(`**Failing or undetermined (${failed.length}):**`, ...failed.map(line), '');
  if (waived.length) lines.push(`**Waived (${waived.length}):**`, ...waived.map(line), '');
  if (passed.length) lines.push(`**Passed (${passed.length}):**`, ...passed.map(line), '');
  return lines.join('\n').trimEnd();
}
