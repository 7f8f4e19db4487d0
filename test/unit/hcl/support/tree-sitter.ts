/**
 * The tree-sitter-hcl reference parser (web-tree-sitter + the grammar's wasm) and the structural
 * outline both parsers are compared on: blocks with type and labels, attributes with names, the
 * nesting, and the source range of each item.
 */
import * as path from 'node:path';
import { Language, Parser, type Node as TsNode } from 'web-tree-sitter';
import type { Body, HclFile } from '../../../../src/core/hcl';

export interface OutlineItem {
  kind: 'attribute' | 'block';
  name: string;
  /** Label source text, quotes included, so escapes need no decoding to compare. */
  labels?: string[];
  start: number;
  end: number;
  items?: OutlineItem[];
}

export interface ReferenceResult {
  accepted: boolean;
  outline: OutlineItem[];
}

export async function loadTreeSitterHcl(repoRoot: string): Promise<Parser> {
  await Parser.init();
  const wasm = path.join(repoRoot, 'node_modules', '@tree-sitter-grammars', 'tree-sitter-hcl', 'tree-sitter-hcl.wasm');
  const language = await Language.load(wasm);
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

export function parseWithTreeSitter(parser: Parser, text: string): ReferenceResult {
  const tree = parser.parse(text);
  if (!tree) return { accepted: false, outline: [] };
  try {
    const root = tree.rootNode;
    const body = root.namedChildren.find((child) => child?.type === 'body') ?? null;
    return { accepted: !root.hasError, outline: treeSitterOutline(body) };
  } finally {
    tree.delete();
  }
}

function treeSitterOutline(body: TsNode | null): OutlineItem[] {
  const items: OutlineItem[] = [];
  if (!body) return items;
  for (const node of body.namedChildren) {
    if (!node) continue;
    if (node.type === 'attribute') {
      items.push({ kind: 'attribute', name: node.namedChildren[0]?.text ?? '', start: node.startIndex, end: node.endIndex });
    } else if (node.type === 'block') {
      const [typeNode, ...rest] = node.namedChildren;
      const labels: string[] = [];
      let nested: TsNode | null = null;
      for (const child of rest) {
        if (!child) continue;
        if (child.type === 'string_lit' || child.type === 'identifier') labels.push(child.text);
        else if (child.type === 'body') nested = child;
      }
      items.push({ kind: 'block', name: typeNode?.text ?? '', labels, start: node.startIndex, end: node.endIndex, items: treeSitterOutline(nested) });
    }
  }
  return items;
}

export function ourOutline(file: HclFile, body: Body = file.body): OutlineItem[] {
  return body.items.map((item): OutlineItem => {
    if (item.type === 'Attribute') {
      return { kind: 'attribute', name: item.name, start: item.range.start.offset, end: item.range.end.offset };
    }
    return {
      kind: 'block',
      name: item.blockType,
      labels: item.labels.map((label) => file.text.slice(label.range.start.offset, label.range.end.offset)),
      start: item.range.start.offset,
      end: item.range.end.offset,
      items: ourOutline(file, item.body),
    };
  });
}

/** The first place two outlines differ, in words, or undefined when they agree. */
export function outlineDifference(ours: OutlineItem[], reference: OutlineItem[], where = 'body'): string | undefined {
  if (ours.length !== reference.length) return `${where}: ${ours.length} items here, ${reference.length} in tree-sitter`;
  for (let i = 0; i < ours.length; i++) {
    const a = ours[i];
    const b = reference[i];
    const at = `${where}[${i}] ${a.kind} ${a.name}`;
    if (a.kind !== b.kind || a.name !== b.name) return `${at}: tree-sitter has ${b.kind} ${b.name}`;
    if (a.start !== b.start || a.end !== b.end) return `${at}: range ${a.start}-${a.end}, tree-sitter ${b.start}-${b.end}`;
    if (JSON.stringify(a.labels) !== JSON.stringify(b.labels)) return `${at}: labels ${JSON.stringify(a.labels)} vs ${JSON.stringify(b.labels)}`;
    const nested = outlineDifference(a.items ?? [], b.items ?? [], at);
    if (nested) return nested;
  }
  return undefined;
}
