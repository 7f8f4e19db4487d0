/**
 * Writing waivers, the inverse of `parse.ts`: the comment a file's own syntax accepts, or an entry
 * of `.enisa-health-waivers.yaml` for formats without comments (strict JSON). Editors and tools
 * that add waivers share this so what they write always parses back to the same waiver.
 */
import { isMap, isSeq, YAMLSeq } from 'yaml';
import { parseYamlWithinLimits } from '../yaml/limits';
import { WAIVER_KEYWORD } from './parse';

/** `#` or `//` comments, or `file` when the format has no comments and the waiver file is used. */
export type WaiverStyle = '#' | '//' | 'file';

/** JSON files whose readers accept comments: ASP.NET Core settings and Orthanc's configuration. */
const JSON_WITH_COMMENTS = /(^|\/)(appsettings[^/]*|orthanc[^/]*)\.json$/i;

export function waiverStyleFor(path: string): WaiverStyle {
  const lower = path.toLowerCase();
  if (lower.endsWith('.jsonc') || JSON_WITH_COMMENTS.test(lower)) return '//';
  if (lower.endsWith('.json')) return 'file';
  return '#';
}

export interface WaiverText {
  ruleId: string;
  reason: string;
  /** YYYY-MM-DD */
  expires?: string;
}

/** A reason on one line without the `--` separator, so it cannot change how the comment parses. */
export function cleanReason(reason: string): string {
  return reason.replace(/\s+/g, ' ').replace(/--+/g, '-').replace(/\bexpires?\b/gi, 'until').trim();
}

export function formatWaiverComment(style: '#' | '//', waiver: WaiverText): string {
  const expiry = waiver.expires ? ` expires ${waiver.expires}` : '';
  return `${style} ${WAIVER_KEYWORD} ${waiver.ruleId} -- ${cleanReason(waiver.reason)}${expiry}`;
}

/** The line to insert above `lineText` (indented like it, ending with the given line break). */
export function waiverLineAbove(style: '#' | '//', lineText: string, waiver: WaiverText, eol = '\n'): string {
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  return `${indent}${formatWaiverComment(style, waiver)}${eol}`;
}

export interface WaiverFileEntry extends WaiverText {
  /** Relative to the waiver file's folder, `/`-separated. */
  file: string;
  resource?: string;
}

/** The waiver file's new text with `entry` appended to its `waivers:` list (created when absent). */
export function appendWaiverFileEntry(existing: string | undefined, entry: WaiverFileEntry): string {
  const text = existing && existing.trim() ? existing : 'waivers: []\n';
  // The file is the user's and may be anything: refuse what would overflow the YAML composer.
  const parsed = parseYamlWithinLimits(text, { uniqueKeys: false });
  if ('problem' in parsed) throw new Error(`the waiver file cannot be edited: it ${parsed.problem.message.replace(/; the file was not checked$/, '')}`);
  const doc = parsed.documents[0];
  const root: unknown = doc.contents;
  if (!isMap(root)) throw new Error('the waiver file does not hold a mapping at the top');
  const current: unknown = root.get('waivers', true);
  const list: YAMLSeq = isSeq(current) ? current : new YAMLSeq();
  if (!isSeq(current)) root.set('waivers', list);
  const item: Record<string, string> = { rule: entry.ruleId, file: entry.file };
  if (entry.resource) item.resource = entry.resource;
  item.reason = cleanReason(entry.reason);
  if (entry.expires) item.expires = entry.expires;
  list.flow = false;
  list.add(doc.createNode(item));
  return doc.toString();
}

/** `today` (YYYY-MM-DD) plus `days`, in UTC so the result does not depend on the time zone. */
export function addDays(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
