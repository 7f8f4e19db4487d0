/**
 * Baselines: a record of the findings a team has accepted for now, so a scan reports only what is
 * new. A finding matches a baseline entry only when rule, file, resource and fingerprint all agree,
 * so an old problem in one file never hides a new one elsewhere. Entries are counted: two identical
 * findings need two entries.
 */
import type { Finding } from '../core/findings/types';
import { compareText } from '../core/reports/summary';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  ruleId: string;
  file: string;
  resource?: string;
  fingerprint: string;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  tool: string;
  findings: BaselineEntry[];
}

function keyOf(entry: BaselineEntry): string {
  return JSON.stringify([entry.ruleId, entry.file, entry.resource ?? '', entry.fingerprint]);
}

export function createBaseline(tool: string, findings: readonly Finding[]): Baseline {
  const entries = findings.map((finding) => ({
    ruleId: finding.ruleId,
    file: finding.file,
    ...(finding.resource !== undefined ? { resource: finding.resource } : {}),
    fingerprint: finding.fingerprint,
  }));
  entries.sort((a, b) => compareText(keyOf(a), keyOf(b)));
  return { version: BASELINE_VERSION, tool, findings: entries };
}

export function serializeBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

export class BaselineFormatError extends Error {}

function isEntry(value: unknown): value is BaselineEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.ruleId === 'string' &&
    typeof entry.file === 'string' &&
    typeof entry.fingerprint === 'string' &&
    (entry.resource === undefined || typeof entry.resource === 'string')
  );
}

export function parseBaseline(text: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineFormatError(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const record = data as Partial<Baseline> | null;
  if (typeof record !== 'object' || record === null || !Array.isArray(record.findings)) {
    throw new BaselineFormatError('expected an object with a "findings" array (write one with --write-baseline)');
  }
  if (record.version !== BASELINE_VERSION) throw new BaselineFormatError(`unsupported baseline version ${String(record.version)} (expected ${BASELINE_VERSION})`);
  const bad = record.findings.findIndex((entry) => !isEntry(entry));
  if (bad >= 0) throw new BaselineFormatError(`findings[${bad}] needs string ruleId, file and fingerprint`);
  return { version: BASELINE_VERSION, tool: String(record.tool ?? ''), findings: record.findings };
}

export function applyBaseline(findings: readonly Finding[], baseline: Baseline): { kept: Finding[]; hidden: number } {
  const remaining = new Map<string, number>();
  for (const entry of baseline.findings) remaining.set(keyOf(entry), (remaining.get(keyOf(entry)) ?? 0) + 1);
  const kept: Finding[] = [];
  let hidden = 0;
  for (const finding of findings) {
    const key = keyOf(finding);
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      hidden++;
    } else {
      kept.push(finding);
    }
  }
  return { kept, hidden };
}
