/**
 * A finding's fix is built when something reads `finding.fix` (a code action, fix-all, SARIF or
 * JSON output), not on every lint: the editor re-lints on each keystroke and almost never asks.
 * The property is an enumerable getter, so spreading, JSON and structured clone (the scan worker)
 * see the built value like any other field; once built, it is replaced by a plain data property.
 */
import type { Finding, Fix } from '../findings/types';
import { copyFinding } from '../util/lint-lived';

type FixBuilder = (finding: Finding) => Fix | undefined;

/** Where a finding keeps its builder: a symbol, not enumerable, so no copy, comparison or report sees it. */
const BUILDER = Symbol('fix builder');

interface LazyFinding extends Finding {
  [BUILDER]: FixBuilder;
}

function setFix(finding: Finding, value: Fix | undefined): void {
  Object.defineProperty(finding, 'fix', { value, enumerable: true, configurable: true, writable: true });
}

function resolve(finding: LazyFinding): Fix | undefined {
  let fix: Fix | undefined;
  try {
    fix = finding[BUILDER](finding);
  } catch {
    // A fix writer that fails on an odd shape offers no fix; the finding itself stands.
    fix = undefined;
  }
  if (fix) setFix(finding, fix);
  // No fix: the field disappears, so the finding looks exactly like one that never had a fix.
  else delete (finding as { fix?: Fix }).fix;
  return fix;
}

/*
 * One accessor and one builder descriptor for every finding: getters written in an object literal
 * made two closures and an accessor pair per finding, which cost five times as much as the finding
 * itself on a keystroke that hands out a thousand of them. The builder descriptor is reused with
 * its value swapped in; `defineProperty` reads it before returning.
 */
const LAZY_FIX: PropertyDescriptor = {
  get(this: LazyFinding) {
    return resolve(this);
  },
  set(this: Finding, value: Fix | undefined) {
    setFix(this, value);
  },
  enumerable: true,
  configurable: true,
};
const BUILDER_SLOT: PropertyDescriptor = { value: undefined, enumerable: false, configurable: true, writable: true };

/** A copy of `base` whose `fix` is `build(copy)`, built on first read and then kept as a plain value. */
export function findingWithLazyFix(base: Finding, build: FixBuilder): Finding {
  const finding = copyFinding(base);
  if (base.waiver) finding.waiver = base.waiver;
  BUILDER_SLOT.value = build;
  Object.defineProperty(finding, BUILDER, BUILDER_SLOT);
  BUILDER_SLOT.value = undefined;
  Object.defineProperty(finding, 'fix', LAZY_FIX);
  return finding;
}

/** Whether the fix of a finding was already built (tests and benchmarks check it stays lazy). */
export function fixIsBuilt(finding: Finding): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(finding, 'fix');
  return descriptor !== undefined && 'value' in descriptor;
}
