/**
 * JSON / JSONC → TreeFile through `jsonc-parser`: comments and trailing commas are accepted (VS Code
 * settings, Orthanc and appsettings files use them), duplicate keys are all kept (`mapGet` reads
 * the last, as JSON parsers do). Never throws.
 */
import { createScanner, parseTree, printParseErrorCode, SyntaxKind, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { LineIndex } from '../text/position';
import type { MapEntry, MapNode, ScalarNode, SeqNode, TreeFile, TreeNode } from '../documents/tree';

/** Deeper nesting than this is reported instead of converted (keeps recursion far from the stack limit). */
const MAX_DEPTH = 200;

export function parseJsonTree(text: string): TreeFile {
  const index = new LineIndex(text);
  // A byte-order mark left in the text becomes a space of the same length, so offsets stay true.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const parseErrors: ParseError[] = [];
  let tree: JsonNode | undefined;
  try {
    tree = parseTree(source, parseErrors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  } catch (error) {
    // jsonc-parser recurses per nesting level; absurdly deep input exhausts the stack.
    return {
      syntax: 'json',
      text,
      documents: [{ root: undefined, range: index.range(0, text.length), index: 0 }],
      errors: [{ message: `JSON could not be read: ${String(error)}`, range: index.range(0, 0) }],
      comments: [],
    };
  }
  const errors: TreeFile['errors'] = parseErrors.map((e) => ({
    message: describeError(printParseErrorCode(e.error)),
    range: index.range(e.offset, e.offset + e.length),
  }));
  const converter = new JsonConverter(text, index, errors);
  const root = tree ? converter.convert(tree, 0) : undefined;
  const end = root ? root.range.end.offset : text.length;
  return {
    syntax: 'json',
    text,
    documents: [{ root, range: index.range(root ? root.range.start.offset : 0, end), index: 0 }],
    errors,
    comments: scanComments(source, text, index),
  };
}

class JsonConverter {
  constructor(
    private readonly text: string,
    private readonly index: LineIndex,
    private readonly errors: TreeFile['errors'],
  ) {}

  convert(node: JsonNode, depth: number): TreeNode {
    const range = this.index.range(node.offset, node.offset + node.length);
    if (depth > MAX_DEPTH) {
      this.errors.push({ message: 'nesting is too deep to be checked', range });
      return { kind: 'scalar', value: null, style: 'json', source: '', range: this.index.range(node.offset, node.offset) };
    }
    if (node.type === 'object') {
      const map: MapNode = { kind: 'map', entries: [], flow: true, range };
      for (const property of node.children ?? []) {
        const entry = this.entry(property, depth);
        if (entry) map.entries.push(entry);
      }
      return map;
    }
    if (node.type === 'array') {
      const seq: SeqNode = { kind: 'seq', items: [], flow: true, range };
      for (const child of node.children ?? []) seq.items.push(this.convert(child, depth + 1));
      return seq;
    }
    const scalar: ScalarNode = {
      kind: 'scalar',
      value: node.type === 'null' ? null : (node.value as string | number | boolean),
      style: 'json',
      source: this.text.slice(node.offset, node.offset + node.length),
      range,
    };
    return scalar;
  }

  private entry(property: JsonNode, depth: number): MapEntry | undefined {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode) return undefined;
    const keyRange = this.index.range(keyNode.offset, keyNode.offset + keyNode.length);
    // `"key":` with the value missing (a syntax error already reported): an empty null value.
    const value: TreeNode = valueNode
      ? this.convert(valueNode, depth + 1)
      : { kind: 'scalar', value: null, style: 'json', source: '', range: this.index.range(property.offset + property.length, property.offset + property.length) };
    value.keyRange = keyRange;
    const end = Math.max(keyRange.end.offset, value.range.end.offset);
    return { key: String(keyNode.value), keyRange, value, range: this.index.range(keyNode.offset, end) };
  }
}

function scanComments(source: string, text: string, index: LineIndex): TreeFile['comments'] {
  const comments: TreeFile['comments'] = [];
  const scanner = createScanner(source, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      const start = scanner.getTokenOffset();
      const end = start + scanner.getTokenLength();
      comments.push({ text: text.slice(start, end), range: index.range(start, end) });
    }
  }
  return comments;
}

/** `PropertyNameExpected` → "property name expected". */
function describeError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
