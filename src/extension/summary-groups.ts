/**
 * The compliance summary as a navigation tree: control family → control → rule → finding, ENISA
 * use case → rule → finding, file → finding, and waivers expiring soon. Pure data (no `vscode`),
 * built from the same `ComplianceSummary` the reports use so the counts agree everywhere.
 */
import type { ComplianceSummary, ReportCatalog, Tally, WaiverEntry } from '../core/reports';
import type { Finding } from '../core/findings/types';
import type { RuleMeta, UseCase } from '../core/rules/types';

export interface SummaryLocation {
  /** Relative to the workspace folder, as in reports. */
  file: string;
  line: number;
  column: number;
}

export interface SummaryNode {
  label: string;
  description?: string;
  tooltip?: string;
  icon?: 'error' | 'warning' | 'info' | 'pass' | 'waiver' | 'group';
  location?: SummaryLocation;
  children?: SummaryNode[];
}

export const EXPIRY_WINDOW_DAYS = 30;

export function tallyText(t: Tally): string {
  return `${t.failed} failed · ${t.undetermined} undetermined · ${t.suppressed} waived · ${t.passed} passed`;
}

function findingNode(finding: Finding): SummaryNode {
  const line = finding.range.start.line + 1;
  return {
    label: finding.resource ?? finding.message,
    description: `${finding.file}:${line}`,
    tooltip: finding.message,
    icon: finding.status === 'undetermined' ? 'info' : finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'info',
    location: { file: finding.file, line: finding.range.start.line, column: finding.range.start.column },
  };
}

function ruleNodes(findings: readonly Finding[], rules: ReadonlyMap<string, RuleMeta>, tallies: ReadonlyMap<string, Tally>, ruleIds: Iterable<string>): SummaryNode[] {
  return [...new Set(ruleIds)].sort().map((ruleId) => {
    const own = findings.filter((f) => f.ruleId === ruleId);
    const tally = tallies.get(ruleId);
    return {
      label: ruleId,
      description: tally ? tallyText(tally) : `${own.length} open`,
      tooltip: rules.get(ruleId)?.title,
      icon: own.length ? 'error' : 'pass',
      children: own.map(findingNode),
    };
  });
}

function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export function expiringWaivers(waivers: readonly WaiverEntry[], today: string, windowDays = EXPIRY_WINDOW_DAYS): WaiverEntry[] {
  return waivers.filter((w) => w.expires !== undefined && (daysUntil(w.expires, today) <= windowDays || !w.inForce));
}

export function buildSummaryTree(summary: ComplianceSummary, rules: readonly RuleMeta[], catalog: ReportCatalog | undefined, today: string): SummaryNode[] {
  const rulesById = new Map(rules.map((r) => [r.id, r]));
  const ruleTallies = new Map(summary.byRule.map((t) => [t.key, t]));
  const checkedRules = summary.byRule.map((t) => t.key);

  const families: SummaryNode[] = summary.byFamily.map((family) => {
    const controlIds = new Set<string>();
    for (const ruleId of checkedRules) {
      for (const id of rulesById.get(ruleId)?.controls ?? []) if ((catalog?.get(id)?.family ?? 'unmapped') === family.key) controlIds.add(id);
    }
    return {
      label: family.label,
      description: tallyText(family),
      icon: family.failed ? 'error' : family.undetermined ? 'info' : 'pass',
      children: [...controlIds].sort().map((id) => {
        const ruleIds = checkedRules.filter((ruleId) => rulesById.get(ruleId)?.controls.includes(id));
        return {
          label: id,
          description: catalog?.get(id)?.title,
          tooltip: catalog?.get(id)?.summary,
          icon: 'group',
          children: ruleNodes(summary.findings, rulesById, ruleTallies, ruleIds),
        };
      }),
    };
  });

  const useCases: SummaryNode[] = summary.byUseCase.map((useCase) => ({
    label: useCase.label,
    description: tallyText(useCase),
    icon: useCase.failed ? 'error' : 'pass',
    children: ruleNodes(
      summary.findings,
      rulesById,
      ruleTallies,
      checkedRules.filter((ruleId) => (rulesById.get(ruleId)?.useCases ?? []).includes(useCase.key as UseCase)),
    ),
  }));

  const files: SummaryNode[] = summary.byFile.map((file) => ({
    label: file.label,
    description: tallyText(file),
    icon: file.failed ? 'error' : 'pass',
    children: summary.findings.filter((f) => f.file === file.key).map(findingNode),
  }));

  const expiring: SummaryNode[] = expiringWaivers(summary.waivers, today).map((w) => ({
    label: `${w.ruleId} (${w.inForce ? 'expires' : 'expired'} ${w.expires})`,
    description: `${w.file}:${w.line}`,
    tooltip: w.reason,
    icon: 'waiver',
    location: { file: w.file, line: w.line - 1, column: 0 },
  }));

  if (summary.byFile.length === 0) return [];
  return [
    { label: 'Control families', description: `${summary.totals.findings} open · ${summary.totals.suppressed} waived · ${summary.totals.passes} passed`, icon: 'group', children: families },
    { label: 'ENISA use cases', icon: 'group', children: useCases },
    { label: 'Files', description: `${summary.byFile.length}`, icon: 'group', children: files },
    { label: `Waivers expiring within ${EXPIRY_WINDOW_DAYS} days`, description: `${expiring.length}`, icon: 'waiver', children: expiring },
  ];
}
