/**
 * YAML → TreeFile: every document of a multi-document stream, exact ranges for keys and values,
 * comments and errors with ranges. Never throws.
 *
 * Helm templates: when the text has `{{ ... }}` actions outside comments, they are masked first
 * (see `./helm-mask.ts`) and scalars touching an action become `templated`. A document with
 * actions in plain YAML (a Helm template) that is still not valid YAML after masking becomes one
 * templated root instead of reporting errors: its YAML is only real once rendered. Actions that
 * only sit inside quoted or block scalars cannot break the YAML, so such files keep their errors.
 */
import { Composer, Parser, type Document } from 'yaml';
import { LineIndex, type Range } from '../text/position';
import type { TemplatedNode, TreeDocument, TreeFile } from '../documents/tree';
import { hasTemplateActions, maskTemplateActions, type MaskedText, type TemplateAction } from './helm-mask';
import { attachTemplateLines, LineLayout } from './helm-attach';
import { EMBEDDED_TEMPLATE_REASON, HELM_TEMPLATED_REASON, YamlNodeConverter } from './yaml-nodes';
import { estimateValues, firstTooDeep, tooDeepMessage, tooManyValuesMessage, MAX_VALUES } from './limits';
import { appendAll } from '../util/arrays';

export interface YamlParseOptions {
  /**
   * `auto` (default) masks template actions when the file has some outside comments; `helm`
   * always masks; `none` parses the text as plain YAML.
   */
  templates?: 'auto' | 'helm' | 'none';
  /**
   * YAML version for resolving plain scalars. Defaults to 1.1, the dialect of the parsers that
   * read these files (go-yaml for Kubernetes and Helm, SnakeYAML for Spring): `on`/`yes` are
   * booleans, `0644` is octal, `<<` merges maps.
   */
  version?: '1.1' | '1.2';
}

const HELM_UNREADABLE_REASON =
  'this Helm template is not valid YAML before rendering; lint the rendered manifest to check it';

export function parseYamlTree(text: string, options: YamlParseOptions = {}): TreeFile {
  return parseYamlStream(text, options, true);
}

/**
 * `parseYamlTree` without the empty document it adds to a text holding none: a stretch of a
 * multi-document file (see `./incremental-parse.ts`) may hold only the comments that lead into
 * the next document, which are no document of their own.
 */
export function parseYamlStream(text: string, options: YamlParseOptions, emptyDocument: boolean): TreeFile {
  const index = new LineIndex(text);
  const mode = options.templates ?? 'auto';
  const masking = mode === 'helm' || (mode === 'auto' && hasTemplateActions(text));
  const mask: MaskedText = masking ? maskTemplateActions(text) : { masked: text, actions: [], templateLines: [] };
  const version = options.version ?? '1.1';
  const errors: TreeFile['errors'] = [];
  const comments: TreeFile['comments'] = [];
  const documents: TreeDocument[] = [];
  // The yaml library only breaks lines at LF and CRLF; editors also at a lone CR (old Mac files).
  // Reading a lone CR as LF keeps every offset, and ranges come from the original text's index.
  const source = mask.masked.replace(/\r(?!\n)/g, '\n');
  const estimated = estimateValues(source);
  if (estimated > MAX_VALUES) {
    errors.push({ message: tooManyValuesMessage(estimated), range: index.range(0, 0) });
    return { syntax: 'yaml', text, documents: [{ root: undefined, range: index.range(0, text.length), index: 0 }], errors, comments };
  }
  try {
    const tokens = [...new Parser().parse(source)];
    // A comment starts with `#`: a text without one has none, and its tokens need no walk.
    if (source.includes('#')) collectComments(tokens, text, index, comments);
    const deepAt = firstTooDeep(tokens, source);
    if (deepAt !== undefined) {
      errors.push({ message: tooDeepMessage(), range: index.range(deepAt, Math.min(text.length, deepAt + 1)) });
      return { syntax: 'yaml', text, documents: [{ root: undefined, range: index.range(0, text.length), index: 0 }], errors, comments };
    }
    const composer = new Composer({ keepSourceTokens: true, uniqueKeys: false, version, prettyErrors: false, strict: false });
    const docs = [...composer.compose(tokens, emptyDocument, mask.masked.length)];
    const layout = mask.templateLines.length > 0 ? new LineLayout(mask.masked, index) : undefined;
    docs.forEach((doc, i) => {
      // A document owns the text up to the next one: trailing template lines belong to it.
      const limit = i + 1 < docs.length ? docs[i + 1].range[0] : text.length;
      documents.push(buildDocument(doc, i, limit, { text, index, mask, version, errors, layout }));
    });
  } catch (error) {
    // The parser is not expected to throw; if it does, report it instead of failing the lint.
    errors.push({ message: `YAML could not be read: ${String(error)}`, range: index.range(0, 0) });
  }
  if (emptyDocument && documents.length === 0) documents.push({ root: undefined, range: index.range(0, text.length), index: 0 });
  return { syntax: 'yaml', text, documents, errors, comments };
}

interface BuildContext {
  text: string;
  index: LineIndex;
  mask: MaskedText;
  version: '1.1' | '1.2';
  errors: TreeFile['errors'];
  layout: LineLayout | undefined;
}

function buildDocument(doc: Document.Parsed, i: number, limit: number, context: BuildContext): TreeDocument {
  const { text, index, mask } = context;
  const [start, valueEnd] = doc.range;
  const end = trimTrailingSpace(text, start, valueEnd);
  const range = index.range(start, end);
  const actions = actionsWithin(mask.actions, start, Math.max(limit, valueEnd));
  const helmLike = actions.some((a) => a.context === 'plain');
  const docErrors = doc.errors.map((e) => ({ message: firstLine(e.message), range: index.range(e.pos[0], Math.max(e.pos[0], e.pos[1])) }));
  // Masking inside quoted or block scalars cannot break YAML: errors there are the file's own.
  if (helmLike && docErrors.length > 0) {
    const root: TemplatedNode = { kind: 'templated', source: text.slice(start, end), reason: HELM_UNREADABLE_REASON, range };
    return { root, range, index: i };
  }
  appendAll(context.errors, docErrors);
  const converter = new YamlNodeConverter({
    text,
    index,
    masks: actions,
    mergeKeys: context.version === '1.1',
    errors: context.errors,
    templatedReason: helmLike ? HELM_TEMPLATED_REASON : EMBEDDED_TEMPLATE_REASON,
  });
  const converted = doc.contents ? converter.convert(doc.contents, start) : undefined;
  // `---` followed by nothing gives an empty scalar: that document has no content at all.
  const root = converted && converted.kind === 'scalar' && converted.source === '' && converted.value === null ? undefined : converted;
  const from = i === 0 ? 0 : start;
  const lines = mask.templateLines.filter((l) => l.start >= from && l.start < Math.max(limit, start + 1));
  if (root && lines.length > 0 && context.layout) {
    attachTemplateLines(lines, { text, masked: mask.masked, index, converter, root, lineLayout: context.layout });
  }
  return { root, range, index: i };
}

function actionsWithin(actions: TemplateAction[], start: number, end: number): TemplateAction[] {
  return actions.filter((a) => a.start < end && a.end > start);
}

/**
 * Comments live in the concrete syntax tree (the composed nodes only keep their text): walk every
 * token and keep those of type `comment`, with their offsets.
 */
function collectComments(tokens: unknown[], text: string, index: LineIndex, out: Array<{ text: string; range: Range }>): void {
  const stack: unknown[] = [...tokens].reverse();
  while (stack.length > 0) {
    const token = stack.pop();
    if (!token || typeof token !== 'object') continue;
    if (Array.isArray(token)) {
      for (let k = token.length - 1; k >= 0; k--) stack.push(token[k]);
      continue;
    }
    const record = token as Record<string, unknown>;
    if (record.type === 'comment' && typeof record.offset === 'number' && typeof record.source === 'string') {
      const startOffset = record.offset;
      const endOffset = startOffset + record.source.length;
      out.push({ text: text.slice(startOffset, endOffset), range: index.range(startOffset, endOffset) });
      continue;
    }
    for (const key of ['start', 'key', 'sep', 'value', 'items', 'end', 'props']) {
      if (record[key] !== undefined) stack.push(record[key]);
    }
  }
  out.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

function trimTrailingSpace(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
