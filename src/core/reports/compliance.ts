/**
 * The compliance view of a lint result: how the checks fare per control family, per ENISA
 * health-care use case, per file and per rule, plus the findings and the waivers in force. The
 * Markdown and HTML reports render it, and the editor's summary view can show the same numbers.
 */
import type { FileReport, Finding } from '../findings/types';
import type { RuleMeta, UseCase } from '../rules/types';
import { compareText, sortFindings, summarize, type ResultSummary } from './summary';
import type { ReportCatalog, ReportInput } from './types';

export interface Tally {
  key: string;
  label: string;
  failed: number;
  undetermined: number;
  suppressed: number;
  passed: number;
}

export interface WaiverEntry {
  ruleId: string;
  file: string;
  /** 1-based line of the waived finding. */
  line: number;
  resource?: string;
  reason: string;
  expires?: string;
  /** False when the waiver no longer hides its finding (expired or refused by policy). */
  inForce: boolean;
}

export interface ComplianceSummary {
  totals: ResultSummary;
  byFamily: Tally[];
  byUseCase: Tally[];
  byFile: Tally[];
  byRule: Tally[];
  findings: Finding[];
  waivers: WaiverEntry[];
  /** Files that were not linted, with the reason. */
  skippedFiles: FileReport[];
  internalErrors: Array<{ ruleId: string; file: string; message: string }>;
  baselined: number;
}

/** The catalog ids of the three use cases of ENISA's 2021 health-care cloud report. */
export const USE_CASE_CONTROL_IDS: Record<UseCase, string> = {
  ehr: 'ENISA-HC-UC-EHR',
  'remote-care': 'ENISA-HC-UC-RC',
  'medical-devices': 'ENISA-HC-UC-MD',
};

const USE_CASE_FALLBACK_LABELS: Record<UseCase, string> = {
  ehr: 'Electronic health records',
  'remote-care': 'Remote care',
  'medical-devices': 'Medical devices',
};

export const UNMAPPED_FAMILY = 'unmapped';

type Outcome = 'failed' | 'undetermined' | 'suppressed' | 'passed';

class TallyTable {
  private readonly rows = new Map<string, Tally>();

  add(key: string, label: string, outcome: Outcome): void {
    this.row(key, label)[outcome]++;
  }

  /** A row with all counts at zero still says "checked, nothing to report". */
  row(key: string, label: string): Tally {
    let row = this.rows.get(key);
    if (!row) {
      row = { key, label, failed: 0, undetermined: 0, suppressed: 0, passed: 0 };
      this.rows.set(key, row);
    }
    return row;
  }

  sorted(): Tally[] {
    return [...this.rows.values()].sort((a, b) => compareText(a.key, b.key));
  }
}

/** Catalog entries that stand for a whole use case; they are counted per use case, not per family. */
const USE_CASE_FAMILY = 'use-case';

function familiesOf(controls: readonly string[], catalog: ReportCatalog | undefined): string[] {
  const families = new Set<string>();
  for (const id of controls) {
    const family = catalog?.get(id)?.family ?? UNMAPPED_FAMILY;
    if (family !== USE_CASE_FAMILY) families.add(family);
  }
  if (families.size === 0) families.add(UNMAPPED_FAMILY);
  return [...families];
}

function useCasesOf(rule: RuleMeta | undefined, controls: readonly string[], catalog: ReportCatalog | undefined): UseCase[] {
  const useCases = new Set<UseCase>(rule?.useCases ?? []);
  for (const id of controls) for (const useCase of catalog?.get(id)?.useCases ?? []) useCases.add(useCase);
  return [...useCases];
}

function useCaseLabel(useCase: UseCase, catalog: ReportCatalog | undefined): string {
  const title = catalog?.get(USE_CASE_CONTROL_IDS[useCase])?.title;
  // The catalog titles these entries "Use case: ..."; the table column already says so.
  return title ? title.replace(/^use case:\s*/i, '') : USE_CASE_FALLBACK_LABELS[useCase];
}

function outcomeOf(finding: Finding, suppressed: boolean): Outcome {
  if (suppressed) return 'suppressed';
  return finding.status === 'undetermined' ? 'undetermined' : 'failed';
}

function waiverEntry(finding: Finding, inForce: boolean): WaiverEntry | undefined {
  if (!finding.waiver) return undefined;
  return {
    ruleId: finding.ruleId,
    file: finding.file,
    line: finding.range.start.line + 1,
    ...(finding.resource !== undefined ? { resource: finding.resource } : {}),
    reason: finding.waiver.reason,
    ...(finding.waiver.expires !== undefined ? { expires: finding.waiver.expires } : {}),
    inForce,
  };
}

export function buildComplianceSummary(input: ReportInput): ComplianceSummary {
  const { result, catalog } = input;
  const rulesById = new Map(input.rules.map((rule) => [rule.id, rule]));
  const byFamily = new TallyTable();
  const byUseCase = new TallyTable();
  const byFile = new TallyTable();
  const byRule = new TallyTable();

  const record = (ruleId: string, file: string, controls: readonly string[], outcome: Outcome) => {
    const rule = rulesById.get(ruleId);
    for (const family of familiesOf(controls, catalog)) byFamily.add(family, family, outcome);
    for (const useCase of useCasesOf(rule, controls, catalog)) byUseCase.add(useCase, useCaseLabel(useCase, catalog), outcome);
    byFile.add(file, file, outcome);
    byRule.add(ruleId, rule?.title ?? ruleId, outcome);
  };

  for (const finding of result.findings) record(finding.ruleId, finding.file, finding.controls, outcomeOf(finding, false));
  for (const finding of result.suppressed) record(finding.ruleId, finding.file, finding.controls, 'suppressed');
  for (const pass of result.passes) record(pass.ruleId, pass.file, rulesById.get(pass.ruleId)?.controls ?? [], 'passed');
  for (const file of result.files) if (file.skipped === undefined) byFile.row(file.file, file.file);

  const waivers = [
    ...result.suppressed.map((finding) => waiverEntry(finding, true)),
    ...result.findings.map((finding) => waiverEntry(finding, false)),
  ].filter((entry): entry is WaiverEntry => entry !== undefined);
  waivers.sort((a, b) => compareText(a.file, b.file) || a.line - b.line || compareText(a.ruleId, b.ruleId));

  return {
    totals: summarize(result),
    byFamily: byFamily.sorted(),
    byUseCase: byUseCase.sorted(),
    byFile: byFile.sorted(),
    byRule: byRule.sorted(),
    findings: sortFindings(result.findings),
    waivers,
    skippedFiles: result.files.filter((file) => file.skipped !== undefined),
    internalErrors: [...result.internalErrors],
    baselined: input.baselined ?? 0,
  };
}
