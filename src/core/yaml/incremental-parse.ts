/**
 * Re-parses an edited multi-document YAML file, reusing the converted documents of the stretches
 * of text the edit did not touch. The file is cut at document start markers (`---` at column 0,
 * followed by a blank or the line end), which end whatever came before them in every lexer state,
 * so a stretch between two markers parses alone as it does inside the whole stream.
 *
 * Only the plainest files take this path; anything that can carry state from one document to the
 * next, or make ranges differ, is parsed whole: a BOM, a lone CR, `%` directives, `...` end
 * markers, template actions (their masking looks at neighbouring documents), and any error in the
 * previous or the new parse (an unclosed quote or bracket may reach past a marker).
 */
import type { TreeDocument, TreeFile } from '../documents/tree';
import { parseYamlStream, parseYamlTree, type YamlParseOptions } from './parse-yaml';
import { estimateValues, MAX_VALUES } from './limits';
import { commonPrefix, commonSuffix } from '../text/common-affix';
import { RangeShift } from './range-shift';
import { movedDocument } from './moved-document';

interface Segment {
  start: number;
  end: number;
  /** Line of `start` (segments always begin at column 0). */
  line: number;
}

/** A tree for `text`, reusing the parts of `previous` (a parse of an earlier version) that still hold. */
export function reparseYamlTree(text: string, previous: TreeFile | undefined, options: YamlParseOptions = {}): TreeFile {
  if (!previous || previous.syntax !== 'yaml' || previous.errors.length > 0 || options.templates === 'helm') return parseYamlTree(text, options);
  if (!splittable(text) || !splittable(previous.text) || estimateValues(text) > MAX_VALUES) return parseYamlTree(text, options);
  return reuseSegments(text, previous, options) ?? parseYamlTree(text, options);
}

const UNSPLITTABLE = /\uFEFF|\r(?!\n)|\{\{|^%|^\.\.\.(?:[ \t\r\n]|$)/m;

function splittable(text: string): boolean {
  return !UNSPLITTABLE.test(text);
}

/** Stretches of the text each starting at a document start marker (the first one at offset 0). */
export function documentSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  let startLine = 0;
  let line = 0;
  let at = 0;
  while (at < text.length) {
    if (at > 0 && isStartMarker(text, at)) {
      segments.push({ start, end: at, line: startLine });
      start = at;
      startLine = line;
    }
    const newline = text.indexOf('\n', at);
    if (newline < 0) break;
    at = newline + 1;
    line++;
  }
  segments.push({ start, end: text.length, line: startLine });
  return segments;
}

function isStartMarker(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 45 || text.charCodeAt(at + 1) !== 45 || text.charCodeAt(at + 2) !== 45) return false;
  if (at + 3 >= text.length) return true;
  const next = text.charCodeAt(at + 3);
  return next === 32 || next === 9 || next === 10 || next === 13;
}

function reuseSegments(text: string, previous: TreeFile, options: YamlParseOptions): TreeFile | undefined {
  const before = previous.text;
  const now = documentSegments(text);
  const old = documentSegments(before);
  const prefix = commonPrefix(before, text);
  const suffix = commonSuffix(before, text, Math.min(before.length, text.length) - prefix);
  const delta = text.length - before.length;
  const oldByStart = new Map<number, Segment>();
  for (const segment of old) oldByStart.set(segment.start, segment);
  const sameAs = (segment: Segment, shift: number) => {
    const match = oldByStart.get(segment.start - shift);
    return match !== undefined && match.end === segment.end - shift ? match : undefined;
  };

  // Leading segments inside the unchanged prefix keep their place; trailing ones inside the
  // unchanged suffix move by `delta`. Everything between is parsed again as one stretch.
  let head = 0;
  while (head < now.length && now[head].end <= prefix && sameAs(now[head], 0)) head++;
  let tail = now.length;
  while (tail > head && now[tail - 1].start >= text.length - suffix && sameAs(now[tail - 1], delta)) tail--;

  const reusedUntil = head > 0 ? now[head - 1].end : 0;
  const changedEnd = tail < now.length ? now[tail].start : text.length;
  const oldTailStart = changedEnd - delta;
  const oldTailLine = tail < now.length ? sameAs(now[tail], delta)!.line : 0;

  const documents: TreeDocument[] = [];
  const comments: TreeFile['comments'] = [];
  for (const doc of previous.documents) if (doc.range.start.offset < reusedUntil) documents.push(doc);
  for (const comment of previous.comments) if (comment.range.start.offset < reusedUntil) comments.push(comment);

  if (changedEnd > reusedUntil) {
    const middle = parseYamlStream(text.slice(reusedUntil, changedEnd), options, false);
    if (middle.errors.length > 0) return undefined;
    const shift = new RangeShift(reusedUntil, now[head].line, text.includes('&', reusedUntil));
    for (const doc of middle.documents) documents.push(shift.document(doc, documents.length));
    for (const comment of middle.comments) comments.push({ text: comment.text, range: shift.range(comment.range) });
  }

  if (tail < now.length) {
    const lines = now[tail].line - oldTailLine;
    const sharesNodes = before.includes('&', oldTailStart);
    // Moves only the documents' own ranges and the comments: no nodes, so none to share.
    const shift = new RangeShift(delta, lines, false);
    // Copied only when read (moved-document.ts): a lint that reuses their outcomes never does.
    for (const doc of previous.documents) {
      if (doc.range.start.offset < oldTailStart) continue;
      const range = shift.isIdentity() ? doc.range : shift.range(doc.range);
      documents.push(movedDocument(doc, delta, lines, documents.length, range, sharesNodes));
    }
    for (const comment of previous.comments) {
      if (comment.range.start.offset >= oldTailStart) comments.push(shift.isIdentity() ? comment : { text: comment.text, range: shift.range(comment.range) });
    }
  }
  if (documents.length === 0) return undefined;
  return { syntax: 'yaml', text, documents, errors: [], comments };
}
