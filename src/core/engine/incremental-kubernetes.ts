/**
 * Incremental re-evaluation of a Kubernetes file linted again after an edit. A rule's outcome on a
 * subject (an object, its pod spec or a container) is reused only when:
 * - the file has as many YAML documents as before and the edit lies inside one of them, so every
 *   other document, and what separates them, is the same text as before;
 * - the subject's document is not the edited one;
 * - the rule reads nothing but its subject's own document: no named predicate, unless it is one
 *   checked to read only the object it is given (`CHECKED_PREDICATES`), or that and companion
 *   objects of the kinds listed there; for those, the edited document holds no object of these
 *   kinds before nor after the edit, and the other files of the manifest set are the very ones
 *   read before (the loader keeps a file's parse while its text stays the same);
 * - every position of its findings lies outside the edited span (they are moved with the text).
 */
import type { Range } from '../text/position';
import type { TreeFile } from '../documents/tree';
import type { EngineConfig } from '../config/types';
import type { Rule } from '../rules/rule';
import type { EvalContext } from '../rules/evaluate';
import type { Subject } from '../subjects/types';
import { KubernetesSubject } from '../subjects/kubernetes-subjects';
import type { OutcomeMemo, SubjectOutcome } from './run-rules';
import { ruleReads } from './rule-dependencies';
import { recordOutcome, reuseRecorded, type OutcomesByKey } from './reuse-outcome';
import { shiftRange, textShift, type TextShift } from './text-shift';
import type { K8sObject } from '../kubernetes/objects';
import { manifestContextOf, type ManifestContext } from '../kubernetes/manifest-set';

interface Generation {
  file: string;
  tree: TreeFile;
  rules: readonly Rule[];
  config: EngineConfig;
  objects: readonly K8sObject[];
  /**
   * The manifest set as the lint saw it. Taken at `begin`: an unchanged file keeps its parsed
   * tree, to which the next lint attaches the next set.
   */
  context: ManifestContext | undefined;
  /** By subject key (document, scope, name). */
  outcomes: OutcomesByKey;
}

interface Change {
  /** Undefined when the text is the same as before. */
  shift: TextShift | undefined;
  /** The document the edit lies in. */
  edited: number;
  mapRange: (file: string, range: Range) => Range | undefined;
  /** Kinds of the objects in the edited document, before and after the edit. */
  editedKinds: ReadonlySet<string>;
  /** The other files of the manifest set (and what could not be read of it) are those of the previous lint. */
  sameSet: boolean;
}


function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function inside(start: number, end: number, range: Range): boolean {
  return start >= range.start.offset && end <= range.end.offset;
}

function sameContext(a: ManifestContext | undefined, b: ManifestContext | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.incomplete === b.incomplete &&
    a.patch?.kustomization === b.patch?.kustomization &&
    a.patch?.json6902 === b.patch?.json6902 &&
    sameList(a.others, b.others)
  );
}

function kindsIn(objects: readonly K8sObject[], document: number, into: Set<string>): void {
  for (const object of objects) if (object.documentIndex === document) into.add(object.kind);
}

function analyse(previous: Generation, current: Generation): Change | undefined {
  const before = previous.tree;
  const now = current.tree;
  if (previous.file !== current.file || before.syntax !== now.syntax || before.documents.length !== now.documents.length) return undefined;
  const sameSet = sameContext(previous.context, current.context);
  const shift = textShift(before.text, now.text);
  if (!shift) return { shift, edited: -1, mapRange: (file, range) => (file === current.file ? range : undefined), editedKinds: new Set(), sameSet };
  const edited = before.documents.findIndex((d) => inside(shift.start, shift.oldEnd, d.range));
  if (edited < 0 || !inside(shift.start, shift.newEnd, now.documents[edited].range)) return undefined;
  const editedKinds = new Set<string>();
  kindsIn(previous.objects, edited, editedKinds);
  kindsIn(current.objects, edited, editedKinds);
  const moved = new Map<Range, Range | undefined>();
  const mapRange = (file: string, range: Range): Range | undefined => {
    if (file !== current.file) return undefined;
    if (moved.has(range)) return moved.get(range);
    const result = shiftRange(shift, range);
    moved.set(range, result);
    return result;
  };
  return { shift, edited, mapRange, editedKinds, sameSet };
}

/** Whether the companions a rule reads (by kind) are those it read on the previous lint. */
function companionsKept(kinds: ReadonlySet<string>, change: Change): boolean {
  if (kinds.size === 0) return true;
  if (!change.sameSet) return false;
  for (const kind of kinds) if (change.editedKinds.has(kind)) return false;
  return true;
}

export class KubernetesMemo implements OutcomeMemo {
  private previous?: Generation;
  private current?: Generation;
  private change?: Change;
  /** Of the last lint: outcomes reused from the one before, and all outcomes (tests, benchmarks). */
  readonly stats = { reused: 0, total: 0 };

  /** `objects`: those of `tree` (see `kubernetesObjects`), whose kinds companion lookups go by. */
  begin(file: string, tree: TreeFile, rules: readonly Rule[], config: EngineConfig, objects: readonly K8sObject[]): void {
    const current: Generation = { file, tree, rules, config, objects, context: manifestContextOf(tree), outcomes: new Map() };
    const previous = this.previous;
    this.current = current;
    this.stats.reused = 0;
    this.stats.total = 0;
    this.change = previous && previous.config === config && sameList(previous.rules, rules) ? analyse(previous, current) : undefined;
  }

  finish(): void {
    this.previous = this.current;
    this.current = undefined;
    this.change = undefined;
  }

  private key(subject: Subject): string | undefined {
    return subject instanceof KubernetesSubject ? subject.memoKey : undefined;
  }

  reuse(rule: Rule, subject: Subject, makeContext: (subject: Subject) => EvalContext): SubjectOutcome | undefined {
    const { change, previous, current } = this;
    if (!change || !previous || !current || !(subject instanceof KubernetesSubject)) return undefined;
    if (subject.object.documentIndex === change.edited) return undefined;
    const reads = ruleReads(rule);
    if (reads.predicates || !companionsKept(reads.relatedTypes, change)) return undefined;
    const reused = reuseRecorded(previous.outcomes, this.key(subject), change.mapRange, rule, subject, makeContext, current.config);
    if (reused) this.stats.reused++;
    return reused;
  }

  record(rule: Rule, subject: Subject, outcome: SubjectOutcome): void {
    const current = this.current;
    const key = this.key(subject);
    if (!current || key === undefined) return;
    this.stats.total++;
    recordOutcome(current.outcomes, key, rule, outcome);
  }
}
