/**
 * Compute Engine boolean metadata keys (`enable-oslogin`, `serial-port-enable`) as instances,
 * instance templates and project-wide metadata set them. Instance metadata overrides the project's,
 * so an instance only fails when it explicitly chooses the insecure value; project metadata can
 * also be required to choose the secure one.
 *
 * Arguments: `key`, `secure` (the safe boolean) and `projectMustSet` (whether project metadata
 * that leaves the key out fails, because the platform default is the insecure value).
 */
import type { Range } from '../../text/position';
import type { Expression } from '../../hcl/ast';
import type { Scope } from '../../subjects/types';
import { TerraformScope } from '../../subjects/terraform-scope';
import { getAttribute, staticString } from '../../terraform';
import type { EvalContext, Evidence } from '../evaluate';
import { registerPredicate } from './registry';
import { PASS, failAt, knownString, single, undetermined } from './gcp-scopes';

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'off']);

/** Compute Engine reads these metadata values as booleans without regard to case. */
export function metadataBoolean(value: unknown): boolean | undefined {
  const text = String(value).trim().toLowerCase();
  if (TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  return undefined;
}

/** The range of one key's value inside a `metadata = { ... }` literal, for a precise finding. */
function entryRange(expr: Expression, key: string): Range | undefined {
  if (expr.type !== 'Object') return undefined;
  for (const item of expr.items) {
    const name = item.key.type === 'Variable' ? item.key.name : staticString(item.key);
    if (name === key) return item.value.range;
  }
  return undefined;
}

interface MetadataArgs {
  key: string;
  secure: boolean;
  projectMustSet: boolean;
}

/** Whether a written value breaks the rule at this level. */
function breaks(value: boolean | undefined, args: MetadataArgs, projectLevel: boolean): boolean {
  return projectLevel && args.projectMustSet ? value !== args.secure : value === !args.secure;
}

function checkItem(scope: Scope, args: MetadataArgs): Evidence {
  const key = single(scope, 'key');
  if (key.state === 'unknown') return undetermined(key, scope);
  if (knownString(key) !== args.key) return PASS;
  const value = single(scope, 'value');
  if (value.state === 'unknown') return undetermined(value, scope);
  if (value.state === 'absent') return PASS;
  const text = knownString(value);
  return breaks(metadataBoolean(text), args, true) ? failAt(value.range, scope, value, text ?? '') : PASS;
}

function checkMap(scope: TerraformScope, args: MetadataArgs, projectLevel: boolean): Evidence {
  const lookup = scope.resolve(['metadata', args.key])[0];
  if (lookup.state === 'unknown') return undetermined(lookup, scope);
  if (lookup.state === 'absent') {
    if (!(projectLevel && args.projectMustSet)) return PASS;
    const written = getAttribute(scope.body, 'metadata');
    return failAt(written ? written.nameRange : scope.headerRange, scope, lookup, `no ${args.key}`);
  }
  const text = knownString(lookup);
  if (!breaks(metadataBoolean(text), args, projectLevel)) return PASS;
  const attribute = getAttribute(scope.body, 'metadata');
  const range = (attribute && entryRange(attribute.expr, args.key)) ?? lookup.range;
  return failAt(range, scope, lookup, `${args.key} = ${text ?? ''}`);
}

registerPredicate('gcp-compute-metadata-boolean', (scope: Scope, raw, ctx: EvalContext): Evidence => {
  if (typeof raw.key !== 'string' || typeof raw.secure !== 'boolean') throw new Error('gcp-compute-metadata-boolean needs "key" and "secure"');
  const args: MetadataArgs = { key: raw.key, secure: raw.secure, projectMustSet: raw.projectMustSet === true };
  if (ctx.subject.type === 'google_compute_project_metadata_item') return checkItem(scope, args);
  if (!(scope instanceof TerraformScope)) return PASS;
  return checkMap(scope, args, ctx.subject.type === 'google_compute_project_metadata');
});
