/**
 * A cheap look at the shape of a YAML or JSON file for classification: the key paths of the first
 * three levels of every document. It reads lines and indentation only (YAML) so that it works on
 * broken files and Helm templates alike, and never builds the full tree.
 */
import { parseTree, type Node as JsonNode } from 'jsonc-parser';

/** Per document: `apiVersion`, `services/web`, `services/web/image`, ... (levels joined by `/`). */
export type Outline = Array<Set<string>>;

const OUTLINE_DEPTH = 3;
const YAML_KEY = /^((?:"[^"]*"|'[^']*'|[^\s#'"{[\]},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?))\s*:(?:\s|$)/;

export function yamlOutline(text: string): Outline {
  const documents: Outline = [new Set()];
  const stack: Array<{ indent: number; key: string }> = [];
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    if (/^(---|\.\.\.)(\s|$)/.test(rawLine)) {
      documents.push(new Set());
      stack.length = 0;
      continue;
    }
    let indent = /^[ ]*/.exec(rawLine)![0].length;
    let rest = rawLine.slice(indent);
    if (rest === '' || rest.startsWith('#')) continue;
    // A sequence item's own keys sit two columns right of its dash.
    while (rest.startsWith('- ')) {
      const inner = /^-\s+/.exec(rest)![0].length;
      indent += inner;
      rest = rest.slice(inner);
    }
    const match = YAML_KEY.exec(rest);
    while (stack.length > 0 && stack[stack.length - 1].indent >= indent) stack.pop();
    if (!match) continue;
    const key = unquote(match[1].trim());
    if (stack.length >= OUTLINE_DEPTH) continue;
    stack.push({ indent, key });
    documents[documents.length - 1].add(stack.map((s) => s.key).join('/'));
  }
  return documents.filter((d, i) => d.size > 0 || i === 0);
}

export function jsonOutline(text: string): Outline {
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const paths = new Set<string>();
  try {
    const root = parseTree(source, [], { allowTrailingComma: true, disallowComments: false });
    if (root) addJsonPaths(root, [], paths);
  } catch {
    // Nesting deep enough to exhaust the parser's stack: nothing recognisable.
  }
  return [paths];
}

function addJsonPaths(node: JsonNode, prefix: string[], out: Set<string>): void {
  if (node.type !== 'object' || prefix.length >= OUTLINE_DEPTH) return;
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || typeof key.value !== 'string') continue;
    const path = [...prefix, key.value];
    out.add(path.join('/'));
    if (value) addJsonPaths(value, path, out);
  }
}

function unquote(key: string): string {
  if ((key.startsWith('"') && key.endsWith('"')) || (key.startsWith("'") && key.endsWith("'"))) return key.slice(1, -1);
  return key;
}

export function hasTopLevel(outline: Outline, ...keys: string[]): boolean {
  return outline.some((doc) => keys.every((k) => doc.has(k)));
}

/** Keys directly under `parent` (a `/`-joined path) in any document. */
export function childrenOf(outline: Outline, parent: string): string[] {
  const children: string[] = [];
  const prefix = parent + '/';
  for (const doc of outline) {
    for (const path of doc) {
      if (path.startsWith(prefix) && !path.slice(prefix.length).includes('/')) children.push(path.slice(prefix.length));
    }
  }
  return children;
}
