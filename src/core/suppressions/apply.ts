/**
 * Applies waivers to findings and reports the waivers themselves when they are invalid, expired
 * or hide nothing, so that exceptions stay visible and reviewed.
 */
import type { Finding, Waiver } from '../findings/types';
import type { WaiverPolicy } from '../config/types';
import type { Range } from '../text/position';
import type { ParsedWaiver } from './parse';

export interface WaiverSite extends ParsedWaiver {
  file: string;
  /** The lines this waiver covers (0-based, inclusive). */
  coversFromLine: number;
  coversToLine: number;
  source: 'inline' | 'file';
  /** For waiver-file entries: only findings on this resource. */
  resource?: string;
  /** Where the waiver is written when that is not `file` (the waiver file). */
  definedIn?: string;
}

export interface WaiverOutcome {
  findings: Finding[];
  suppressed: Finding[];
  /** Findings about the waivers themselves (invalid, expired, unused). */
  waiverFindings: Finding[];
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function waiverFinding(site: WaiverSite, ruleId: string, message: string, severity: Finding['severity']): Finding {
  return {
    ruleId,
    severity,
    status: 'fail',
    message,
    file: site.definedIn ?? site.file,
    range: site.range,
    controls: ['EUCS-ISP-03'],
    related: [],
    fingerprint: `${ruleId}:${site.file}:${site.ruleIds.join(',')}:${site.reason}`,
  };
}

export function applyWaivers(findings: Finding[], sites: WaiverSite[], policy: WaiverPolicy, today: string): WaiverOutcome {
  const out: WaiverOutcome = { findings: [], suppressed: [], waiverFindings: [] };
  const usable: WaiverSite[] = [];
  for (const site of sites) {
    const problems = [...site.problems];
    for (const id of site.ruleIds) {
      if (policy.forbiddenRules.includes(id)) problems.push(`the waiver policy does not allow waiving ${id}`);
    }
    if (policy.requireExpiry && !site.expires) problems.push('the waiver policy requires an expiry date ("expires YYYY-MM-DD")');
    if (site.expires && policy.maxDays !== undefined && daysBetween(today, site.expires) > policy.maxDays) {
      problems.push(`the expiry is more than ${policy.maxDays} days away, the longest the waiver policy allows`);
    }
    if (problems.length) {
      out.waiverFindings.push(waiverFinding(site, 'waiver-invalid', `This waiver is not applied: ${problems.join('; ')}.`, 'warning'));
      continue;
    }
    if (site.expires && site.expires < today) {
      out.waiverFindings.push(
        waiverFinding(site, 'waiver-expired', `This waiver of ${site.ruleIds.join(', ')} expired on ${site.expires}; the findings it hid are reported again. Review the exception and fix the finding or renew the waiver with a new date.`, 'warning'),
      );
      continue;
    }
    usable.push(site);
  }
  // Most lints have no waiver at all: hand the list over instead of looking up each finding.
  if (usable.length === 0) {
    out.findings = findings;
    return out;
  }
  const used = new Set<WaiverSite>();
  for (const finding of findings) {
    const site = usable.find(
      (s) =>
        s.file === finding.file &&
        s.ruleIds.includes(finding.ruleId) &&
        (s.resource === undefined ? finding.range.start.line >= s.coversFromLine && finding.range.start.line <= s.coversToLine : s.resource === finding.resource),
    );
    if (!site) {
      out.findings.push(finding);
      continue;
    }
    used.add(site);
    const waiver: Waiver = { ruleId: finding.ruleId, reason: site.reason, expires: site.expires, file: site.definedIn ?? site.file, range: site.range, source: site.source };
    out.suppressed.push({ ...finding, waiver });
  }
  for (const site of usable) {
    if (!used.has(site)) {
      out.waiverFindings.push(
        waiverFinding(site, 'waiver-unused', `This waiver of ${site.ruleIds.join(', ')} hides no finding; remove it so the list of exceptions stays accurate.`, 'info'),
      );
    }
  }
  return out;
}

/** The lines a comment waiver covers, given the ranges of blocks/objects that start after it. */
export function coverageOf(commentRange: Range, trailing: boolean, nextCodeLine: number | undefined, blockAt: (line: number) => Range | undefined): { from: number; to: number } {
  if (trailing) return { from: commentRange.start.line, to: commentRange.start.line };
  if (nextCodeLine === undefined) return { from: commentRange.end.line + 1, to: commentRange.end.line + 1 };
  const block = blockAt(nextCodeLine);
  return { from: nextCodeLine, to: block ? block.end.line : nextCodeLine };
}
