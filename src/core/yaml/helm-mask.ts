/**
 * Finds Go-template actions (`{{ ... }}`, as Helm charts use them) in YAML text and hides them
 * behind same-length placeholders, so the YAML around them can still be parsed with exact ranges.
 *
 * Masking rules (every line break is kept, so lines and columns never move):
 * - a line holding nothing but actions (`{{- if .Values.x }}`, `{{- end }}`,
 *   `{{- include "labels" . | nindent 4 }}`) becomes blank, which YAML ignores;
 * - an action sharing its line with YAML text (`replicas: {{ .Values.replicas }}`,
 *   `image: "{{ .Values.repo }}:{{ .Values.tag }}"`) becomes a run of `x`, a plain word that is
 *   valid in keys, plain scalars and quoted scalars alike.
 * Actions that start inside a YAML comment are left alone: they cannot change the structure.
 */

export interface TemplateAction {
  /** Offset of the first `{` and just past the last `}` of the action in the original text. */
  start: number;
  end: number;
  /**
   * Whether rendering writes text here. Control actions (`if`, `else`, `end`, `range`, `with`,
   * `define`, comments, variable assignments) only steer which YAML lines survive.
   */
  output: boolean;
  /**
   * Where the action sits in the YAML: inside a quoted scalar, inside a block scalar's content,
   * or in plain YAML (a plain value, a key, a line of its own).
   */
  context: 'plain' | 'quoted' | 'block';
}

/** A line made only of template actions: blank in the masked text. */
export interface TemplateLine {
  line: number;
  /** From the first action's start to the last action's end on that line. */
  start: number;
  end: number;
  /** Column of the first action. */
  column: number;
  /** Some action on the line writes text (an `include`, `toYaml`, a value). */
  output: boolean;
}

export interface MaskedText {
  /** Same length and same line breaks as the input. */
  masked: string;
  actions: TemplateAction[];
  templateLines: TemplateLine[];
}

const CONTROL_KEYWORDS = /^(?:if|else|end|range|with|define|block|break|continue)\b/;
const ASSIGNMENT = /^\$[\w]*\s*:?=/;

/** True when the text has a template action outside YAML comments (a Helm template file). */
export function hasTemplateActions(text: string): boolean {
  if (text.indexOf('{{') < 0) return false;
  return findActions(text).length > 0;
}

/**
 * True when some action sits in plain YAML, which only a template engine's input does. Files
 * whose `{{ }}` all sit inside quoted or block scalars are usually plain manifests carrying
 * templates for another tool (Prometheus rules, Argo workflows), taken literally by Kubernetes.
 */
export function hasPlainTemplateActions(text: string): boolean {
  if (text.indexOf('{{') < 0) return false;
  return findActions(text).some((a) => a.context === 'plain');
}

export function maskTemplateActions(text: string): MaskedText {
  const actions = findActions(text);
  if (actions.length === 0) return { masked: text, actions, templateLines: [] };
  const chars = text.split('');
  const templateLines: TemplateLine[] = [];
  const lines = lineSpans(text);
  let next = 0;
  for (let line = 0; line < lines.length && next < actions.length; line++) {
    const [lineStart, lineEnd] = lines[line];
    while (next < actions.length && actions[next].end <= lineStart) next++;
    const onLine: TemplateAction[] = [];
    for (let k = next; k < actions.length && actions[k].start < lineEnd; k++) onLine.push(actions[k]);
    if (onLine.length === 0) continue;
    const templateOnly = isTemplateOnlyLine(text, lineStart, lineEnd, onLine);
    for (const action of onLine) {
      const from = Math.max(action.start, lineStart);
      const to = Math.min(action.end, lineEnd);
      for (let i = from; i < to; i++) chars[i] = templateOnly ? ' ' : 'x';
    }
    if (templateOnly) {
      const start = Math.max(onLine[0].start, lineStart);
      const end = Math.min(onLine[onLine.length - 1].end, lineEnd);
      templateLines.push({
        line,
        start,
        end,
        column: start - lineStart,
        output: onLine.some((a) => a.output && a.start >= lineStart),
      });
    }
  }
  return { masked: chars.join(''), actions, templateLines };
}

function isTemplateOnlyLine(text: string, lineStart: number, lineEnd: number, onLine: TemplateAction[]): boolean {
  let pos = lineStart;
  for (const action of onLine) {
    const from = Math.max(action.start, lineStart);
    if (text.slice(pos, from).trim() !== '') return false;
    pos = Math.min(action.end, lineEnd);
  }
  return text.slice(pos, lineEnd).trim() === '';
}

/** [start, end) of each line, without its line break. */
function lineSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) {
      spans.push([start, i]);
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  spans.push([start, text.length]);
  return spans;
}

/**
 * Walks the text line by line, skipping YAML comments (a `#` at the start of a line or after
 * white space, outside quotes, and not inside a block scalar's content) and collecting actions.
 */
function findActions(text: string): TemplateAction[] {
  const actions: TemplateAction[] = [];
  let i = 0;
  let lineStart = true;
  let quote: '"' | "'" | undefined;
  let prevSignificant = '';
  let lineIndent = 0;
  let blockParentIndent = -1;
  let inBlockContent = false;
  let lineHasText = false;
  let lastLineText = '';
  while (i < text.length) {
    const ch = text[i];
    if (lineStart) {
      // New line: measure indentation and decide whether it belongs to a block scalar's content.
      let j = i;
      while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
      lineIndent = j - i;
      const blank = j >= text.length || text[j] === '\n' || text[j] === '\r';
      if (blockParentIndent >= 0 && !blank && lineIndent <= blockParentIndent) blockParentIndent = -1;
      inBlockContent = blockParentIndent >= 0;
      lineStart = false;
      quote = undefined;
      prevSignificant = '';
      lineHasText = false;
      lastLineText = '';
      i = j;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      if (!inBlockContent && opensBlockScalar(lastLineText)) blockParentIndent = lineIndent;
      lineStart = true;
      i++;
      continue;
    }
    if (ch === '{' && text[i + 1] === '{') {
      const end = actionEnd(text, i + 2);
      const context = inBlockContent ? 'block' : quote ? 'quoted' : 'plain';
      actions.push({ start: i, end, output: isOutputAction(text.slice(i, end)), context });
      lastLineText += 'x';
      prevSignificant = 'x';
      lineHasText = true;
      // A multi-line action simply continues the line it started on.
      i = end;
      continue;
    }
    if (!inBlockContent) {
      if (quote) {
        if (ch === '\\' && quote === '"') {
          lastLineText += ch + (text[i + 1] ?? '');
          i += 2;
          continue;
        }
        if (ch === quote) {
          if (quote === "'" && text[i + 1] === "'") {
            lastLineText += "''";
            i += 2;
            continue;
          }
          quote = undefined;
        }
      } else if (ch === '#' && (!lineHasText || text[i - 1] === ' ' || text[i - 1] === '\t')) {
        // Comment: nothing further on this line can be an action that matters.
        while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
        continue;
      } else if ((ch === '"' || ch === "'") && (prevSignificant === '' || ':-[{,?'.includes(prevSignificant))) {
        quote = ch;
      }
    }
    if (ch !== ' ' && ch !== '\t') {
      prevSignificant = ch;
      lineHasText = true;
    }
    lastLineText += ch;
    i++;
  }
  return actions;
}

/** `key: |`, `- >-`, `key: &a |2+` and friends: the next, deeper lines are literal content. */
function opensBlockScalar(lineText: string): boolean {
  const trimmed = lineText.trimEnd();
  const header = /[|>][1-9+-]{0,2}$/.exec(trimmed);
  if (!header) return false;
  // Anchors and tags may sit between the indicator and the header (`key: &text |`).
  const tokens = trimmed.slice(0, header.index).trim().split(/\s+/).filter((t) => t !== '');
  while (tokens.length && /^[&!]/.test(tokens[tokens.length - 1])) tokens.pop();
  if (tokens.length === 0) return true;
  const last = tokens[tokens.length - 1];
  return last.endsWith(':') || last === '-';
}

/**
 * Offset just past the `}}` closing an action that starts before `from`. Go template strings
 * ("...", `...`, '.') may contain `}}`; comments (`/* ... *\/`) too. An action left open ends at
 * the end of its line, which is what a reader would assume.
 */
function actionEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '}' && text[i + 1] === '}') return i + 2;
    if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) break;
      i = close + 2;
      continue;
    }
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== ch && text[j] !== '\n' && text[j] !== '\r') j += text[j] === '\\' ? 2 : 1;
      i = j + 1;
      continue;
    }
    if (ch === '`') {
      const close = text.indexOf('`', i + 1);
      if (close < 0) break;
      i = close + 1;
      continue;
    }
    i++;
  }
  let eol = from;
  while (eol < text.length && text[eol] !== '\n' && text[eol] !== '\r') eol++;
  return eol;
}

function isOutputAction(source: string): boolean {
  const inner = source.replace(/^\{\{-?\s*/, '');
  if (inner.startsWith('/*')) return false;
  if (CONTROL_KEYWORDS.test(inner)) return false;
  if (ASSIGNMENT.test(inner)) return false;
  return true;
}
