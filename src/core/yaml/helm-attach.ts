/**
 * Gives template lines that write YAML (`{{- toYaml .Values.resources | nindent 12 }}` alone on a
 * line) a place in the tree after parsing, where their output will land once rendered:
 * 1. inside a block scalar's content: that scalar becomes templated;
 * 2. right below a key with no value (`resources:`), deeper than the key: that value becomes
 *    templated, so rules see "unknown" instead of "missing";
 * 3. otherwise, the deepest block map or sequence whose items start at or left of the line's
 *    column and whose extent covers the line records it in `templated`: keys missing from that
 *    collection may still come from the template.
 */
import type { LineIndex, Range } from '../text/position';
import type { MapNode, SeqNode, TemplatedNode, TreeNode } from '../documents/tree';
import type { TemplateLine } from './helm-mask';
import { HELM_TEMPLATED_REASON, type BlockCollection, type YamlNodeConverter } from './yaml-nodes';

export interface AttachContext {
  text: string;
  masked: string;
  index: LineIndex;
  converter: YamlNodeConverter;
  root: TreeNode | undefined;
  lineLayout: LineLayout;
}

/** Per line of the masked text: indentation, and whether it holds YAML (not blank, not a comment). */
export class LineLayout {
  private readonly indents: number[] = [];
  private readonly content: boolean[] = [];

  constructor(masked: string, index: LineIndex) {
    for (let line = 0; line < index.lineCount; line++) {
      const raw = masked.slice(index.lineStart(line), index.lineEnd(line));
      const indent = /^[ \t]*/.exec(raw)![0].length;
      this.indents.push(indent);
      this.content.push(indent < raw.length && raw[indent] !== '#');
    }
  }

  get lineCount(): number {
    return this.indents.length;
  }

  isContent(line: number): boolean {
    return this.content[line] === true;
  }

  indent(line: number): number {
    return this.indents[line] ?? 0;
  }

  previousContentLine(line: number): number {
    for (let l = line - 1; l >= 0; l--) if (this.content[l]) return l;
    return -1;
  }
}

export function attachTemplateLines(lines: TemplateLine[], context: AttachContext): void {
  const extents = new Map<BlockCollection, [number, number]>();
  for (const line of lines) {
    if (!line.output) continue;
    if (fillBlockScalar(line, context)) continue;
    if (fillEmptyValue(line, context)) continue;
    const owner = owningCollection(line, context, extents);
    if (!owner) continue;
    (owner.templated ??= []).push(templatedNode(line.start, line.end, context));
  }
}

function fillBlockScalar(line: TemplateLine, context: AttachContext): boolean {
  for (const block of context.converter.blockScalars) {
    if (line.start < block.start || line.start > block.rawEnd) continue;
    becomeTemplated(block.node, block.node.range.start.offset, Math.max(block.node.range.end.offset, line.end), context);
    return true;
  }
  return false;
}

function fillEmptyValue(line: TemplateLine, context: AttachContext): boolean {
  const previous = context.lineLayout.previousContentLine(line.line);
  if (previous < 0) return false;
  const entries = context.converter.emptyValueEntries.get(previous);
  const entry = entries?.find((e) => e.keyRange.start.column < line.column);
  if (!entry) return false;
  const value = entry.value;
  const start = value.kind === 'templated' && value.range.start.offset > entry.keyRange.end.offset ? value.range.start.offset : line.start;
  becomeTemplated(value, start, line.end, context);
  entry.range = context.index.range(entry.keyRange.start.offset, line.end);
  return true;
}

function owningCollection(
  line: TemplateLine,
  context: AttachContext,
  extents: Map<BlockCollection, [number, number]>,
): MapNode | SeqNode | undefined {
  let best: BlockCollection | undefined;
  for (const candidate of context.converter.blockCollections) {
    if (candidate.column > line.column) continue;
    const [first, last] = extentOf(candidate, context, extents);
    if (line.line < first || line.line > last) continue;
    if (!best || candidate.column > best.column || (candidate.column === best.column && candidate.startLine > best.startLine)) {
      best = candidate;
    }
  }
  if (best) return best.node;
  const root = context.root;
  return root && (root.kind === 'map' || root.kind === 'seq') && !root.flow ? root : undefined;
}

/**
 * Lines a block collection spans, stretched over the template lines just before its first item
 * and after its last one, up to the next YAML line that is less indented than its items.
 */
function extentOf(collection: BlockCollection, context: AttachContext, cache: Map<BlockCollection, [number, number]>): [number, number] {
  const known = cache.get(collection);
  if (known) return known;
  const layout = context.lineLayout;
  const first = layout.previousContentLine(collection.startLine) + 1;
  let last = collection.node.range.end.line;
  for (let l = last + 1; l < layout.lineCount; l++) {
    if (layout.isContent(l) && layout.indent(l) < collection.column) break;
    last = l;
  }
  const extent: [number, number] = [first, last];
  cache.set(collection, extent);
  return extent;
}

function templatedNode(start: number, end: number, context: AttachContext): TemplatedNode {
  return { kind: 'templated', source: context.text.slice(start, end), reason: HELM_TEMPLATED_REASON, range: context.index.range(start, end) };
}

/**
 * Turns a node into a templated one in place, so every reference to it (map entries, aliases)
 * sees the change.
 */
function becomeTemplated(node: TreeNode, start: number, end: number, context: AttachContext): void {
  const replacement = templatedNode(start, end, context);
  const target = node as unknown as Record<string, unknown>;
  for (const key of ['value', 'style', 'entries', 'items', 'flow']) delete target[key];
  const keyRange: Range | undefined = node.keyRange;
  Object.assign(target, replacement);
  if (keyRange) target.keyRange = keyRange;
}
