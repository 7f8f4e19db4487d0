/** Evaluates the applicable rules on each subject and turns outcomes into findings. */
import type { EngineConfig } from '../config/types';
import type { Finding, Fix, PassRecord, RelatedLocation, Severity } from '../findings/types';
import type { Rule } from '../rules/rule';
import { evaluateCondition, type EvalContext, type Evidence } from '../rules/evaluate';
import type { Subject } from '../subjects/types';
import { hashText } from '../util/hash';
import { buildFix } from '../fixes/build-fix';
import { findingWithLazyFix } from './lazy-fix';
import { RuleReportLedger } from './rule-report-ledger';
import { copyFinding, FindingRecord, plainConstructor } from '../util/lint-lived';

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

/** Whether the configuration turns any rule off (most turn none off, and then no rule needs asking). */
function turnsRulesOff(config: EngineConfig): boolean {
  for (const id in config.rules) if (config.rules[id]?.enabled === false) return true;
  return false;
}

type TemplatePart = { text: string } | { slot: 'resource' | 'value' | 'type' };
const PLACEHOLDER = /\{(resource|value|type)\}/g;

/** Message templates split once at their placeholders: filling one is then a join, not three regex passes. */
const templates = new Map<string, TemplatePart[]>();

function templateParts(template: string): TemplatePart[] {
  let parts = templates.get(template);
  if (!parts) {
    parts = [];
    let last = 0;
    for (const match of template.matchAll(PLACEHOLDER)) {
      if (match.index! > last) parts.push({ text: template.slice(last, match.index) });
      parts.push({ slot: match[1] as 'resource' | 'value' | 'type' });
      last = match.index! + match[0].length;
    }
    if (last < template.length) parts.push({ text: template.slice(last) });
    templates.set(template, parts);
  }
  return parts;
}

function fill(template: string, subject: Subject, evidence: Evidence): string {
  let out = '';
  for (const part of templateParts(template)) {
    if ('text' in part) out += part.text;
    else out += part.slot === 'resource' ? subject.name : part.slot === 'type' ? subject.type : evidence.valueText ?? '';
  }
  return out;
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
 * Fixes are offered for this many findings of one rule in one file; later ones are reported without.
 * Building a fix can look at every place a key is set, so in a generated file with thousands of
 * findings of one rule, a fix for each made linting quadratic (16,000 listeners: 20 s).
 */
export const MAX_FIXES_PER_RULE_AND_FILE = 100;

/** One finding as a rule reported it on one subject, before duplicates and the fix budget are applied. */
export interface FindingDraft {
  /** The finding without its fix; positions are those of the text being linted. */
  finding: Finding;
  /** Whether the finding may carry a fix (a failure of a rule that has one). */
  fixable: boolean;
  /** Builds the fix of `finding` (this draft's) from its parse; called only when `finding.fix` is read. */
  buildFix: (finding: Finding) => Fix | undefined;
}

const DraftObject = plainConstructor(function (this: FindingDraft, finding: Finding, fixable: boolean, buildFix: (finding: Finding) => Fix | undefined) {
  this.finding = finding;
  this.fixable = fixable;
  this.buildFix = buildFix;
});

/** A draft (see lint-lived.ts: kept between lints, so made by a constructor). */
export function newDraft(finding: Finding, fixable: boolean, buildFix: (finding: Finding) => Fix | undefined): FindingDraft {
  return new DraftObject(finding, fixable, buildFix);
}

/** What one rule concluded about one subject. */
export type SubjectOutcome =
  | { kind: 'not-selected' }
  | { kind: 'error'; message: string }
  /** `record` is kept once made: a pass is reported with the same record while it is reused. */
  | { kind: 'pass'; record?: PassRecord }
  | { kind: 'findings'; drafts: FindingDraft[] };

const PassOutcome = plainConstructor(function (this: { kind: 'pass'; record?: PassRecord }) {
  this.kind = 'pass';
  this.record = undefined;
});
const FindingsOutcome = plainConstructor(function (this: { kind: 'findings'; drafts: FindingDraft[] }, drafts: FindingDraft[]) {
  this.kind = 'findings';
  this.drafts = drafts;
});

/** Outcomes are kept between lints (see lint-lived.ts). */
export function passOutcome(): SubjectOutcome {
  return new PassOutcome();
}

export function findingsOutcome(drafts: FindingDraft[]): SubjectOutcome {
  return new FindingsOutcome(drafts);
}

/**
 * Lets a caller reuse what a rule concluded about an unchanged subject on an earlier lint (see
 * `incremental-terraform.ts`, `incremental-kubernetes.ts`). `reuse` answers only when the outcome
 * is certainly still right; `record` sees every outcome of the lint, reused or not.
 */
export interface OutcomeMemo {
  reuse(rule: Rule, subject: Subject, makeContext: (subject: Subject) => EvalContext): SubjectOutcome | undefined;
  record(rule: Rule, subject: Subject, outcome: SubjectOutcome): void;
}

/** Evaluates one rule on one subject. Never throws: a rule that fails becomes an `error` outcome. */
export function evaluateRule(rule: Rule, subject: Subject, makeContext: (subject: Subject) => EvalContext, config: EngineConfig): SubjectOutcome {
  let evidence: Evidence;
  let ctx: EvalContext;
  try {
    ctx = makeContext(subject);
    if (rule.select.when && evaluateCondition(rule.select.when, subject, ctx).outcome !== 'pass') return { kind: 'not-selected' };
    evidence = evaluateCondition(rule.condition, subject, ctx);
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (evidence.outcome === 'pass') return passOutcome();
  const all = evidence.outcome === 'fail' && evidence.others?.length ? [evidence, ...evidence.others] : [evidence];
  const context = ctx;
  return findingsOutcome(all.map((one) => draftOf(rule, subject, one, config, context)));
}

function draftOf(rule: Rule, subject: Subject, evidence: Evidence, config: EngineConfig, ctx: EvalContext): FindingDraft {
  const range = evidence.range ?? subject.headerRange;
  // A failing value may live in a related resource written in another file of the module.
  const scopeFile = (evidence.scope as { file?: unknown } | undefined)?.file;
  const file = typeof scopeFile === 'string' ? scopeFile : subject.file;
  const what = evidence.lookup?.state === 'absent' ? `missing:${evidence.lookup.path.join('.')}` : evidence.valueText ?? '';
  const undetermined = evidence.outcome === 'undetermined';
  const finding = new FindingRecord(
    rule.meta.id,
    undetermined ? 'info' : effectiveSeverity(rule, subject, config),
    undetermined ? 'undetermined' : 'fail',
    composeMessage(rule, subject, evidence),
    file,
    range,
    subject.name.replace(/\[.*\]$/, ''),
    rule.meta.controls,
    relatedFrom(evidence, file),
    undetermined ? evidence.reason : undefined,
    hashText(`${rule.meta.id}|${subject.file}|${subject.name}|${what}`),
  );
  const spec = rule.fix;
  // The closure keeps this lint's subject and evidence, so a fix read later never sees a newer text.
  const build = () => (spec ? buildFix(spec, subject, evidence, (types, via) => ctx.related(subject, types, via)) : undefined);
  return newDraft(finding, evidence.outcome === 'fail' && spec !== undefined, build);
}

/**
 * The subjects a rule may select, in their original order: a module has hundreds of resource
 * types and each rule names a few, so asking every rule about every subject was most of a lint
 * whose outcomes were reused. `subjectMatches` still has the last word.
 */
function subjectIndex(subjects: Subject[]): (rule: Rule) => readonly Subject[] {
  const byName = new Map<string, number[]>();
  const managed: number[] = [];
  subjects.forEach((subject, i) => {
    for (const name of [subject.type, ...(subject.aliases ?? [])]) {
      const list = byName.get(name);
      if (list) {
        if (list[list.length - 1] !== i) list.push(i);
      } else byName.set(name, [i]);
    }
    if (!subject.type.includes('.')) managed.push(i);
  });
  // Asked once per rule and file: the common answer (one type present) is made once and shared.
  const single = new Map<number[], Subject[]>();
  return (rule) => {
    let only: number[] | undefined;
    let several = false;
    for (const type of rule.select.types) {
      const list = type === '*' ? managed : byName.get(type);
      if (!list || list.length === 0 || list === only) continue;
      if (only === undefined) only = list;
      else several = true;
    }
    if (only === undefined) return NO_SUBJECTS;
    if (!several) {
      let found = single.get(only);
      if (!found) single.set(only, (found = only.map((i) => subjects[i])));
      return found;
    }
    // Merged without a Set: its iterator objects, on every lint, were a share of a keystroke's garbage.
    const indices: number[] = [];
    for (const type of rule.select.types) {
      const list = type === '*' ? managed : byName.get(type);
      if (list) for (const i of list) indices.push(i);
    }
    indices.sort((a, b) => a - b);
    const merged: Subject[] = [];
    for (let k = 0; k < indices.length; k++) if (k === 0 || indices[k] !== indices[k - 1]) merged.push(subjects[indices[k]]);
    return merged;
  };
}

const NO_SUBJECTS: readonly Subject[] = [];

/**
 * The finding with its fix built now; a fix writer that fails is reported, as any rule failure is.
 * Only for a lint without a memo, which keeps no draft: the draft's finding is handed out itself.
 */
function withEagerFix(rule: Rule, subject: Subject, draft: FindingDraft, out: RuleRunOutput): Finding {
  const finding = draft.finding;
  try {
    const fix = draft.buildFix(finding);
    if (fix) finding.fix = fix;
  } catch (error) {
    out.internalErrors.push({ ruleId: rule.meta.id, file: subject.file, message: `fix: ${error instanceof Error ? error.message : String(error)}` });
  }
  return finding;
}

/**
 * With a `memo` (the editor re-linting a file as it is typed in), fixes are built when read (see
 * `lazy-fix.ts`): a keystroke's lint builds none. Without one (a scan of a workspace), they are
 * built here, as each file is linted: a fix built later keeps its module's parse alive, and for
 * 10,000 files that doubled the scan's memory and made it slower, not faster.
 */
export function runRules(
  rules: Rule[],
  subjects: Subject[],
  makeContext: (subject: Subject) => EvalContext,
  config: EngineConfig,
  memo?: OutcomeMemo,
  buildFixes = true,
): RuleRunOutput {
  const out: RuleRunOutput = { findings: [], passes: [], internalErrors: [] };
  const seen = new Set<string>();
  const ledger = new RuleReportLedger();
  const candidates = subjectIndex(subjects);
  const checkEnabled = turnsRulesOff(config);
  for (const rule of rules) {
    if (checkEnabled && !ruleEnabled(rule, config)) continue;
    ledger.startRule();
    for (const subject of candidates(rule)) {
      if (!subjectMatches(rule, subject)) continue;
      const outcome = memo?.reuse(rule, subject, makeContext) ?? evaluateRule(rule, subject, makeContext, config);
      memo?.record(rule, subject, outcome);
      switch (outcome.kind) {
        case 'not-selected':
          break;
        case 'error': {
          const key = `${rule.meta.id}|${subject.file}`;
          if (!seen.has(key)) {
            seen.add(key);
            out.internalErrors.push({ ruleId: rule.meta.id, file: subject.file, message: outcome.message });
          }
          break;
        }
        case 'pass':
          outcome.record ??= { ruleId: rule.meta.id, file: subject.file, resource: subject.name };
          out.passes.push(outcome.record);
          break;
        case 'findings':
          for (const draft of outcome.drafts) {
            if (!ledger.firstReport(draft.finding)) continue;
            // Drafts may be kept by the memo: each lint then hands out its own finding object.
            // Without one (a workspace scan) nothing keeps them, and copying each finding was garbage.
            const withFix = buildFixes && draft.fixable && ledger.takeFix(draft.finding.file, MAX_FIXES_PER_RULE_AND_FILE);
            if (!memo) out.findings.push(withFix ? withEagerFix(rule, subject, draft, out) : draft.finding);
            else out.findings.push(withFix ? findingWithLazyFix(draft.finding, draft.buildFix) : copyFinding(draft.finding));
          }
      }
    }
  }
  return out;
}
