/**
 * What must hold after any input, however broken: ranges inside the text and consistent with it,
 * no sign of a caught crash in the reported problems, and from the engine one plain
 * "could not parse" finding (`parse-error`) per broken file, with a location.
 */
import { LineIndex } from '../../src/core/text/position';
import { decodeText } from '../../src/core/text/decode';
import type { EngineLintResult } from '../../src/core/engine/api';
import type { ParseView } from './targets';

/** Messages that only appear when a JavaScript error was caught and turned into a problem. */
const CRASH_SIGNS = /\b(TypeError|ReferenceError|SyntaxError: Unexpected|Cannot read propert|is not a function|is not iterable|Invalid array length|Invalid string length|undefined is not|Internal parser error|out of memory)\b/i;
/** A caught stack overflow: handled, but counted, and only acceptable for very deep input. */
export const STACK_EXHAUSTION = /Maximum call stack size exceeded/;

/** Kinds the engine parses (others are classified and left alone); Helm templates excepted, since their unrendered YAML is not expected to parse. */
const PARSED_KINDS = new Set(['terraform', 'terraform-json', 'tfvars', 'tfvars-json', 'kubernetes', 'compose', 'spring-config', 'hapi-fhir-config', 'aspnet-config', 'orthanc-config', 'dotenv', 'properties']);

/** Stops walking huge trees after this many objects: the rest is the same shape again. */
const MAX_OBJECTS = 400_000;

interface PositionLike {
  offset: number;
  line: number;
  column: number;
}

function isPosition(value: unknown): value is PositionLike {
  const p = value as PositionLike;
  return !!p && typeof p === 'object' && typeof p.offset === 'number' && typeof p.line === 'number' && typeof p.column === 'number';
}

/** Problems with one range, or undefined when it is fine. */
export function rangeProblem(range: unknown, index: LineIndex): string | undefined {
  const r = range as { start?: unknown; end?: unknown };
  if (!isPosition(r?.start) || !isPosition(r?.end)) return `not a range: ${JSON.stringify(range)?.slice(0, 120)}`;
  const { start, end } = r;
  const length = index.text.length;
  if (!(start.offset >= 0 && start.offset <= end.offset && end.offset <= length)) return `offsets ${start.offset}..${end.offset} outside 0..${length}`;
  for (const p of [start, end]) {
    const expected = index.position(p.offset);
    if (expected.line !== p.line || expected.column !== p.column) {
      return `offset ${p.offset} is at ${expected.line}:${expected.column}, range says ${p.line}:${p.column}`;
    }
  }
  return undefined;
}

/** Every range-shaped object reachable from `tree` (shared nodes visited once). */
export function collectRanges(tree: unknown): unknown[] {
  const ranges: unknown[] = [];
  const seen = new Set<object>();
  const stack: unknown[] = [tree];
  while (stack.length > 0 && seen.size < MAX_OBJECTS) {
    const value = stack.pop();
    if (!value || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    const record = value as Record<string, unknown>;
    if (isPosition(record.start) && isPosition(record.end)) {
      ranges.push(value);
      continue;
    }
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === 'object') stack.push(item);
      continue;
    }
    for (const key in record) {
      const child = record[key];
      if (child && typeof child === 'object') stack.push(child);
    }
  }
  return ranges;
}

export function crashSign(message: string): boolean {
  return CRASH_SIGNS.test(message);
}

/** Everything wrong with a parser's answer. */
export function checkParse(result: ParseView): string[] {
  const problems: string[] = [];
  const index = new LineIndex(result.text);
  for (const error of result.errors) {
    if (crashSign(error.message)) problems.push(`a crash was caught and reported: ${error.message.slice(0, 200)}`);
  }
  let bad = 0;
  for (const range of collectRanges(result.tree)) {
    const problem = rangeProblem(range, index);
    if (problem && bad++ < 3) problems.push(`bad range: ${problem}`);
  }
  return problems;
}

export interface EngineExpectation {
  /** The file is malformed whatever else happens to it: a parse error must be reported. */
  broken: boolean;
}

/** Everything wrong with the engine's answer for a one-file workspace. */
export function checkEngine(result: EngineLintResult, path: string, content: Uint8Array | string, expect: EngineExpectation): string[] {
  const problems: string[] = [];
  for (const e of result.internalErrors) problems.push(`internal error in ${e.ruleId} on ${e.file}: ${e.message.slice(0, 200)}`);
  const text = decodeText(content).text;
  const index = new LineIndex(text);
  for (const finding of result.findings) {
    if (finding.file !== path) {
      problems.push(`finding for a file that is not in the workspace: ${finding.file}`);
      continue;
    }
    if (crashSign(finding.message)) problems.push(`finding reports a crash: ${finding.message.slice(0, 200)}`);
    const problem = rangeProblem(finding.range, index);
    if (problem) problems.push(`${finding.ruleId} has a bad range: ${problem}`);
    for (const fixEdit of finding.fix?.edits ?? []) {
      const editProblem = rangeProblem(fixEdit.range, index);
      if (editProblem) problems.push(`fix of ${finding.ruleId} has a bad edit range: ${editProblem}`);
    }
  }
  const report = result.files.find((f) => f.file === path);
  const parseErrors = result.findings.filter((f) => f.ruleId === 'parse-error');
  const skipped = result.findings.filter((f) => f.ruleId === 'file-skipped');
  if (report && !report.skipped) {
    if (report.parseErrors > 0 && parseErrors.length !== 1) problems.push(`${report.parseErrors} parse problems gave ${parseErrors.length} parse-error findings, not 1`);
    if (report.parseErrors === 0 && parseErrors.length > 0) problems.push('a parse-error finding for a file without parse problems');
  }
  if (skipped.length > 1) problems.push(`${skipped.length} file-skipped findings for one file`);
  if (expect.broken && parseErrors.length === 0 && report && !report.skipped && PARSED_KINDS.has(report.kind)) {
    problems.push(`broken ${report.kind} file gave no parse-error finding`);
  }
  return problems;
}
