/**
 * Edits of mosquitto.conf in the right section: the global part (before any `listener` or
 * `connection` line) or a given listener / bridge. Setting changes the last matching option of
 * the section in place; adding writes a new line after the section's last option.
 */
import { LineIndex } from '../text/position';
import type { FlatEntry } from '../documents/flat';
import { parseMosquittoConf } from '../appconfig/mosquitto';
import { changeAt } from './apply';
import { appendLine, insertLineAfter, insertLineBefore, removeLinesOf } from './line-edits';
import type { TextChange } from './types';

/** A section by its header: `{ name: 'listener', value: '8883' }`; undefined for the global part. */
export interface MosquittoSectionRef {
  name: string;
  value: string;
}

export function mosquittoSetOption(text: string, option: string, value: string, section?: MosquittoSectionRef): TextChange[] {
  const entries = sectionEntries(text, section);
  const index = new LineIndex(text);
  const existing = entries?.filter((e) => e.key === option && !isHeader(e, section));
  const target = existing?.[existing.length - 1];
  if (!target) return mosquittoAddOption(text, option, value, section);
  const { start, end } = target.valueRange;
  const newText = start.offset === target.keyRange.end.offset ? ' ' + value : value;
  return [changeAt(index, start.offset, end.offset, newText)];
}

/** Adds `option value` to the section even if the option is already there (multi-valued options). */
export function mosquittoAddOption(text: string, option: string, value: string, section?: MosquittoSectionRef): TextChange[] {
  const config = parseMosquittoConf(text);
  const index = new LineIndex(text);
  const line = value === '' ? option : `${option} ${value}`;
  const entries = sectionEntries(text, section);
  if (entries === undefined) {
    // The section does not exist yet: open it at the end of the file.
    const header = `${section!.name} ${section!.value}`;
    return [appendLine(text, index, header + index.preferredEol() + line)];
  }
  const last = entries[entries.length - 1];
  if (last) return [insertLineAfter(index, last.range.end.offset, line)];
  const firstHeader = config.entries.find((e) => e.section !== undefined);
  if (firstHeader) return [insertLineBefore(index, firstHeader.range.start.offset, line)];
  return [appendLine(text, index, line)];
}

export function mosquittoRemoveOption(text: string, option: string, section?: MosquittoSectionRef): TextChange[] {
  const index = new LineIndex(text);
  const entries = sectionEntries(text, section) ?? [];
  return entries.filter((e) => e.key === option && !isHeader(e, section)).map((e) => removeLinesOf(text, index, e.range));
}

/** Entries of the section (header included), or undefined when a named section is missing. */
function sectionEntries(text: string, section: MosquittoSectionRef | undefined): FlatEntry[] | undefined {
  const config = parseMosquittoConf(text);
  if (!section) return config.entries.filter((e) => !e.section);
  const header = config.entries.find((e) => e.section && e.section.name === section.name && e.section.value === section.value);
  if (!header) return undefined;
  return config.entries.filter((e) => e.section === header.section);
}

function isHeader(entry: FlatEntry, section: MosquittoSectionRef | undefined): boolean {
  return section !== undefined && entry.section !== undefined && entry.section.range.start.offset === entry.range.start.offset;
}
