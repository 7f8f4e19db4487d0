/** Turns a rule's fix operations into text edits for the failing subject, in its own syntax. */
import type { Fix, TextEdit } from '../findings/types';
import type { FixOperation, FixSpec } from '../rules/condition-types';
import type { Evidence } from '../rules/evaluate';
import type { Scope, Subject } from '../subjects/types';
import { hclEdits } from './hcl-fix';
import { treeEdits } from './tree-fix';
import { flatEdits } from './flat-fix';
import { computeValue, hasComputedParts } from './computed-value';
import { splitPath } from '../rules/path-segments';

export class FixNotApplicable extends Error {}

/** More edits than this and the fix is not offered (see `buildFix`). */
export const MAX_FIX_EDITS = 50;

export interface FixTarget {
  subject: Subject;
  /** Resources that point at the subject through an attribute (Terraform). */
  related: (types: string[], via: string) => Subject[];
  /** Where the failing test ran; op paths are relative to it. */
  scope: Scope;
  evidence: Evidence;
}

function editsFor(op: FixOperation, target: FixTarget): TextEdit[] {
  if ('set' in op && op.set.related) {
    const { type, via } = op.set.related;
    const plain = { set: { path: op.set.path, value: op.set.value } };
    return target.related([type], via).flatMap((r) => editsFor(plain, { ...target, subject: r, scope: r }));
  }
  if ('set' in op && op.set.ifPresent) {
    const [head] = splitPath(op.set.path);
    if (target.scope.resolve([head]).every((l) => l.state === 'absent')) return [];
  }
  if ('addResource' in op && op.addResource.via && target.related([op.addResource.type], op.addResource.via).length > 0) return [];
  // Values computed from the subject are filled in here, so every fix writer sees plain values.
  if ('set' in op && hasComputedParts(op.set.value)) op = { set: { ...op.set, value: computeValue(op.set.value, target.scope, target.evidence) } };
  const handle = target.scope.handle as { kind: string };
  switch (handle.kind) {
    case 'hcl':
      return hclEdits(op, target);
    case 'tree':
      return treeEdits(op, target);
    case 'flat':
      return flatEdits(op, target);
    default:
      throw new FixNotApplicable(`no fix writer for ${handle.kind}`);
  }
}

/**
 * The fix for one finding, or undefined when it cannot be written safely here (a value produced by
 * a dynamic block, a broken block, ...). A fix is preferred only when the rule marks it safe and
 * the value it replaces is written literally at the finding (not taken from a variable elsewhere).
 */
export function buildFix(spec: FixSpec, subject: Subject, evidence: Evidence, related: FixTarget['related']): Fix | undefined {
  const scope = evidence.scope ?? subject;
  const target: FixTarget = { subject, scope, evidence, related };
  const edits: TextEdit[] = [];
  try {
    for (const op of spec.ops) for (const edit of editsFor(op, target)) edits.push(edit);
  } catch (error) {
    if (error instanceof FixNotApplicable) return undefined;
    throw error;
  }
  // A fix that rewrites hundreds of places is not a quick fix anyone reviews; and since every
  // finding of such a file carries it, offering it made a generated file quadratic to lint.
  if (edits.length === 0 || edits.length > MAX_FIX_EDITS) return undefined;
  const indirect = evidence.origins.some((o) => o.file !== subject.file || !rangeInside(o.range, evidence.range));
  return { title: spec.title, edits: mergeEdits(edits), preferred: spec.safe !== false && !indirect };
}

function rangeInside(inner: { start: { offset: number }; end: { offset: number } }, outer?: { start: { offset: number }; end: { offset: number } }): boolean {
  return !!outer && inner.start.offset >= outer.start.offset && inner.end.offset <= outer.end.offset;
}

/** Several insertions at one place (two attributes into the same block) become one edit. */
function mergeEdits(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  const insertions = new Map<string, TextEdit>();
  for (const edit of edits) {
    const isInsertion = edit.range.end.offset === edit.range.start.offset;
    const key = `${edit.file}\u0000${edit.range.start.offset}`;
    const previous = isInsertion ? insertions.get(key) : undefined;
    if (previous) {
      previous.newText += edit.newText;
      continue;
    }
    const copy = { ...edit };
    out.push(copy);
    if (isInsertion) insertions.set(key, copy);
  }
  return out;
}
