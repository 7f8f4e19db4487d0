/**
 * Re-parses an edited native-syntax HCL file, reusing the top-level items of the previous tree
 * that the edit did not touch. A top-level item ends at a newline, so at the start of a line
 * between two top-level items the parser holds no state (no open bracket, string, heredoc or
 * comment): the stretch between the last untouched leading item and the first untouched trailing
 * item parses alone exactly as it does inside the whole file.
 *
 * Anything that could break that assumption is parsed whole: a BOM, a lone CR (a line break the
 * `\n` arithmetic here would miss), any error in the new stretch (an unclosed `{`, string, heredoc
 * or comment reaches past the stretch in the whole file), and a previous tree with an error before
 * the moved items. Errors after the edit are moved with their items, and the stretch is parsed as
 * the whole-file parser read the file (see `errorsStayInTail`).
 */
import type { Attribute, Block, BlockLabel, Body, BodyItem, Comment, Expression, ForExpr, HclFile, HclSyntaxError, ObjectItem, TemplateExpr, TemplateFor, TemplateIf, TemplatePart } from './ast';
import type { Position, Range } from '../text/position';
import { parseHcl } from './index';
import { PositionTable, type PositionSource } from './positions';
import { ParserContext } from './native/context';
import { parseConfigBody } from './native/body-parser';
import { onlyBlanksBetween } from './native/chars';
import { PositionMover } from '../text/moved-positions';
import { indentsBodies, parseFactsOf, recordParseFacts, type NativeParseFacts } from './native/parse-facts';
import { newPosition, newRange, UNTRACKED } from '../util/lint-lived';
import { commonPrefix, commonSuffix } from '../text/common-affix';

export interface HclReparse {
  file: HclFile;
  /** Top-level items taken over from the previous tree (as they were, or moved); 0 after a full parse. */
  reusedItems: number;
}

/** A tree equal to `parseHcl(text)`, reusing what still holds of `previous` (a parse of an earlier version). */
export function reparseHcl(text: string, previous: HclFile | undefined): HclFile {
  return reparseHclReporting(text, previous).file;
}

/** As `reparseHcl`, also telling how much of the previous tree was reused. */
export function reparseHclReporting(text: string, previous: HclFile | undefined): HclReparse {
  if (!previous || previous.syntax !== 'native') return fullParse(text);
  if (previous.text === text) return { file: previous, reusedItems: previous.body.items.length };
  if (!splittable(text) || !splittable(previous.text)) return fullParse(text);
  try {
    return reuseItems(text, previous) ?? fullParse(text);
  } catch (error) {
    // A node shape the range mover does not know: a correct full parse beats a wrong tree.
    if (error instanceof UnknownShape) return fullParse(text);
    throw error;
  }
}

function fullParse(text: string): HclReparse {
  return { file: parseHcl(text), reusedItems: 0 };
}

function splittable(text: string): boolean {
  if (text.charCodeAt(0) === 0xfeff) return false;
  // Most files have no CR at all; the regular expression only runs for CRLF files.
  return text.indexOf('\r') < 0 || !/\r(?!\n)/.test(text);
}

/** Index of the first of `count` ordered entries for which `before(i)` is false (binary search). */
function firstNotBefore(count: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the first comment starting at or after `offset` (comments are in source order). */
function firstCommentFrom(comments: readonly Comment[], offset: number): number {
  return firstNotBefore(comments.length, (i) => comments[i].range.start.offset < offset);
}

/** Whether a (block) comment runs over the line break at `offset`. */
function commentCovers(comments: readonly Comment[], offset: number): boolean {
  const index = firstCommentFrom(comments, offset + 1) - 1;
  return index >= 0 && comments[index].range.end.offset > offset;
}

/** Index of the first item whose range ends at or after `offset`. */
function firstItemEndingFrom(items: readonly BodyItem[], offset: number): number {
  return firstNotBefore(items.length, (i) => items[i].range.end.offset < offset);
}

interface Head {
  /** Leading items kept as they are. */
  count: number;
  /** Start of the line after the last kept item: where the re-parsed stretch begins. */
  sliceStart: number;
  sliceLine: number;
}

/** The leading items whose lines, up to and including their line break, the edit did not touch. */
function unchangedHead(previous: HclFile, prefix: number): Head {
  const old = previous.text;
  const items = previous.body.items;
  let count = firstItemEndingFrom(items, prefix);
  while (count > 0) {
    const end = items[count - 1].range.end;
    const lineBreak = old.indexOf('\n', end.offset);
    if (lineBreak >= 0 && lineBreak < prefix && !commentCovers(previous.comments, lineBreak)) {
      return { count, sliceStart: lineBreak + 1, sliceLine: end.line + 1 };
    }
    count--;
  }
  return { count: 0, sliceStart: 0, sliceLine: 0 };
}

/** Index of the first trailing item that lies, from its line start, in the unchanged suffix. */
function unchangedTail(text: string, previous: HclFile, head: Head, suffixStart: number, delta: number): number {
  const old = previous.text;
  const items = previous.body.items;
  let tail = items.length;
  while (tail > head.count) {
    const start = items[tail - 1].range.start;
    const oldLineStart = start.offset - start.column;
    const newLineStart = oldLineStart + delta;
    if (newLineStart < suffixStart || newLineStart < head.sliceStart) break;
    if (newLineStart > 0 && text.charCodeAt(newLineStart - 1) !== 10) break;
    // Only blanks before the item on its line, so the cut at the line start falls between items.
    if (!onlyBlanksBetween(old, oldLineStart, start.offset)) break;
    tail--;
  }
  return tail;
}

interface Stretch {
  items: BodyItem[];
  comments: Comment[];
  lineCount: number;
  positions: ShiftedPositions;
  indentedBodies: number;
  flatBodies: number;
}

/**
 * Parses `text.slice(start, end)` (starting at a line start, on line `line`) as the whole-file
 * parser would read it there: the first pass, and for a file read again with indentation
 * recovery, the recovery pass too. Undefined when the stretch has an error of its own.
 */
function parseStretch(text: string, start: number, end: number, line: number, recovery?: { fileIndentsBodies: boolean }): Stretch | undefined {
  const slice = text.slice(start, end);
  const table = new PositionTable(slice);
  const positions = new ShiftedPositions(table, start, line);
  let context = new ParserContext(slice, positions, { indentationRecovery: false });
  let body = parseConfigBody(context);
  if (context.sawUnclosedBlock || context.errors.length > 0) return undefined;
  const { indentedBodies, flatBodies } = context;
  if (recovery) {
    context = new ParserContext(slice, positions, { indentationRecovery: true, fileIndentsBodies: recovery.fileIndentsBodies });
    body = parseConfigBody(context);
    if (context.sawUnclosedBlock || context.errors.length > 0) return undefined;
  }
  return { items: body.items, comments: context.comments, lineCount: table.lineIndex.lineCount, positions, indentedBodies, flatBodies };
}

/**
 * For a previous tree with errors, what the new stretch must agree with: every error lies in the
 * moved tail (so the parser recovered the same way there), and a file read again with indentation
 * recovery keeps the indentation style that pass assumed. Undefined when reuse is not safe.
 */
function errorsStayInTail(previous: HclFile, head: Head, oldTailStart: number, hasTail: boolean): { facts: NativeParseFacts; old: Stretch } | undefined {
  const facts = parseFactsOf(previous);
  if (!facts || !hasTail) return undefined;
  if (previous.errors.some((error) => error.range.start.offset < oldTailStart)) return undefined;
  // The counts the style came from, less those of the stretch being replaced.
  const old = parseStretch(previous.text, head.sliceStart, oldTailStart, head.sliceLine);
  return old && { facts, old };
}

function reuseItems(text: string, previous: HclFile): HclReparse | undefined {
  const old = previous.text;
  const items = previous.body.items;
  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  const delta = text.length - old.length;

  const head = unchangedHead(previous, prefix);
  const tail = unchangedTail(text, previous, head, text.length - suffix, delta);
  const hasTail = tail < items.length;
  const oldTailStart = hasTail ? items[tail].range.start.offset - items[tail].range.start.column : old.length;
  const sliceEnd = hasTail ? oldTailStart + delta : text.length;

  const withErrors = previous.errors.length > 0 ? errorsStayInTail(previous, head, oldTailStart, hasTail) : undefined;
  if (previous.errors.length > 0 && !withErrors) return undefined;
  const facts = withErrors?.facts;

  const bodyItems: BodyItem[] = items.slice(0, head.count);
  const comments: Comment[] = previous.comments.slice(0, firstCommentFrom(previous.comments, head.sliceStart));
  // With a tail, the file's last line lies in the unchanged suffix and moves with it.
  let end = previous.body.range.end;
  let tailLine = head.sliceLine;
  let indentedBodies = facts ? facts.indentedBodies - withErrors!.old.indentedBodies : 0;
  let flatBodies = facts ? facts.flatBodies - withErrors!.old.flatBodies : 0;

  if (sliceEnd > head.sliceStart || !hasTail) {
    const middle = parseStretch(text, head.sliceStart, sliceEnd, head.sliceLine, facts?.recovered ? { fileIndentsBodies: facts.fileIndentsBodies } : undefined);
    if (!middle) return undefined;
    for (const item of middle.items) bodyItems.push(item);
    for (const comment of middle.comments) comments.push(comment);
    // The stretch ends right after a line break, so its last line is the tail's first.
    tailLine = head.sliceLine + middle.lineCount - 1;
    if (!hasTail) end = middle.positions.position(sliceEnd - head.sliceStart);
    indentedBodies += middle.indentedBodies;
    flatBodies += middle.flatBodies;
  }
  // The style the recovery pass assumed must not change, or every block could read differently.
  if (facts?.recovered && indentsBodies(indentedBodies, flatBodies) !== facts.fileIndentsBodies) return undefined;

  let errors: HclSyntaxError[] = [];
  if (hasTail) {
    const mover = new RangeMover(delta, tailLine - items[tail].range.start.line);
    for (let i = tail; i < items.length; i++) bodyItems.push(mover.item(items[i]));
    const oldComments = previous.comments;
    for (let i = firstCommentFrom(oldComments, oldTailStart); i < oldComments.length; i++) comments.push(mover.comment(oldComments[i]));
    if (!mover.isIdentity) end = mover.position(end);
    errors = previous.errors.map((error) => mover.error(error));
  }

  const range: Range = { start: previous.body.range.start, end };
  const body: Body = { type: 'Body', items: bodyItems, range };
  const file: HclFile = { syntax: 'native', text, body, comments, errors };
  if (facts) recordParseFacts(file, { recovered: facts.recovered, fileIndentsBodies: facts.fileIndentsBodies, indentedBodies, flatBodies });
  return { file, reusedItems: head.count + (items.length - tail) };
}

/** Positions of a stretch that starts at a line start of the whole text. */
class ShiftedPositions implements PositionSource {
  constructor(
    private readonly table: PositionTable,
    private readonly offset: number,
    private readonly line: number,
  ) {}

  position(offset: number): Position {
    const inSlice = this.table.position(offset);
    return newPosition(inSlice.offset + this.offset, inSlice.line + this.line, inSlice.column);
  }

  range(startOffset: number, endOffset: number): Range {
    return newRange(this.position(startOffset), this.position(endOffset));
  }
}

class UnknownShape extends Error {}

/**
 * Copies nodes with every Position moved by whole lines (columns stay: each moved item starts a
 * line, and everything after it is unchanged text). One case per node type of ./ast, each naming
 * every field; a node type it does not know aborts the reuse instead of producing a half-moved
 * tree. Per type rather than over the object graph because it runs several times faster, which
 * matters as moving the items after an edit near the top costs more than the re-parse itself.
 *
 * Why every field is named rather than spread from the node (`{ ...node, range }`): a spread copy
 * takes a hidden class derived from its source's, so the copy of a copy of a copy had a new one
 * each time for four or five edits, and every reader of the tree that V8 had optimised was thrown
 * back to the interpreter ("wrong map") on each: the first 15-20 keystrokes in a long file took
 * 25-70 ms. Built from `UNTRACKED` with the same fields in the same order, every copy has the
 * same class from the first edit on (and, like a spread, no allocation record; see lint-lived.ts).
 */
class RangeMover {
  private readonly mover: PositionMover;

  constructor(offsets: number, lines: number) {
    this.mover = new PositionMover(offsets, lines);
  }

  get isIdentity(): boolean {
    return this.mover.isIdentity;
  }

  item(item: BodyItem): BodyItem {
    if (this.isIdentity) return item;
    return item.type === 'Attribute' ? this.attribute(item) : this.block(item);
  }

  error(error: HclSyntaxError): HclSyntaxError {
    if (this.isIdentity) return error;
    return { ...error, range: this.range(error.range) };
  }

  comment(comment: Comment): Comment {
    if (this.isIdentity) return comment;
    return { ...UNTRACKED, style: comment.style, text: comment.text, range: this.range(comment.range) };
  }

  position(position: Position): Position {
    return this.mover.position(position);
  }

  private range(range: Range): Range {
    return this.mover.range(range);
  }

  private attribute(attribute: Attribute): Attribute {
    if (attribute.type !== 'Attribute') throw new UnknownShape();
    return { ...UNTRACKED, type: 'Attribute', name: attribute.name, nameRange: this.range(attribute.nameRange), expr: this.expression(attribute.expr), range: this.range(attribute.range) };
  }

  private label(label: BlockLabel): BlockLabel {
    return { ...UNTRACKED, value: label.value, quoted: label.quoted, range: this.range(label.range) };
  }

  private block(block: Block): Block {
    if (block.type !== 'Block') throw new UnknownShape();
    const copy: Block = {
      ...UNTRACKED,
      type: 'Block',
      blockType: block.blockType,
      typeRange: this.range(block.typeRange),
      labels: block.labels.map((label) => this.label(label)),
      body: this.body(block.body),
      range: this.range(block.range),
    };
    if (block.openBrace) copy.openBrace = this.range(block.openBrace);
    if (block.closeBrace) copy.closeBrace = this.range(block.closeBrace);
    return copy;
  }

  private body(body: Body): Body {
    if (body.type !== 'Body') throw new UnknownShape();
    // `map` sizes each list once and keeps no allocation record (see lint-lived.ts).
    const items = body.items.map((item) => (item.type === 'Attribute' ? this.attribute(item) : this.block(item)));
    return { ...UNTRACKED, type: 'Body', items, range: this.range(body.range) };
  }

  private expressions(expressions: Expression[]): Expression[] {
    return expressions.map((expression) => this.expression(expression));
  }

  private objectItem(item: ObjectItem): ObjectItem {
    return { ...UNTRACKED, key: this.expression(item.key), value: this.expression(item.value), separator: item.separator, range: this.range(item.range) };
  }

  private expression(expr: Expression): Expression {
    switch (expr.type) {
      case 'Literal':
        return { ...UNTRACKED, type: 'Literal', value: expr.value, range: this.range(expr.range) };
      case 'Variable':
        return { ...UNTRACKED, type: 'Variable', name: expr.name, range: this.range(expr.range) };
      case 'Invalid':
        return { ...UNTRACKED, type: 'Invalid', range: this.range(expr.range) };
      case 'Template': {
        const copy: TemplateExpr = { ...UNTRACKED, type: 'Template', kind: expr.kind, parts: this.parts(expr.parts), contentRange: this.range(expr.contentRange), range: this.range(expr.range) };
        // The descriptor holds no position: shared, as the spread copy shared it.
        if (expr.heredoc) copy.heredoc = expr.heredoc;
        return copy;
      }
      case 'Tuple':
        return { ...UNTRACKED, type: 'Tuple', elements: this.expressions(expr.elements), range: this.range(expr.range) };
      case 'Object':
        return { ...UNTRACKED, type: 'Object', items: expr.items.map((item) => this.objectItem(item)), range: this.range(expr.range) };
      case 'FunctionCall':
        return {
          ...UNTRACKED,
          type: 'FunctionCall',
          name: expr.name,
          nameRange: this.range(expr.nameRange),
          args: this.expressions(expr.args),
          expandFinal: expr.expandFinal,
          range: this.range(expr.range),
        };
      case 'GetAttr':
        return { ...UNTRACKED, type: 'GetAttr', target: this.expression(expr.target), name: expr.name, nameRange: this.range(expr.nameRange), range: this.range(expr.range) };
      case 'Index':
        return { ...UNTRACKED, type: 'Index', target: this.expression(expr.target), key: this.expression(expr.key), legacy: expr.legacy, range: this.range(expr.range) };
      case 'Splat':
        return { ...UNTRACKED, type: 'Splat', kind: expr.kind, source: this.expression(expr.source), each: this.expression(expr.each), range: this.range(expr.range) };
      case 'For': {
        const copy: ForExpr = {
          ...UNTRACKED,
          type: 'For',
          kind: expr.kind,
          valueVar: expr.valueVar,
          collection: this.expression(expr.collection),
          valueExpr: this.expression(expr.valueExpr),
          grouping: expr.grouping,
          range: this.range(expr.range),
        };
        if (expr.keyVar !== undefined) copy.keyVar = expr.keyVar;
        if (expr.keyExpr) copy.keyExpr = this.expression(expr.keyExpr);
        if (expr.condition) copy.condition = this.expression(expr.condition);
        return copy;
      }
      case 'Conditional':
        return {
          ...UNTRACKED,
          type: 'Conditional',
          condition: this.expression(expr.condition),
          trueExpr: this.expression(expr.trueExpr),
          falseExpr: this.expression(expr.falseExpr),
          range: this.range(expr.range),
        };
      case 'Binary':
        return { ...UNTRACKED, type: 'Binary', op: expr.op, left: this.expression(expr.left), right: this.expression(expr.right), range: this.range(expr.range) };
      case 'Unary':
        return { ...UNTRACKED, type: 'Unary', op: expr.op, operand: this.expression(expr.operand), range: this.range(expr.range) };
      case 'Paren':
        return { ...UNTRACKED, type: 'Paren', expr: this.expression(expr.expr), range: this.range(expr.range) };
      default:
        throw new UnknownShape();
    }
  }

  private parts(parts: TemplatePart[]): TemplatePart[] {
    return parts.map((part) => this.part(part));
  }

  private part(part: TemplatePart): TemplatePart {
    switch (part.type) {
      case 'TemplateString':
        return { ...UNTRACKED, type: 'TemplateString', value: part.value, range: this.range(part.range) };
      case 'TemplateInterpolation':
        return { ...UNTRACKED, type: 'TemplateInterpolation', expr: this.expression(part.expr), stripLeft: part.stripLeft, stripRight: part.stripRight, range: this.range(part.range) };
      case 'TemplateIf': {
        const copy: TemplateIf = { ...UNTRACKED, type: 'TemplateIf', condition: this.expression(part.condition), then: this.parts(part.then), range: this.range(part.range) };
        if (part.else) copy.else = this.parts(part.else);
        return copy;
      }
      case 'TemplateFor': {
        const copy: TemplateFor = { ...UNTRACKED, type: 'TemplateFor', valueVar: part.valueVar, collection: this.expression(part.collection), body: this.parts(part.body), range: this.range(part.range) };
        if (part.keyVar !== undefined) copy.keyVar = part.keyVar;
        return copy;
      }
      default:
        throw new UnknownShape();
    }
  }
}
