/**
 * `.enisa-health-waivers.yaml` holds waivers for files whose format has no comments (JSON):
 *
 *   waivers:
 *     - rule: orthanc-authentication-enabled
 *       file: config/orthanc.json          # relative to the waiver file
 *       resource: optional resource name
 *       reason: Reverse proxy enforces authentication (ticket SEC-123)
 *       expires: 2027-03-31
 */
import { isMap, isSeq } from 'yaml';
import { LineIndex } from '../text/position';
import { parseYamlWithinLimits } from '../yaml/limits';
import type { WaiverSite } from '../suppressions/apply';

export const WAIVER_FILE_NAME = '.enisa-health-waivers.yaml';

export function parseWaiverFile(path: string, text: string, baseDir: string): WaiverSite[] {
  // A waiver file nested thousands of levels deep would overflow the YAML composer (see ../yaml/limits).
  // uniqueKeys: the library's duplicate-key check is quadratic (32,000 keys took 5 s).
  const parsed = parseYamlWithinLimits(text, { uniqueKeys: false });
  if ('problem' in parsed) return [];
  const doc = parsed.documents[0];
  const index = new LineIndex(text);
  const list = isMap(doc.contents) ? doc.contents.get('waivers', true) : undefined;
  if (!isSeq(list)) return [];
  const sites: WaiverSite[] = [];
  for (const item of list.items) {
    if (!isMap(item)) continue;
    const get = (k: string) => {
      const v = item.get(k);
      return v === undefined || v === null ? undefined : String(v);
    };
    const range = index.range(item.range?.[0] ?? 0, item.range?.[1] ?? 0);
    const rule = get('rule');
    const file = get('file');
    const reason = (get('reason') ?? '').trim();
    const expires = get('expires');
    const problems: string[] = [];
    if (!rule) problems.push('name the rule with "rule:"');
    if (!file) problems.push('name the file with "file:"');
    if (!reason) problems.push('a waiver needs a "reason:"');
    if (expires && !/^\d{4}-\d{2}-\d{2}$/.test(expires)) problems.push(`"${expires}" is not a date (YYYY-MM-DD)`);
    const target = file ? (file.startsWith('/') ? file : `${baseDir.replace(/\/+$/, '')}/${file.replace(/^\.\//, '')}`) : path;
    sites.push({
      ruleIds: rule ? [rule] : [],
      reason,
      expires,
      problems,
      range,
      file: target,
      coversFromLine: 0,
      coversToLine: Number.MAX_SAFE_INTEGER,
      source: 'file',
      resource: get('resource'),
      definedIn: path,
    });
  }
  return sites;
}
