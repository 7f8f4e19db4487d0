/**
 * List edits on a parsed YAML file: remove one item of a block or flow list, and append a new
 * document to a multi-document file. Only the edited span changes; the other items keep their
 * comments, quoting and layout.
 */
import type { MapNode, SeqNode, TreeFile, TreeNode } from '../documents/tree';
import { changeAt } from './apply';
import type { TextChange } from './types';
import { yamlFileFacts } from './yaml-edit';
import { renderEntryLines, type YamlValue } from './yaml-render';

/**
 * Removes `item` from `seq`. The list must keep at least one item: emptying it is the caller's
 * decision (an empty list, no key, or removing what holds the list all mean different things).
 */
export function yamlRemoveSeqItem(file: TreeFile, seq: SeqNode, item: TreeNode): TextChange[] {
  const position = seq.items.indexOf(item);
  if (position < 0) throw new Error('the item is not in this list');
  if (seq.items.length < 2) throw new Error('removing the only item would empty the list');
  const { index } = yamlFileFacts(file);
  if (seq.flow) {
    const next = seq.items[position + 1];
    if (next) return [changeAt(index, item.range.start.offset, next.range.start.offset, '')];
    const previous = seq.items[position - 1];
    return [changeAt(index, previous.range.end.offset, item.range.end.offset, '')];
  }
  const dash = dashBefore(file.text, item.range.start.offset);
  const firstLine = index.position(dash).line;
  if (file.text.slice(index.lineStart(firstLine), dash).trim() !== '') {
    // `- - a` (a list inside a list item on one line): no whole line to take out.
    throw new Error('the item shares its line with other content');
  }
  const lastLine = index.position(Math.max(item.range.end.offset, dash + 1)).line;
  if (lastLine + 1 < index.lineCount) return [changeAt(index, index.lineStart(firstLine), index.lineStart(lastLine + 1), '')];
  // The last line of the file: take the line break before it instead.
  return [changeAt(index, firstLine > 0 ? index.lineEnd(firstLine - 1) : 0, index.lineEnd(lastLine), '')];
}

/** Offset of the `-` that introduces a block list item starting at `itemStart`. */
function dashBefore(text: string, itemStart: number): number {
  let i = itemStart - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i--;
  if (text[i] !== '-') throw new Error('no list dash before the item');
  return i;
}

/**
 * Appends a document (a block map written in the file's indentation) after the last one,
 * separated by `---`.
 */
export function yamlAppendDocument(file: TreeFile, value: { [key: string]: YamlValue }): TextChange[] {
  if (file.syntax !== 'yaml') throw new Error('only YAML files hold several documents');
  const { index, eol, layout } = yamlFileFacts(file);
  const entries = Object.entries(value);
  if (entries.length === 0) throw new Error('a new document needs at least one key');
  const lines = entries.flatMap(([key, inner]) => renderEntryLines(key, inner, '', layout));
  const text = file.text;
  const end = text.length;
  const lead = end === 0 || text.endsWith('\n') || text.endsWith('\r') ? '' : eol;
  return [changeAt(index, end, end, `${lead}---${eol}${lines.join(eol)}${eol}`)];
}

/** The entry of `map` whose value is `node` (its key says which list or setting it is). */
export function entryHolding(map: MapNode, node: TreeNode): MapNode['entries'][number] | undefined {
  return map.entries.find((e) => e.value === node);
}
