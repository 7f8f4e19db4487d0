/**
 * A finding's fix is built when something reads `finding.fix` (a code action, fix-all, SARIF or
 * JSON output), not on every lint: the editor re-lints on each keystroke and almost never asks.
 * The property is an enumerable getter, so spreading, JSON and structured clone (the scan worker)
 * see the built value like any other field; once built, it is replaced by a plain data property.
 */
import type { Finding, Fix } from '../findings/types';

function resolve(finding: Finding, build: () => Fix | undefined): Fix | undefined {
  let fix: Fix | undefined;
  try {
    fix = build();
  } catch {
    // A fix writer that fails on an odd shape offers no fix; the finding itself stands.
    fix = undefined;
  }
  if (fix) Object.defineProperty(finding, 'fix', { value: fix, enumerable: true, configurable: true, writable: true });
  // No fix: the field disappears, so the finding looks exactly like one that never had a fix.
  else delete (finding as { fix?: Fix }).fix;
  return fix;
}

/**
 * A copy of `base` whose `fix` is built on first read. The accessor is written in the object
 * literal (cheaper than `Object.defineProperty` on thousands of findings per keystroke) and, once
 * read, replaced by a data property.
 */
export function findingWithLazyFix(base: Finding, build: () => Fix | undefined): Finding {
  const finding: Finding = {
    ruleId: base.ruleId,
    severity: base.severity,
    status: base.status,
    message: base.message,
    file: base.file,
    range: base.range,
    resource: base.resource,
    controls: base.controls,
    related: base.related,
    reason: base.reason,
    fingerprint: base.fingerprint,
    get fix(): Fix | undefined {
      return resolve(finding, build);
    },
    set fix(value: Fix | undefined) {
      Object.defineProperty(finding, 'fix', { value, enumerable: true, configurable: true, writable: true });
    },
  };
  if (base.waiver) finding.waiver = base.waiver;
  return finding;
}

/** Whether the fix of a finding was already built (tests and benchmarks check it stays lazy). */
export function fixIsBuilt(finding: Finding): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(finding, 'fix');
  return descriptor !== undefined && 'value' in descriptor;
}
