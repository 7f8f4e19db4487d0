/**
 * Waiver comments. In any format with comments:
 *
 *   # enisa-health-ignore <rule-id>[, <rule-id>...] -- <reason> [expires YYYY-MM-DD]
 *
 * A waiver hides findings of the named rules that start on the comment's own line (a trailing
 * comment) or on the next line that is not a comment; when that next line opens a block, resource
 * or object, it covers everything inside it. The reason is mandatory and the expiry optional, as
 * EUCS ISP-03 expects exceptions to be listed, justified and time-limited.
 */
import type { Range } from '../text/position';

export const WAIVER_KEYWORD = 'enisa-health-ignore';

export interface ParsedWaiver {
  ruleIds: string[];
  reason: string;
  expires?: string;
  /** Problems that make the waiver invalid (it then hides nothing). */
  problems: string[];
  range: Range;
}

const WAIVER = /enisa-health-ignore\b(.*)$/s;
const EXPIRY = /\bexpires?\s*[:=]?\s*(\d{4}-\d{2}-\d{2})\b/i;

export function parseWaiverComment(text: string, range: Range): ParsedWaiver | undefined {
  const match = WAIVER.exec(text);
  if (!match) return undefined;
  const rest = match[1].replace(/\*\/\s*$/, '');
  const problems: string[] = [];
  const separator = rest.indexOf('--');
  const idsPart = separator >= 0 ? rest.slice(0, separator) : rest;
  let reason = separator >= 0 ? rest.slice(separator + 2) : '';
  let expires: string | undefined;
  const expiry = EXPIRY.exec(reason);
  if (expiry) {
    expires = expiry[1];
    reason = reason.replace(expiry[0], '');
    if (Number.isNaN(Date.parse(`${expires}T00:00:00Z`))) problems.push(`"${expires}" is not a valid date`);
  }
  reason = reason.replace(/[\s;,.]+$/, '').replace(/^[\s;,]+/, '').trim();
  const ruleIds = idsPart
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (ruleIds.length === 0) problems.push('name the rule it waives, e.g. "enisa-health-ignore aws-s3-bucket-encrypted-at-rest -- reason"');
  if (!reason) problems.push('a waiver needs a reason after "--"');
  return { ruleIds, reason, expires, problems, range };
}
