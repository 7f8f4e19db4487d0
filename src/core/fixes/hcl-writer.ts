/**
 * Minimal HCL edits for fixes: set or add an attribute, add nested blocks, remove an attribute,
 * add a companion resource. Edits keep the user's indentation, line ends and everything outside
 * the edited span.
 */
import { LineIndex, type Range } from '../text/position';
import type { Block, Body } from '../hcl/ast';
import type { TextEdit } from '../findings/types';

export function renderHclValue(value: unknown, indent: string, unit: string, eol = '\n'): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    // `${` and `%{` would start a template; escaping keeps the literal text.
    return JSON.stringify(value)
      .replace(/\$\{/g, () => '$${')
      .replace(/%\{/g, () => '%%{');
  }
  if (Array.isArray(value)) return `[${value.map((v) => renderHclValue(v, indent, unit, eol)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  const inner = indent + unit;
  const width = Math.max(...entries.map(([k]) => k.length));
  return `{${eol}${entries.map(([k, v]) => `${inner}${k.padEnd(width)} = ${renderHclValue(v, inner, unit, eol)}`).join(eol)}${eol}${indent}}`;
}

/** The indentation unit the file uses (two spaces when it cannot tell). */
export function detectIndentUnit(text: string): string {
  const match = /\n([ \t]+)\S/.exec(text);
  if (!match) return '  ';
  return match[1].startsWith('\t') ? '\t' : match[1].length >= 4 && match[1].length % 4 === 0 ? '    ' : '  ';
}

export class HclWriter {
  readonly index: LineIndex;
  readonly eol: string;
  readonly unit: string;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.index = new LineIndex(text);
    this.eol = this.index.preferredEol();
    this.unit = detectIndentUnit(text);
  }

  lineIndent(offset: number): string {
    const line = this.index.position(offset).line;
    return /^[ \t]*/.exec(this.index.lineText(line))![0];
  }

  /** Indentation of the body's items, or one level deeper than the block's own line. */
  bodyIndent(block: Block): string {
    const first = block.body.items[0];
    if (first && this.index.position(first.range.start.offset).line !== this.index.position(block.range.start.offset).line) {
      return this.lineIndent(first.range.start.offset);
    }
    return this.lineIndent(block.range.start.offset) + this.unit;
  }

  replace(range: Range, newText: string): TextEdit {
    return { file: this.file, range, newText };
  }

  /**
   * Insert lines just before the block's closing brace. Each line gets the body's indentation;
   * a line may itself span several lines when it was rendered with that indentation already.
   */
  insertIntoBlock(block: Block, lines: string[]): TextEdit | undefined {
    if (!block.closeBrace) return undefined;
    const closeOffset = block.closeBrace.start.offset;
    const closeLine = this.index.position(closeOffset).line;
    const openLine = this.index.position(block.openBrace?.start.offset ?? block.range.start.offset).line;
    const indent = this.bodyIndent(block);
    const payload = lines.map((l) => (l === '' ? '' : indent + l)).join(this.eol);
    const beforeClose = this.text.slice(this.index.lineStart(closeLine), closeOffset);
    if (closeLine === openLine || beforeClose.trim() !== '') {
      // `{}` or `{ a = 1 }` on one line: open it up.
      const closeIndent = this.lineIndent(block.range.start.offset);
      const at = this.index.position(closeOffset);
      const trimmedStart = this.text.slice(0, closeOffset).replace(/[ \t]+$/, '').length;
      return this.replace({ start: this.index.position(trimmedStart), end: at }, `${this.eol}${payload}${this.eol}${closeIndent}`);
    }
    const at = this.index.position(this.index.lineStart(closeLine));
    return this.replace({ start: at, end: at }, payload + this.eol);
  }

  setAttribute(block: Block, body: Body, name: string, value: unknown): TextEdit | undefined {
    const existing = body.items.find((i) => i.type === 'Attribute' && i.name === name);
    const indent = this.bodyIndent(block);
    const rendered = renderHclValue(value, indent, this.unit, this.eol);
    if (existing && existing.type === 'Attribute') return this.replace(existing.expr.range, rendered);
    return this.insertIntoBlock(block, [`${name} = ${rendered}`]);
  }

  removeAttribute(body: Body, name: string): TextEdit | undefined {
    const existing = body.items.find((i) => i.type === 'Attribute' && i.name === name);
    if (!existing) return undefined;
    const startLine = existing.range.start.line;
    const endLine = existing.range.end.line;
    const lineStart = this.index.lineStart(startLine);
    const before = this.text.slice(lineStart, existing.range.start.offset);
    const after = this.text.slice(existing.range.end.offset, this.index.lineEnd(endLine));
    if (before.trim() === '' && (after.trim() === '' || after.trim().startsWith('#') || after.trim().startsWith('//'))) {
      const nextLineStart = this.index.lineStart(endLine + 1);
      return this.replace(this.index.range(lineStart, nextLineStart), '');
    }
    return this.replace(existing.range, '');
  }

  /**
   * Lines of a block template from a rule, re-indented in the file's unit (relative to the place
   * it goes; the caller adds the base indentation).
   */
  blockLines(hcl: string): string[] {
    const lines = hcl.replace(/\s+$/, '').split(/\r?\n/);
    const templateUnit = /\n( +)\S/.exec(hcl)?.[1] ?? '  ';
    return lines.map((line) => {
      if (line.trim() === '') return '';
      const depth = Math.round(/^ */.exec(line)![0].length / templateUnit.length);
      return this.unit.repeat(depth) + line.trimStart();
    });
  }

  addNestedBlock(block: Block, hcl: string): TextEdit | undefined {
    return this.insertIntoBlock(block, this.blockLines(hcl));
  }

  /** A new top-level resource after the given block, separated by a blank line. */
  addResourceAfter(block: Block, hcl: string): TextEdit {
    const endOffset = block.range.end.offset;
    const endLine = this.index.position(endOffset).line;
    const lineEnd = this.index.lineEnd(endLine);
    const at = this.index.position(lineEnd);
    const indent = this.lineIndent(block.range.start.offset);
    const lines = this.blockLines(hcl).map((l) => (l === '' ? '' : indent + l));
    return this.replace({ start: at, end: at }, `${this.eol}${this.eol}${lines.join(this.eol)}`);
  }
}
