/**
 * Fix safety as a property over real files (the rule tester checks every rule fixture the same
 * way): on a bounded, reproducible sample of corpus files where rules fire, every offered fix
 * yields text that parses as well as before, changes nothing outside its edits, removes its
 * finding, adds none, and is not offered again. A preferred fix must meet all of it; one the engine
 * cannot verify must not be preferred, and must still never break or add anything.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { applyEdits } from '../../../src/core/edits/apply';
import type { EngineLintResult } from '../../../src/core/engine/api';
import type { Finding, TextEdit } from '../../../src/core/findings/types';
import { createRandom } from '../../fuzz/random';
import { corpusRoot, lintFiles } from './support';

/** How many files (or Terraform modules) and fixes one run checks: enough variety, a few seconds. */
const MAX_WORKSPACES = 40;
const MAX_FIXES = 60;
const MAX_FIXES_PER_RULE = 6;

interface Workspace {
  files: Map<string, string>;
  /** What to lint: one file, or one .tf file standing for its module. */
  target: string;
}

function listCandidates(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const info = statSync(full);
      if (info.isDirectory()) walk(full);
      else if (/\.(tf|ya?ml|json|properties|conf|env)$/.test(name) && info.size < 48 * 1024) out.push(full);
    }
  };
  for (const family of ['terraform', 'kubernetes', 'app-config']) walk(join(root, family));
  return out;
}

/** A file alone, or a Terraform file with the rest of its module (its folder's .tf and .tfvars). */
function workspaceOf(root: string, file: string): Workspace {
  const files = new Map<string, string>();
  const name = (path: string) => `/corpus/${relative(root, path).split('\\').join('/')}`;
  if (file.endsWith('.tf')) {
    const dir = file.slice(0, Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')));
    for (const sibling of readdirSync(dir)) if (/\.(tf|tfvars)$/.test(sibling)) files.set(name(join(dir, sibling)), readFileSync(join(dir, sibling), 'utf8'));
  } else {
    files.set(name(file), readFileSync(file, 'utf8'));
  }
  return { files, target: name(file) };
}

function tally(findings: Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) {
    if (f.ruleId === 'parse-error') continue;
    const key = `${f.ruleId}|${f.file}|${f.resource ?? ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function parseProblems(result: EngineLintResult): Map<string, number> {
  return new Map(result.files.map((f) => [f.file, f.parseErrors]));
}

/** Text outside the edits is kept byte for byte: rebuild the result from the untouched pieces. */
function untouchedOutsideEdits(before: string, after: string, edits: TextEdit[]): boolean {
  const ordered = [...edits].sort((a, b) => a.range.start.offset - b.range.start.offset);
  let cursor = 0;
  let at = 0;
  for (const edit of ordered) {
    const kept = before.slice(cursor, edit.range.start.offset);
    if (after.slice(at, at + kept.length) !== kept) return false;
    at += kept.length;
    if (after.slice(at, at + edit.newText.length) !== edit.newText) return false;
    at += edit.newText.length;
    cursor = edit.range.end.offset;
  }
  return after.slice(at) === before.slice(cursor);
}

function sameEdits(a: TextEdit[], b: TextEdit[]): boolean {
  const key = (edits: TextEdit[]) => edits.map((e) => `${e.file}@${e.range.start.offset}-${e.range.end.offset}:${e.newText}`).sort().join('\n');
  return key(a) === key(b);
}

describe('robustness: fix safety on corpus files', function () {
  this.timeout(120_000);

  it('every offered fix parses, keeps the rest, removes its finding, adds none and is not offered again', async function () {
    const root = corpusRoot();
    if (!root) this.skip();
    const random = createRandom(4242);
    const candidates = listCandidates(root!);
    const perRule = new Map<string, number>();
    const problems: string[] = [];
    let workspaces = 0;
    let checked = 0;
    let preferred = 0;
    const seenModules = new Set<string>();

    while (candidates.length > 0 && workspaces < MAX_WORKSPACES && checked < MAX_FIXES) {
      const file = candidates.splice(random.int(0, candidates.length - 1), 1)[0];
      const workspace = workspaceOf(root!, file);
      const moduleKey = [...workspace.files.keys()].sort().join('|');
      if (seenModules.has(moduleKey)) continue;
      seenModules.add(moduleKey);
      const before = await lintFiles(Object.fromEntries(workspace.files), {}, [workspace.target]);
      const fixable = before.findings.filter((f) => f.fix && (perRule.get(f.ruleId) ?? 0) < MAX_FIXES_PER_RULE);
      if (fixable.length === 0) continue;
      workspaces++;
      const beforeCounts = tally(before.findings);
      const beforeParse = parseProblems(before);

      for (const finding of fixable.slice(0, 3)) {
        if (checked >= MAX_FIXES) break;
        perRule.set(finding.ruleId, (perRule.get(finding.ruleId) ?? 0) + 1);
        checked++;
        const fix = finding.fix!;
        if (fix.preferred) preferred++;
        const what = `${fix.preferred ? 'preferred' : 'optional'} fix "${fix.title}" of ${finding.ruleId} at ${finding.file}:${finding.range.start.line + 1}`;
        const after = new Map(workspace.files);
        try {
          for (const path of new Set(fix.edits.map((e) => e.file))) {
            const edits = fix.edits.filter((e) => e.file === path);
            const text = after.get(path);
            if (text === undefined) throw new Error(`edits a file outside the workspace: ${path}`);
            const changed = applyEdits(text, edits.map((e) => ({ range: e.range, newText: e.newText })));
            if (!untouchedOutsideEdits(text, changed, edits)) problems.push(`${what}: changed text outside its edits`);
            after.set(path, changed);
          }
        } catch (error) {
          problems.push(`${what}: could not be applied: ${String(error)}`);
          continue;
        }
        const result = await lintFiles(Object.fromEntries(after), {}, [workspace.target]);
        for (const [path, count] of parseProblems(result)) {
          if (count > (beforeParse.get(path) ?? 0)) problems.push(`${what}: ${path} no longer parses as well (${beforeParse.get(path) ?? 0} → ${count} problems)`);
        }
        const afterCounts = tally(result.findings);
        const key = `${finding.ruleId}|${finding.file}|${finding.resource ?? ''}`;
        const removed = (afterCounts.get(key) ?? 0) < (beforeCounts.get(key) ?? 0);
        const added = [...afterCounts].filter(([k, n]) => n > (beforeCounts.get(k) ?? 0)).map(([k]) => k);
        if (added.length > 0) problems.push(`${what}: adds findings ${added.join(', ')}`);
        if (fix.preferred && !removed) problems.push(`${what}: the finding stays (a preferred fix must remove it)`);
        if (result.findings.some((f) => f.fix && sameEdits(f.fix.edits, fix.edits))) problems.push(`${what}: offered again after it was applied`);
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(checked >= 20, `only ${checked} fixes found in ${workspaces} corpus workspaces`);
    assert.ok(preferred >= 5, `only ${preferred} preferred fixes were checked`);
  });
});
