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
  // Lines are walked in place rather than split: most lines of a manifest sit deeper than the
  // outline reaches, and for those only the indentation is read (no slice, no regex).
  for (let start = 0; start <= text.length; ) {
    const end = lineEnd(text, start);
    const next = end < text.length ? end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1) : text.length + 1;
    if (isDocumentMarker(text, start, end)) {
      documents.push(new Set());
      stack.length = 0;
      start = next;
      continue;
    }
    let at = start;
    while (at < end && text.charCodeAt(at) === 32) at++;
    let indent = at - start;
    const first = text.charCodeAt(at);
    if (at === end || first === 35 /* # */) {
      start = next;
      continue;
    }
    // A sequence item's own keys sit two columns right of its dash.
    while (text.charCodeAt(at) === 45 /* - */ && text.charCodeAt(at + 1) === 32 && at + 1 < end) {
      let after = at + 1;
      while (after < end && isBlank(text.charCodeAt(after))) after++;
      indent += after - at;
      at = after;
    }
    while (stack.length > 0 && stack[stack.length - 1].indent >= indent) stack.pop();
    if (stack.length < OUTLINE_DEPTH) {
      const match = YAML_KEY.exec(text.slice(at, end));
      if (match) {
        stack.push({ indent, key: unquote(match[1].trim()) });
        documents[documents.length - 1].add(stack.map((s) => s.key).join('/'));
      }
    }
    start = next;
  }
  return documents.filter((d, i) => d.size > 0 || i === 0);
}

/** Index of the line break ending the line that starts at `start` (`\n`, `\r\n` or a lone `\r`), or the text length. */
function lineEnd(text: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** `---` or `...` alone or followed by whitespace. */
function isDocumentMarker(text: string, start: number, end: number): boolean {
  if (end - start < 3) return false;
  const c = text.charCodeAt(start);
  if ((c !== 45 && c !== 46) || text.charCodeAt(start + 1) !== c || text.charCodeAt(start + 2) !== c) return false;
  return start + 3 === end || isBlank(text.charCodeAt(start + 3));
}

/** What `\s` matches within a line. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
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
