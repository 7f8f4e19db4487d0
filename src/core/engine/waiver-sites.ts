/** Finds waiver comments in a file and works out which lines each one covers. */
import { LineIndex, type Range } from '../text/position';
import { parseWaiverComment, WAIVER_KEYWORD } from '../suppressions/parse';
import { coverageOf, type WaiverSite } from '../suppressions/apply';

export interface CommentLike {
  text: string;
  range: Range;
}

/**
 * `spansOf` gives the ranges of blocks, objects and entries in the file; a waiver above a line
 * that opens one covers the largest span starting on that line. It is called only when the file
 * has a waiver comment, which most files have not: walking the tree for them on every keystroke
 * was wasted.
 */
export function waiverSites(file: string, text: string, comments: CommentLike[], spansOf: () => Range[]): WaiverSite[] {
  const waiverComments = comments.filter((c) => c.text.includes(WAIVER_KEYWORD));
  if (waiverComments.length === 0) return [];
  const spans = spansOf();
  const index = new LineIndex(text);
  const commentLines = new Set<number>();
  for (const c of comments) {
    const lineStart = index.lineStart(c.range.start.line);
    if (text.slice(lineStart, c.range.start.offset).trim() === '') {
      for (let l = c.range.start.line; l <= c.range.end.line; l++) commentLines.add(l);
    }
  }
  const largestSpanAt = new Map<number, Range>();
  for (const span of spans) {
    const current = largestSpanAt.get(span.start.line);
    if (!current || span.end.offset - span.start.offset > current.end.offset - current.start.offset) largestSpanAt.set(span.start.line, span);
  }
  const sites: WaiverSite[] = [];
  for (const comment of waiverComments) {
    const parsed = parseWaiverComment(comment.text, comment.range);
    if (!parsed) continue;
    const lineStart = index.lineStart(comment.range.start.line);
    const trailing = text.slice(lineStart, comment.range.start.offset).trim() !== '';
    let next: number | undefined;
    for (let line = comment.range.end.line + 1; line < index.lineCount; line++) {
      if (commentLines.has(line) || index.lineText(line).trim() === '') continue;
      next = line;
      break;
    }
    const cover = coverageOf(comment.range, trailing, next, (line) => largestSpanAt.get(line));
    sites.push({ ...parsed, file, coversFromLine: cover.from, coversToLine: cover.to, source: 'inline' });
  }
  return sites;
}
