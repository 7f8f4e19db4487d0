/**
 * JSON / JSONC edits through `jsonc-parser`'s `modify`, formatted like the file: tabs or spaces,
 * the indentation width, and the line break it already uses. Comments elsewhere are untouched.
 */
import { createScanner, findNodeAtLocation, modify, parseTree, SyntaxKind, type FormattingOptions, type JSONPath } from 'jsonc-parser';
import { LineIndex } from '../text/position';
import { changeAt } from './apply';
import type { TextChange } from './types';

export type { JSONPath } from 'jsonc-parser';

export function detectJsonFormatting(text: string): FormattingOptions {
  const index = new LineIndex(text);
  const eol = index.preferredEol();
  let insertSpaces = true;
  let tabSize = 2;
  const widths = new Map<number, number>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    const indent = /^[ \t]+(?=\S)/.exec(line);
    if (!indent) continue;
    if (indent[0].startsWith('\t')) {
      insertSpaces = false;
      break;
    }
    widths.set(indent[0].length, (widths.get(indent[0].length) ?? 0) + 1);
  }
  if (insertSpaces && widths.size > 0) {
    // The smallest indentation is one step (nested lines are multiples of it).
    tabSize = Math.min(...widths.keys());
  }
  return { insertSpaces, tabSize, eol };
}

/** Sets (adds or replaces) the value at `path`, creating missing parent objects. */
export function jsonSetValue(text: string, path: JSONPath, value: unknown): TextChange[] {
  return toChanges(text, modify(text, path, value, { formattingOptions: detectJsonFormatting(text) }));
}

/** Inserts a value into an array at `path` (the last segment is the index; -1 appends). */
export function jsonInsertArrayItem(text: string, path: JSONPath, value: unknown): TextChange[] {
  return toChanges(text, modify(text, path, value, { formattingOptions: detectJsonFormatting(text), isArrayInsertion: true }));
}

/**
 * Removes the property or array item at `path` (nothing when it is absent). A property written on
 * lines of its own goes with exactly those lines, so comments around it stay; anything else is
 * left to jsonc-parser.
 */
export function jsonRemove(text: string, path: JSONPath): TextChange[] {
  return removePropertyLines(text, path) ?? toChanges(text, modify(text, path, undefined, { formattingOptions: detectJsonFormatting(text) }));
}

function removePropertyLines(text: string, path: JSONPath): TextChange[] | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const property = root ? findNodeAtLocation(root, path)?.parent : undefined;
  if (!property || property.type !== 'property' || !property.parent?.children) return undefined;
  const index = new LineIndex(text);
  const firstLine = index.position(property.offset).line;
  const start = index.lineStart(firstLine);
  const end = property.offset + property.length;
  const lastLine = index.position(end).line;
  if (text.slice(start, property.offset).trim() !== '') return undefined;
  if (!/^\s*,?\s*(\/\/.*|\/\*.*\*\/\s*)?$/.test(text.slice(end, index.lineEnd(lastLine)))) return undefined;
  const removeTo = lastLine + 1 < index.lineCount ? index.lineStart(lastLine + 1) : text.length;
  const changes = [changeAt(index, start, removeTo, '')];
  const siblings = property.parent.children;
  const position = siblings.indexOf(property);
  if (position === siblings.length - 1 && position > 0) {
    // The new last property must not keep a comma before the closing brace.
    const previous = siblings[position - 1];
    const scanner = createScanner(text, true);
    scanner.setPosition(previous.offset + previous.length);
    if (scanner.scan() === SyntaxKind.CommaToken && scanner.getTokenOffset() < start) {
      changes.unshift(changeAt(index, scanner.getTokenOffset(), scanner.getTokenOffset() + 1, ''));
    }
  }
  return changes;
}

function toChanges(text: string, edits: Array<{ offset: number; length: number; content: string }>): TextChange[] {
  const index = new LineIndex(text);
  return edits.map((e) => changeAt(index, e.offset, e.offset + e.length, e.content));
}
