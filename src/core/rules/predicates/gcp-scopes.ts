/**
 * Small helpers shared by the Google Cloud predicates: reading one attribute, expanding nested
 * blocks (dynamic ones once per element), and evidence shapes.
 */
import type { Range } from '../../text/position';
import type { Lookup, Scope } from '../../subjects/types';
import { TerraformScope } from '../../subjects/terraform-scope';
import { nestedBlockInstances } from '../../terraform';
import type { Evidence } from '../evaluate';

export const PASS: Evidence = { outcome: 'pass', origins: [] };

export function single(scope: Scope, name: string): Lookup {
  return scope.resolve([name])[0];
}

export function undetermined(lookup: Lookup & { state: 'unknown' }, scope: Scope): Evidence {
  return { outcome: 'undetermined', range: lookup.range, reason: lookup.reason, origins: lookup.origins, scope };
}

/** The blocks of `type` as they will exist, dynamic blocks expanded with their iterator bound. */
export function blockInstances(scope: TerraformScope, type: string): TerraformScope[] {
  return nestedBlockInstances(scope.module, scope.body, type, scope.evalScope).map(
    (instance) =>
      new TerraformScope(scope.module, scope.file, instance.nested.block, instance.nested.body, instance.scope, instance.nested.dynamic !== undefined || scope.handle.dynamic),
  );
}

/**
 * A view of a scope that fix writers refuse to edit. A rule's fix is written for its common case
 * (adding a missing block); a finding about a value written elsewhere, or a related resource,
 * keeps its place and file but gets no automatic fix rather than a wrong one.
 */
export function withoutFix(scope: TerraformScope): Scope & { file: string } {
  return {
    file: scope.file,
    headerRange: scope.headerRange,
    resolve: (path) => scope.resolve(path),
    items: (path) => scope.items(path),
    handle: { kind: 'no-fix' },
  };
}

/** A string lookup that is known, or undefined. */
export function knownString(lookup: Lookup): string | undefined {
  return lookup.state === 'known' && (typeof lookup.value === 'string' || typeof lookup.value === 'number' || typeof lookup.value === 'boolean')
    ? String(lookup.value)
    : undefined;
}

export function failAt(range: Range, scope: Scope, lookup?: Lookup, valueText?: string): Evidence {
  return { outcome: 'fail', range, scope, lookup, valueText, origins: lookup && lookup.state !== 'absent' ? lookup.origins : [] };
}
