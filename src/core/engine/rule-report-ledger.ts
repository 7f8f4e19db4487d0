/**
 * What one rule has reported so far in a lint: the findings already seen (a rule may reach the
 * same spot through two subjects) and the fixes offered per file. Kept per rule, so its keys need
 * not name the rule, and built from numbers: string keys for every finding on every keystroke were
 * a measurable share of a lint's garbage.
 */
import type { Finding } from '../findings/types';

/** Offsets below this pack two to a number exactly (2^24 * 2^24 * 2 < 2^53). */
const PACKABLE = 2 ** 24;

export class RuleReportLedger {
  private readonly ranges = new Map<string, Set<number | string>>();
  private readonly fixes = new Map<string, number>();
  /** Whether the current rule reported anything: most rules report nothing on most subjects. */
  private used = false;

  /** Forgets the previous rule's findings and fixes. */
  startRule(): void {
    if (!this.used) return;
    this.used = false;
    // forEach makes no iterator objects; this runs for every rule of every lint.
    this.ranges.forEach(clearSet);
    this.fixes.clear();
  }

  /** True the first time this rule reports this file, range and status. */
  firstReport(finding: Finding): boolean {
    this.used = true;
    let seen = this.ranges.get(finding.file);
    if (!seen) this.ranges.set(finding.file, (seen = new Set()));
    const key = rangeKey(finding);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }

  /** Counts a fix offered in `file`; true while fewer than `budget` were offered before. */
  takeFix(file: string, budget: number): boolean {
    this.used = true;
    const used = this.fixes.get(file) ?? 0;
    this.fixes.set(file, used + 1);
    return used < budget;
  }
}

function clearSet(set: Set<unknown>): void {
  set.clear();
}

function rangeKey(finding: Finding): number | string {
  const start = finding.range.start.offset;
  const end = finding.range.end.offset;
  const undetermined = finding.status === 'fail' ? 0 : 1;
  if (start >= 0 && end >= 0 && start < PACKABLE && end < PACKABLE) return (start * PACKABLE + end) * 2 + undetermined;
  return `${start}|${end}|${finding.status}`;
}
