/**
 * The rule tester: every rule has fixtures under test/fixtures/rules/<rule-id>/ named
 * `fail*`, `pass*` and `undetermined*` (a file, or a folder holding a small project). Expectations
 * are written inline as comments on the reported line:
 *
 *   # expect: <rule-id> "<exact text the finding covers>"
 *   # expect-undetermined: <rule-id> "<text>"
 *   # expect-next: <rule-id> "<text>"     (for formats where a comment cannot share the line)
 *
 * The tester asserts exact ranges, and for every fix: the result re-parses, the finding is gone,
 * no other finding appears, and a second run offers nothing more to change at the same place.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryHost } from '../helpers/hosts';
import { createEngine } from '../../../src/core/engine/engine';
import type { EngineLintResult } from '../../../src/core/engine/api';
import type { Finding } from '../../../src/core/findings/types';
import { applyEdits } from '../../../src/core/edits/apply';

export const FIXTURE_ROOT = join(__dirname, '../../../../test/fixtures/rules');

export interface Expectation {
  file: string;
  line: number;
  text?: string;
  status: 'fail' | 'undetermined';
}

export interface Variant {
  name: string;
  kind: 'fail' | 'pass' | 'undetermined';
  files: Map<string, string>;
}

const MARKER = /\bexpect(-undetermined|-next)?:\s*([a-z0-9-]+)(?:\s+("(?:[^"\\]|\\.)*"))?/;

export function loadVariants(ruleId: string): Variant[] {
  const dir = join(FIXTURE_ROOT, ruleId);
  if (!existsSync(dir)) return [];
  const variants: Variant[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const kind = entry.startsWith('fail') ? 'fail' : entry.startsWith('pass') ? 'pass' : entry.startsWith('undetermined') ? 'undetermined' : undefined;
    if (!kind) continue;
    const full = join(dir, entry);
    const base = `/fixtures/${ruleId}/${entry.replace(/\.[^.]+$/, '')}`;
    const files = new Map<string, string>();
    if (statSync(full).isDirectory()) {
      const walk = (d: string, rel: string) => {
        for (const name of readdirSync(d).sort()) {
          const p = join(d, name);
          if (statSync(p).isDirectory()) walk(p, `${rel}${name}/`);
          else files.set(`${base}/${rel}${name}`, readFileSync(p, 'utf8'));
        }
      };
      walk(full, '');
    } else {
      files.set(`${base}/${entry}`, readFileSync(full, 'utf8'));
    }
    variants.push({ name: entry, kind, files });
  }
  return variants;
}

export function expectationsFor(ruleId: string, files: Map<string, string>): Expectation[] {
  const out: Expectation[] = [];
  for (const [file, text] of files) {
    text.split(/\r\n|\r|\n/).forEach((line, index) => {
      const match = MARKER.exec(line);
      if (!match || match[2] !== ruleId) return;
      out.push({
        file,
        line: match[1] === '-next' ? index + 1 : index,
        text: match[3] ? (JSON.parse(match[3]) as string) : undefined,
        status: match[1] === '-undetermined' ? 'undetermined' : 'fail',
      });
    });
  }
  return out;
}

export async function lintFiles(files: Map<string, string>, today = '2026-06-01'): Promise<EngineLintResult> {
  const engine = createEngine({ host: new MemoryHost(files), today });
  return engine.lint([...files.keys()]);
}

/** Which expectation a finding meets, checking the exact range when the marker names a text. */
export function matches(expectation: Expectation, finding: Finding, files: Map<string, string>): boolean {
  if (finding.file !== expectation.file || finding.status !== expectation.status) return false;
  if (finding.range.start.line !== expectation.line) return false;
  if (expectation.text === undefined) return true;
  const line = files.get(expectation.file)!.split(/\r\n|\r|\n/)[expectation.line];
  const column = line.indexOf(expectation.text);
  if (column < 0) throw new Error(`marker text ${JSON.stringify(expectation.text)} is not on line ${expectation.line + 1} of ${expectation.file}`);
  return (
    finding.range.start.column === column &&
    finding.range.end.line === expectation.line &&
    finding.range.end.column === column + expectation.text.length
  );
}

export function describeFinding(f: Finding): string {
  return `${f.status} ${f.ruleId} at ${f.file}:${f.range.start.line + 1}:${f.range.start.column + 1}-${f.range.end.line + 1}:${f.range.end.column + 1} (${f.resource ?? ''}) ${f.message.slice(0, 80)}`;
}

export function applyFix(files: Map<string, string>, finding: Finding): Map<string, string> {
  const next = new Map(files);
  const byFile = new Map<string, typeof finding.fix extends undefined ? never : NonNullable<Finding['fix']>['edits']>();
  for (const edit of finding.fix!.edits) {
    const list = byFile.get(edit.file) ?? [];
    list.push(edit);
    byFile.set(edit.file, list);
  }
  for (const [file, edits] of byFile) {
    const text = next.get(file);
    if (text === undefined) throw new Error(`fix edits unknown file ${file}`);
    next.set(file, applyEdits(text, edits.map((e) => ({ range: e.range, newText: e.newText }))));
  }
  return next;
}

/** Findings counted per rule and resource, to see whether a fix added any. */
export function tally(findings: Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) {
    const key = `${f.ruleId}|${f.resource ?? f.file}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
