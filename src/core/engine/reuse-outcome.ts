/**
 * Carries a rule's outcome on an unchanged subject over to the next lint: its findings move with
 * the text around them, and a fix, when asked for, is built from the new parse (the old one would
 * carry old offsets), by evaluating that one rule on that one subject again.
 */
import type { EngineConfig } from '../config/types';
import type { Finding, Fix, RelatedLocation } from '../findings/types';
import type { Range } from '../text/position';
import type { Rule } from '../rules/rule';
import type { EvalContext } from '../rules/evaluate';
import type { Subject } from '../subjects/types';
import { evaluateRule, findingsOutcome, newDraft, type SubjectOutcome } from './run-rules';
import { copyFinding } from '../util/lint-lived';

/** Maps a range of the previous lint's text of `file` into the current text; undefined when it cannot. */
export type RangeMapper = (file: string, range: Range) => Range | undefined;

function sameRange(a: Range, b: Range): boolean {
  return a.start.offset === b.start.offset && a.end.offset === b.end.offset;
}

function freshFix(rule: Rule, subject: Subject, makeContext: (s: Subject) => EvalContext, config: EngineConfig, finding: Finding): Fix | undefined {
  const fresh = evaluateRule(rule, subject, makeContext, config);
  if (fresh.kind !== 'findings') return undefined;
  const twin = fresh.drafts.find((d) => sameRange(d.finding.range, finding.range) && d.finding.message === finding.message && d.finding.file === finding.file);
  return twin?.buildFix(twin.finding);
}

/**
 * A generation's outcomes by subject key: the rules that saw the subject, each followed by its
 * outcome (a short list scanned in order is smaller and faster than a map per subject).
 */
export type OutcomesByKey = Map<string, Array<Rule | SubjectOutcome>>;

/** Stands for "not reusable": two subjects shared a key (a duplicated address or name). */
const AMBIGUOUS: SubjectOutcome = { kind: 'findings', drafts: [] };

/** The outcome recorded for `rule` under `key`, unless there is none or it is ambiguous. */
function recordedOutcome(outcomes: OutcomesByKey, key: string, rule: Rule): SubjectOutcome | undefined {
  const list = outcomes.get(key);
  if (!list) return undefined;
  for (let i = 0; i < list.length; i += 2) if (list[i] === rule) return list[i + 1] === AMBIGUOUS ? undefined : (list[i + 1] as SubjectOutcome);
  return undefined;
}

/** Records `rule`'s outcome under `key`; a second outcome under the same key makes both unusable. */
export function recordOutcome(outcomes: OutcomesByKey, key: string, rule: Rule, outcome: SubjectOutcome): void {
  const list = outcomes.get(key);
  if (!list) {
    outcomes.set(key, Array.of<Rule | SubjectOutcome>(rule, outcome));
    return;
  }
  const at = list.indexOf(rule);
  if (at >= 0) list[at + 1] = AMBIGUOUS;
  else list.push(rule, outcome);
}

/**
 * What `rule` concluded about the subject with `key` in the previous lint (`previous`), with every
 * position moved into the current text; undefined when there is no such outcome or one of its
 * positions cannot move.
 */
export function reuseRecorded(
  previous: OutcomesByKey,
  key: string | undefined,
  map: RangeMapper,
  rule: Rule,
  subject: Subject,
  makeContext: (s: Subject) => EvalContext,
  config: EngineConfig,
): SubjectOutcome | undefined {
  const outcome = key === undefined ? undefined : recordedOutcome(previous, key, rule);
  if (!outcome || outcome.kind !== 'findings') return outcome;
  const refix = (finding: Finding) => freshFix(rule, subject, makeContext, config, finding);
  let unmovable = false;
  // `map` sizes the list once (most outcomes hold one finding) and keeps no allocation record.
  const drafts = outcome.drafts.map((draft) => {
    const old = draft.finding;
    const range = unmovable ? undefined : map(old.file, old.range);
    if (!range) {
      unmovable = true;
      return draft;
    }
    let related: RelatedLocation[] = old.related;
    if (related.length) {
      related = [];
      for (const r of old.related) {
        const moved = map(r.file, r.range);
        if (!moved) {
          unmovable = true;
          return draft;
        }
        related.push(moved === r.range ? r : { ...r, range: moved });
      }
    }
    // A draft's finding never carries `fix` (built lazily on the copy handed out) nor `waiver`
    // (set on copies), so the field-by-field copy misses nothing.
    const finding: Finding = range === old.range && related === old.related ? old : copyFinding(old, range, related);
    return newDraft(finding, draft.fixable, refix);
  });
  if (unmovable) return undefined;
  return findingsOutcome(drafts);
}
