/** Evaluates the applicable rules on each subject and turns outcomes into findings. */
import type { EngineConfig } from '../config/types';
import type { Finding, PassRecord, RelatedLocation, Severity } from '../findings/types';
import type { Rule } from '../rules/rule';
import { evaluateCondition, type EvalContext, type Evidence } from '../rules/evaluate';
import type { Subject } from '../subjects/types';
import { hashText } from '../util/hash';
import { buildFix } from '../fixes/build-fix';

export interface RuleRunOutput {
  findings: Finding[];
  passes: PassRecord[];
  internalErrors: Array<{ ruleId: string; file: string; message: string }>;
}

const RAISE: Record<Severity, Severity> = { info: 'warning', warning: 'error', error: 'error' };

/** Lower-cased classification tag names and values, per configuration (asked once per finding). */
const classificationSets = new WeakMap<EngineConfig['dataClassification'], { from: [string[], string[]]; names: Set<string>; values: Set<string> }>();

export function holdsHealthData(subject: Subject, config: EngineConfig): boolean {
  const { tagNames, healthValues } = config.dataClassification;
  let sets = classificationSets.get(config.dataClassification);
  // Settings may replace the lists of an existing config object; then the sets are rebuilt.
  if (!sets || sets.from[0] !== tagNames || sets.from[1] !== healthValues) {
    sets = {
      from: [tagNames, healthValues],
      names: new Set(config.dataClassification.tagNames.map((n) => n.toLowerCase())),
      values: new Set(config.dataClassification.healthValues.map((v) => v.toLowerCase())),
    };
    classificationSets.set(config.dataClassification, sets);
  }
  const { names, values } = sets;
  return Object.entries(subject.tags).some(([k, v]) => names.has(k.toLowerCase()) && values.has(v.toLowerCase()));
}

export function effectiveSeverity(rule: Rule, subject: Subject, config: EngineConfig): Severity {
  const base = config.rules[rule.meta.id]?.severity ?? rule.meta.severity;
  return rule.meta.healthData && holdsHealthData(subject, config) ? RAISE[base] : base;
}

export function ruleEnabled(rule: Rule, config: EngineConfig): boolean {
  return config.rules[rule.meta.id]?.enabled !== false;
}

function fill(template: string, subject: Subject, evidence: Evidence): string {
  return template
    .replace(/\{resource\}/g, subject.name)
    .replace(/\{value\}/g, evidence.valueText ?? '')
    .replace(/\{type\}/g, subject.type);
}

export function composeMessage(rule: Rule, subject: Subject, evidence: Evidence): string {
  const m = rule.meta.message;
  if (evidence.outcome === 'undetermined') {
    return `Undetermined: ${rule.meta.title} (${subject.name}). ${evidence.reason ?? 'The value is not known before deployment'}. ${fill(m.fix, subject, evidence)}`;
  }
  return `${fill(m.what, subject, evidence)} ${fill(m.why, subject, evidence)} ${fill(m.fix, subject, evidence)}`;
}

function relatedFrom(evidence: Evidence, file: string): RelatedLocation[] {
  const out: RelatedLocation[] = [];
  for (const origin of evidence.origins) {
    if (origin.file === file && evidence.range && origin.range.start.offset === evidence.range.start.offset) continue;
    out.push({ file: origin.file, range: origin.range, message: `Value comes from ${origin.description}` });
  }
  return out;
}

export function subjectMatches(rule: Rule, subject: Subject): boolean {
  if ((subject.scope ?? 'object') !== rule.select.scope) return false;
  const types = rule.select.types;
  // `*` stands for every managed resource, not data sources (`data.x`) or providers (`provider.x`).
  const wildcard = types.includes('*') && !subject.type.includes('.');
  return wildcard || types.includes(subject.type) || (subject.aliases ?? []).some((a) => types.includes(a));
}

/**
 * Fixes are built for this many findings of one rule in one file; later ones are reported without.
 * Building a fix can look at every place a key is set, so in a generated file with thousands of
 * findings of one rule, a fix for each made linting quadratic (16,000 listeners: 20 s).
 */
export const MAX_FIXES_PER_RULE_AND_FILE = 100;

/** Counts the fixes built per rule and file; true while the budget is not used up. */
function withinFixBudget(fixCounts: Map<string, number>, key: string): boolean {
  const used = fixCounts.get(key) ?? 0;
  fixCounts.set(key, used + 1);
  return used < MAX_FIXES_PER_RULE_AND_FILE;
}

export function runRules(rules: Rule[], subjects: Subject[], makeContext: (subject: Subject) => EvalContext, config: EngineConfig): RuleRunOutput {
  const out: RuleRunOutput = { findings: [], passes: [], internalErrors: [] };
  const seen = new Set<string>();
  const fixCounts = new Map<string, number>();
  for (const rule of rules) {
    if (!ruleEnabled(rule, config)) continue;
    for (const subject of subjects) {
      if (!subjectMatches(rule, subject)) continue;
      let evidence: Evidence;
      try {
        const ctx = makeContext(subject);
        if (rule.select.when && evaluateCondition(rule.select.when, subject, ctx).outcome !== 'pass') continue;
        evidence = evaluateCondition(rule.condition, subject, ctx);
      } catch (error) {
        const key = `${rule.meta.id}|${subject.file}`;
        if (!seen.has(key)) {
          seen.add(key);
          out.internalErrors.push({ ruleId: rule.meta.id, file: subject.file, message: error instanceof Error ? error.message : String(error) });
        }
        continue;
      }
      if (evidence.outcome === 'pass') {
        out.passes.push({ ruleId: rule.meta.id, file: subject.file, resource: subject.name });
        continue;
      }
      for (const one of evidence.outcome === 'fail' ? [evidence, ...(evidence.others ?? [])] : [evidence]) {
        const finding = toFinding(rule, subject, one, config, seen, makeContext, out, fixCounts);
        if (finding) out.findings.push(finding);
      }
    }
  }
  return out;
}

function toFinding(
  rule: Rule,
  subject: Subject,
  evidence: Evidence,
  config: EngineConfig,
  seen: Set<string>,
  makeContext: (subject: Subject) => EvalContext,
  out: RuleRunOutput,
  fixCounts: Map<string, number>,
): Finding | undefined {
  const range = evidence.range ?? subject.headerRange;
  // A failing value may live in a related resource written in another file of the module.
  const scopeFile = (evidence.scope as { file?: unknown } | undefined)?.file;
  const file = typeof scopeFile === 'string' ? scopeFile : subject.file;
  const what = evidence.lookup?.state === 'absent' ? `missing:${evidence.lookup.path.join('.')}` : evidence.valueText ?? '';
  const dedupe = `${rule.meta.id}|${file}|${range.start.offset}|${range.end.offset}|${evidence.outcome}`;
  if (seen.has(dedupe)) return undefined;
  seen.add(dedupe);
  const finding: Finding = {
    ruleId: rule.meta.id,
    severity: evidence.outcome === 'undetermined' ? 'info' : effectiveSeverity(rule, subject, config),
    status: evidence.outcome === 'undetermined' ? 'undetermined' : 'fail',
    message: composeMessage(rule, subject, evidence),
    file,
    range,
    resource: subject.name.replace(/\[.*\]$/, ''),
    controls: rule.meta.controls,
    related: relatedFrom(evidence, file),
    reason: evidence.outcome === 'undetermined' ? evidence.reason : undefined,
    fingerprint: hashText(`${rule.meta.id}|${subject.file}|${subject.name}|${what}`),
  };
  if (evidence.outcome === 'fail' && rule.fix && withinFixBudget(fixCounts, `${rule.meta.id}|${file}`)) {
    try {
      const ctx = makeContext(subject);
      finding.fix = buildFix(rule.fix, subject, evidence, (types, via) => ctx.related(subject, types, via));
    } catch (error) {
      out.internalErrors.push({ ruleId: rule.meta.id, file: subject.file, message: `fix: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return finding;
}
