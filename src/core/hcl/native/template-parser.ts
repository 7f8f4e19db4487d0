/**
 * Templates: quoted strings, heredocs and standalone templates (the content of JSON strings).
 * Literal text is read character by character here; `${ }` and `%{ }` hand over to the expression
 * parser through the shared lexer and take the position back at the closing brace. Strip markers
 * and `<<-` indentation are applied once the whole template is read, because both depend on
 * neighbours that are only known then.
 */
import type { Expression, TemplateExpr, TemplateFor, TemplateIf, TemplatePart, TemplateString } from '../ast';
import { MAX_NESTING_DEPTH, type ParserContext } from './context';
import { isStrippableSpace } from './chars';
import { decodeEscape } from './escapes';
import { minimumIndent, stripIndent } from './heredoc-indent';
import { parseExpression } from './expression-parser';
import { Tok as TokenKind } from './tokens';

// Module-local alias: see the note on Tok in ./tokens.
const Tok = TokenKind;
type Tok = TokenKind;

const enum Mode {
  Quoted,
  Heredoc,
  Standalone,
}

const enum Stop {
  Interpolation,
  Directive,
  End,
}

const NO_LINE_STARTS: number[] = [];

interface LiteralRecord {
  part: TemplateString;
  owner: TemplatePart[];
  rawStart: number;
  rawEnd: number;
  lineStarts: number[];
  trimStart: boolean;
  trimEnd: boolean;
}

interface Terminator {
  keyword: 'else' | 'endif' | 'endfor';
  start: number;
  end: number;
}

class TemplateScanner {
  pos: number;
  readonly literals: LiteralRecord[] = [];
  /** The literal that ends exactly where the next sequence starts, for `${~` stripping. */
  last: LiteralRecord | null = null;
  /** Offset right after a `~}`; the literal starting there loses its leading spaces. */
  stripNextAt = -1;
  /** Quoted: closed by `"`. Heredoc: closed by the marker line. Standalone: always. */
  closed = false;
  /** Heredoc: where the marker line starts and where the marker ends. */
  contentEnd = -1;
  closeEnd = -1;
  sequenceAtFirstLine = false;
  mutedForDepth = false;

  constructor(
    readonly p: ParserContext,
    readonly mode: Mode,
    start: number,
    readonly contentStart: number,
    readonly marker = '',
  ) {
    this.pos = start;
  }
}

export function parseQuotedTemplate(p: ParserContext): TemplateExpr {
  const start = p.start;
  const simple = simpleStringEnd(p.text, start + 1);
  if (simple >= 0) return simpleQuotedTemplate(p, start, simple);
  const saved = p.newlinesSignificant;
  p.newlinesSignificant = false;
  const scanner = new TemplateScanner(p, Mode.Quoted, start + 1, start + 1);
  const parts = parseRoot(scanner);
  const contentEnd = scanner.pos;
  let end = contentEnd;
  if (scanner.closed) end++;
  else p.error('Unclosed string: expected \'"\' before the end of the line', start, contentEnd);
  finalize(scanner);
  p.newlinesSignificant = saved;
  p.resetTo(end);
  return { type: 'Template', kind: 'quoted', parts, contentRange: p.range(start + 1, contentEnd), range: p.range(start, end) };
}

/**
 * Most strings are plain text: without `\\`, `$`, `%` or a line break before the closing quote
 * they need no decoding and no template machinery. Returns the closing quote's offset, or -1.
 */
function simpleStringEnd(text: string, contentStart: number): number {
  for (let i = contentStart; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) return i;
    if (code === 92 || code === 36 || code === 37 || code === 10 || code === 13) return -1;
  }
  return -1;
}

function simpleQuotedTemplate(p: ParserContext, start: number, close: number): TemplateExpr {
  const contentRange = p.range(start + 1, close);
  const range = { start: p.positions.position(start), end: p.positions.position(close + 1) };
  const parts: TemplatePart[] = close > start + 1 ? [{ type: 'TemplateString', value: p.text.slice(start + 1, close), range: contentRange }] : [];
  p.resetTo(close + 1);
  return { type: 'Template', kind: 'quoted', parts, contentRange, range };
}

export function parseHeredocTemplate(p: ParserContext): TemplateExpr {
  const start = p.start;
  const markerEnd = p.end;
  const marker = p.lexer.heredocMarker;
  const indented = p.lexer.heredocIndented;
  const text = p.text;
  let contentStart = markerEnd;
  const following = text.charCodeAt(markerEnd);
  if (following === 13 && text.charCodeAt(markerEnd + 1) === 10) contentStart += 2;
  else if (following === 10 || following === 13) contentStart += 1;
  else {
    p.error(`Expected a newline right after the heredoc marker '${text.slice(start, markerEnd)}'`, markerEnd, markerEnd + 1);
    contentStart = lineEndAfter(text, markerEnd);
  }
  const saved = p.newlinesSignificant;
  p.newlinesSignificant = false;
  const scanner = new TemplateScanner(p, Mode.Heredoc, contentStart, contentStart, marker);
  const parts = parseRoot(scanner);
  if (!scanner.closed) {
    p.error(`Unclosed heredoc: expected a line containing only '${marker}'`, start, markerEnd);
    scanner.contentEnd = text.length;
    scanner.closeEnd = text.length;
  }
  finalize(scanner, indented);
  p.newlinesSignificant = saved;
  p.resetTo(scanner.closeEnd);
  return {
    type: 'Template',
    kind: 'heredoc',
    heredoc: { marker, indented },
    parts,
    contentRange: p.range(contentStart, scanner.contentEnd),
    range: p.range(start, scanner.closeEnd),
  };
}

/** The whole text of the context as one template with no delimiters (JSON string content). */
export function parseStandaloneTemplate(p: ParserContext): TemplatePart[] {
  p.newlinesSignificant = false;
  const scanner = new TemplateScanner(p, Mode.Standalone, 0, 0);
  const parts = parseRoot(scanner);
  finalize(scanner);
  return parts;
}

/** Reads past a template during error recovery, leaving the lexer on the token after it. */
export function skipTemplate(p: ParserContext): void {
  if (p.token() === Tok.Quote) parseQuotedTemplate(p);
  else parseHeredocTemplate(p);
}

function parseRoot(s: TemplateScanner): TemplatePart[] {
  const parts: TemplatePart[] = [];
  for (;;) {
    const stray = parseParts(s, parts);
    if (!stray) break;
    s.p.error(`Unexpected %{ ${stray.keyword} } without a matching %{ ${stray.keyword === 'endfor' ? 'for' : 'if'} }`, stray.start, stray.end);
  }
  if (s.mutedForDepth) s.p.muted--;
  return parts;
}

/** Parts up to the end of the template (returns null) or up to else/endif/endfor. */
function parseParts(s: TemplateScanner, parts: TemplatePart[]): Terminator | null {
  for (;;) {
    const stop = scanLiteral(s, parts);
    if (stop === Stop.End) return null;
    if (stop === Stop.Interpolation) {
      parts.push(parseInterpolation(s));
      continue;
    }
    const directive = parseDirective(s);
    if (directive === null) continue;
    if ('keyword' in directive) return directive;
    parts.push(directive);
  }
}

function isLineStart(s: TemplateScanner, offset: number): boolean {
  if (offset === s.contentStart) return true;
  const previous = s.p.text.charCodeAt(offset - 1);
  return previous === 10 || previous === 13;
}

/** Reads literal text, decoding it; records a TemplateString when any text was read. */
function scanLiteral(s: TemplateScanner, parts: TemplatePart[]): Stop {
  const p = s.p;
  const text = p.text;
  const length = text.length;
  const mode = s.mode;
  const start = s.pos;
  let i = start;
  let chunkStart = i;
  let value = '';
  let lineStarts: number[] | null = null;
  let stop = Stop.End;
  if (mode === Mode.Heredoc && isLineStart(s, i)) {
    if (closesHeredoc(s, i)) return Stop.End;
    lineStarts = [0];
  }
  for (;;) {
    if (i >= length) {
      // Quoted: unclosed. Heredoc: unclosed. Standalone: the normal end.
      if (mode === Mode.Standalone) s.closed = true;
      break;
    }
    const code = text.charCodeAt(i);
    if (code === 36 /* $ */ || code === 37 /* % */) {
      const next = text.charCodeAt(i + 1);
      if (next === 123) {
        stop = code === 36 ? Stop.Interpolation : Stop.Directive;
        break;
      }
      if (next === code && text.charCodeAt(i + 2) === 123) {
        // `$${` and `%%{` stand for the literal `${` and `%{`.
        value += text.slice(chunkStart, i + 1);
        i += 3;
        chunkStart = i - 1;
        continue;
      }
      i++;
      continue;
    }
    if (mode === Mode.Quoted) {
      if (code === 34) {
        s.closed = true;
        break;
      }
      if (code === 10 || code === 13) break;
      if (code === 92) {
        value += text.slice(chunkStart, i);
        const escape = decodeEscape(text, i);
        if (escape.error) p.error(escape.error, i, i + escape.length);
        value += escape.value;
        i += escape.length;
        chunkStart = i;
        continue;
      }
      i++;
      continue;
    }
    if (mode === Mode.Heredoc && (code === 10 || code === 13)) {
      i += code === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      if (lineStarts === null) lineStarts = [];
      lineStarts.push(value.length + (i - chunkStart));
      if (closesHeredoc(s, i)) break;
      continue;
    }
    i++;
  }
  value += text.slice(chunkStart, i);
  s.pos = i;
  if (mode === Mode.Heredoc && stop !== Stop.End && i === s.contentStart) s.sequenceAtFirstLine = true;
  if (i > start) {
    const part: TemplateString = { type: 'TemplateString', value, range: p.range(start, i) };
    parts.push(part);
    const record: LiteralRecord = {
      part,
      owner: parts,
      rawStart: start,
      rawEnd: i,
      lineStarts: lineStarts ?? NO_LINE_STARTS,
      trimStart: s.stripNextAt === start,
      trimEnd: false,
    };
    s.literals.push(record);
    s.last = record;
  } else {
    s.last = null;
  }
  return stop;
}

/** At a heredoc line start: is this line `  MARKER`? If so, records where the template ends. */
function closesHeredoc(s: TemplateScanner, lineStart: number): boolean {
  const text = s.p.text;
  let i = lineStart;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  if (!text.startsWith(s.marker, i)) return false;
  const end = i + s.marker.length;
  if (end < text.length) {
    const after = text.charCodeAt(end);
    if (after !== 10 && after !== 13) return false;
  }
  s.closed = true;
  s.contentEnd = lineStart;
  s.closeEnd = end;
  s.pos = lineStart;
  return true;
}

/** `${` at s.pos: handles `~`, parses the expression and the closing `}`. */
function parseInterpolation(s: TemplateScanner): TemplatePart {
  const p = s.p;
  const start = s.pos;
  let inner = start + 2;
  const stripLeft = p.text.charCodeAt(inner) === 126;
  if (stripLeft) {
    inner++;
    markTrimBefore(s, start);
  }
  p.resetTo(inner);
  const expr: Expression = parseExpression(p);
  const close = closeSequence(s, 'interpolation');
  s.last = null;
  return { type: 'TemplateInterpolation', expr, stripLeft, stripRight: close.stripRight, range: p.range(start, close.end) };
}

function markTrimBefore(s: TemplateScanner, sequenceStart: number): void {
  if (s.last !== null && s.last.rawEnd === sequenceStart) s.last.trimEnd = true;
}

/** Expects optional `~` and `}`; recovers to the next `}` on failure. */
function closeSequence(s: TemplateScanner, what: string): { end: number; stripRight: boolean } {
  const p = s.p;
  let stripRight = false;
  if (p.token() === Tok.Tilde) {
    stripRight = true;
    p.advance();
  }
  if (p.token() === Tok.RBrace) {
    const end = p.end;
    s.pos = end;
    if (stripRight) s.stripNextAt = end;
    return { end, stripRight };
  }
  p.error(`Expected '}' to close the ${what}, found ${p.describeCurrent()}`, p.start, p.end);
  const end = recoverToClosingBrace(s, p.start);
  s.pos = end;
  return { end, stripRight };
}

/** Raw scan for the `}` ending a broken sequence, without leaving the string or heredoc line. */
function recoverToClosingBrace(s: TemplateScanner, from: number): number {
  const text = s.p.text;
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 125) return i + 1;
    if (s.mode !== Mode.Standalone && (code === 10 || code === 13)) return i;
    if (s.mode === Mode.Quoted && code === 34) return i;
  }
  return text.length;
}

/** `%{` at s.pos: an if/for directive (returned whole) or a terminator for the caller. */
function parseDirective(s: TemplateScanner): TemplateIf | TemplateFor | Terminator | null {
  const p = s.p;
  const start = s.pos;
  let inner = start + 2;
  if (p.text.charCodeAt(inner) === 126) {
    inner++;
    markTrimBefore(s, start);
  }
  s.last = null;
  p.resetTo(inner);
  if (p.isKeyword('if')) return parseIfDirective(s, start);
  if (p.isKeyword('for')) return parseForDirective(s, start);
  for (const keyword of ['else', 'endif', 'endfor'] as const) {
    if (p.isKeyword(keyword)) {
      p.advance();
      const close = closeSequence(s, `%{ ${keyword} } directive`);
      return { keyword, start, end: close.end };
    }
  }
  p.error(`Expected 'if', 'for', 'else', 'endif' or 'endfor' after '%{', found ${p.describeCurrent()}`, p.start, p.end);
  s.pos = recoverToClosingBrace(s, p.start);
  return null;
}

/** Directive nesting does not pass through parseExpression, so it has its own depth guard. */
function enterDirective(s: TemplateScanner, start: number): boolean {
  const p = s.p;
  if (p.depth < MAX_NESTING_DEPTH) {
    p.depth++;
    return true;
  }
  if (!s.mutedForDepth) {
    p.error(`Template directives are nested more than ${MAX_NESTING_DEPTH} levels deep`, start, start + 2);
    s.mutedForDepth = true;
    p.muted++;
  }
  return false;
}

function parseIfDirective(s: TemplateScanner, start: number): TemplateIf | null {
  const p = s.p;
  p.advance();
  const condition = parseExpression(p);
  const introEnd = closeSequence(s, '%{ if } directive').end;
  if (!enterDirective(s, start)) return null;
  const thenParts: TemplatePart[] = [];
  let terminator = parseParts(s, thenParts);
  let elseParts: TemplatePart[] | undefined;
  if (terminator?.keyword === 'else') {
    elseParts = [];
    terminator = parseParts(s, elseParts);
  }
  p.depth--;
  let end = s.pos;
  if (terminator?.keyword === 'endif') end = terminator.end;
  else if (terminator) {
    p.error(`Expected %{ endif } to close the %{ if }, found %{ ${terminator.keyword} }`, terminator.start, terminator.end);
    end = terminator.end;
  } else p.error('Missing %{ endif } for the %{ if } opened here', start, introEnd);
  const result: TemplateIf = { type: 'TemplateIf', condition, then: thenParts, range: p.range(start, end) };
  if (elseParts) result.else = elseParts;
  return result;
}

function parseForDirective(s: TemplateScanner, start: number): TemplateFor | null {
  const p = s.p;
  p.advance();
  let keyVar: string | undefined;
  let valueVar = '';
  let collection: Expression | undefined;
  if (p.token() === Tok.Ident) {
    valueVar = p.tokenText();
    p.advance();
    if (p.token() === Tok.Comma) {
      p.advance();
      if (p.token() === Tok.Ident) {
        keyVar = valueVar;
        valueVar = p.tokenText();
        p.advance();
      }
    }
  }
  if (valueVar !== '' && p.isKeyword('in')) {
    p.advance();
    collection = parseExpression(p);
  } else {
    p.error(`Expected '%{ for NAME in COLLECTION }', found ${p.describeCurrent()}`, p.start, p.end);
  }
  const introEnd = closeSequence(s, '%{ for } directive').end;
  if (!enterDirective(s, start)) return null;
  const body: TemplatePart[] = [];
  const terminator = parseParts(s, body);
  p.depth--;
  let end = s.pos;
  if (terminator?.keyword === 'endfor') end = terminator.end;
  else if (terminator) {
    p.error(`Expected %{ endfor } to close the %{ for }, found %{ ${terminator.keyword} }`, terminator.start, terminator.end);
    end = terminator.end;
  } else p.error('Missing %{ endfor } for the %{ for } opened here', start, introEnd);
  const result: TemplateFor = {
    type: 'TemplateFor',
    valueVar,
    collection: collection ?? p.invalid(introEnd, introEnd),
    body,
    range: p.range(start, end),
  };
  if (keyVar !== undefined) result.keyVar = keyVar;
  return result;
}

/** Applies `<<-` indentation removal, then strip markers, then drops literals left empty. */
function finalize(s: TemplateScanner, indented = false): void {
  const literals = s.literals;
  if (literals.length === 0) return;
  if (indented) {
    const views = literals.map((record) => ({
      value: record.part.value,
      lineStarts: record.lineStarts,
      reachesEnd: record.rawEnd === s.contentEnd,
    }));
    const indent = minimumIndent(views, s.sequenceAtFirstLine);
    if (indent > 0) {
      for (let i = 0; i < literals.length; i++) literals[i].part.value = stripIndent(views[i], indent);
    }
  }
  let emptied: Set<TemplatePart[]> | null = null;
  for (const record of literals) {
    let value = record.part.value;
    if (!record.trimStart && !record.trimEnd) {
      // `<<-` can empty a literal that held only indentation.
      if (value === '') (emptied ??= new Set()).add(record.owner);
      continue;
    }
    if (record.trimStart) {
      let i = 0;
      while (i < value.length && isStrippableSpace(value.charCodeAt(i))) i++;
      value = value.slice(i);
    }
    if (record.trimEnd) {
      let i = value.length;
      while (i > 0 && isStrippableSpace(value.charCodeAt(i - 1))) i--;
      value = value.slice(0, i);
    }
    record.part.value = value;
    if (value === '') (emptied ??= new Set()).add(record.owner);
  }
  if (emptied) {
    for (const owner of emptied) {
      let kept = 0;
      for (const part of owner) {
        if (part.type === 'TemplateString' && part.value === '') continue;
        owner[kept++] = part;
      }
      owner.length = kept;
    }
  }
}

function lineEndAfter(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) return i + 1;
    if (code === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return text.length;
}
