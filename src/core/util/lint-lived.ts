/**
 * Constructors for the objects that live from one lint to the next: positions and ranges of a
 * parse, findings and rule outcomes kept for reuse, the lists holding them.
 *
 * Why not object and array literals: V8 records where each literal is allocated and, when nearly
 * all objects of one literal outlive a young-generation collection, allocates that literal's
 * objects straight in the old generation from then on. A lint's parse and outcomes do outlive one
 * collection (they are kept for the next keystroke) but die at the one after. Allocated old, each
 * keystroke left a dead parse in the old generation, and the editor paid a full collection every
 * few keystrokes: the 95th-percentile lint took two to three times the median. Objects made by a
 * constructor or `Array.of` carry no allocation record, stay young and die young.
 *
 * The decision is made per allocation site, at a young collection, and it sticks: in about one
 * process of three, editing a 2,000-line Terraform file, the site of the module's resource
 * declarations, of the subjects' handles or of their tag maps was switched to old-generation
 * allocation during the first edits (`node --trace-pretenuring-statistics`; sites matched to
 * functions through `%DebugPrint` of their feedback vectors). The dead declarations then kept the
 * young trees they point at alive until the next full collection, so every young collection
 * promoted ~3 MB and the slowest 5% of keystrokes took 26-37 ms instead of 14-18. Whatever a lint
 * makes once per block, resource or subject and keeps to the next lint is therefore made without
 * an allocation record: by a constructor, by `Array.of`, or copied from `UNTRACKED`.
 *
 * The constructors' prototype is `Object.prototype`, so what they make is a plain object to every
 * reader, copy, comparison and serialisation.
 */
import type { Position, Range } from '../text/position';
import type { Finding, RelatedLocation, Severity, FindingStatus } from '../findings/types';

type Constructor<T, A extends unknown[]> = new (...args: A) => T;

function plainConstructor<T, A extends unknown[]>(init: (this: T, ...args: A) => void): Constructor<T, A> {
  (init as unknown as { prototype: object }).prototype = Object.prototype;
  return init as unknown as Constructor<T, A>;
}

const PositionObject = plainConstructor(function (this: Position, offset: number, line: number, column: number) {
  this.offset = offset;
  this.line = line;
  this.column = column;
});

const RangeObject = plainConstructor(function (this: Range, start: Position, end: Position) {
  this.start = start;
  this.end = end;
});

export function newPosition(offset: number, line: number, column: number): Position {
  return new PositionObject(offset, line, column);
}

export function newRange(start: Position, end: Position): Range {
  return new RangeObject(start, end);
}

/**
 * Spread first into an object literal (`{ ...UNTRACKED, kind: 'map', ... }`) to make it untracked:
 * a literal that starts with a spread is built by copying, which keeps no allocation record. For
 * node types with many shapes, where one constructor each would be a lot of ceremony.
 */
export const UNTRACKED: Readonly<Record<string, never>> = Object.freeze({});

/** An empty list to fill: `[]` is an allocation site V8 may decide to allocate old. */
export function newList<T>(): T[] {
  return Array.of<T>();
}

/** A finding with every field but `fix` and `waiver`, which are set on the copies handed out. */
export const FindingRecord = plainConstructor(function (
  this: Finding,
  ruleId: string,
  severity: Severity,
  status: FindingStatus,
  message: string,
  file: string,
  range: Range,
  resource: string | undefined,
  controls: string[],
  related: RelatedLocation[],
  reason: string | undefined,
  fingerprint: string,
) {
  this.ruleId = ruleId;
  this.severity = severity;
  this.status = status;
  this.message = message;
  this.file = file;
  this.range = range;
  this.resource = resource;
  this.controls = controls;
  this.related = related;
  this.reason = reason;
  this.fingerprint = fingerprint;
});

/** `base` without `fix` and `waiver`, optionally at another place. */
export function copyFinding(base: Finding, range: Range = base.range, related: RelatedLocation[] = base.related): Finding {
  return new FindingRecord(base.ruleId, base.severity, base.status, base.message, base.file, range, base.resource, base.controls, related, base.reason, base.fingerprint);
}

export { plainConstructor };
