/**
 * Cloud SQL database flags (`settings.database_flags { name, value }`): whether one flag has an
 * accepted value. Flags are a list of name/value blocks, so the generic path conditions cannot say
 * "the block whose name is X"; this predicate finds it, also inside dynamic blocks.
 *
 * Arguments: `flag` (the flag name), `allowed` (accepted values, compared without case) and
 * `default` (the engine's value when the flag is not written).
 */
import type { Scope } from '../../subjects/types';
import { TerraformScope } from '../../subjects/terraform-scope';
import { combineAll, type EvalContext, type Evidence } from '../evaluate';
import { registerPredicate } from './registry';
import { PASS, blockInstances, failAt, knownString, single, undetermined, withoutFix } from './gcp-scopes';

interface FlagArgs {
  flag: string;
  allowed: string[];
  absentValue?: string;
}

function readArgs(args: Record<string, unknown>): FlagArgs {
  const flag = args.flag;
  const allowed = args.allowed;
  if (typeof flag !== 'string' || !Array.isArray(allowed)) throw new Error('gcp-sql-database-flag needs "flag" and "allowed"');
  return { flag, allowed: allowed.map((v) => String(v).toLowerCase()), absentValue: args.default === undefined ? undefined : String(args.default).toLowerCase() };
}

/** The outcome for one `settings` block. */
function checkSettings(settings: TerraformScope, subject: Scope, args: FlagArgs): Evidence {
  const absentPasses = args.absentValue !== undefined && args.allowed.includes(args.absentValue);
  let pending: Evidence | undefined;
  const results: Evidence[] = [];
  for (const flag of blockInstances(settings, 'database_flags')) {
    const name = single(flag, 'name');
    if (name.state === 'unknown') {
      pending ??= undetermined(name, flag);
      continue;
    }
    if (knownString(name) !== args.flag) continue;
    const value = single(flag, 'value');
    if (value.state === 'unknown') {
      results.push(undetermined(value, flag));
      continue;
    }
    const text = knownString(value);
    if (text !== undefined && args.allowed.includes(text.toLowerCase())) {
      results.push({ outcome: 'pass', origins: value.state === 'known' ? value.origins : [] });
      continue;
    }
    const range = value.state === 'known' ? value.range : flag.headerRange;
    // When leaving the flag out is compliant, the rule's fix rewrites the value in place; when
    // it is not, the fix adds the flag, which must not be done next to a flag written wrongly.
    results.push(failAt(range, absentPasses ? flag : withoutFix(flag), value, text ?? ''));
  }
  if (results.length > 0) return combineAll(results);
  if (pending) return { ...pending, reason: `a dynamic database flag may set ${args.flag}: ${pending.reason ?? ''}`.trim() };
  if (absentPasses) return PASS;
  return failAt(settings.headerRange, subject, { state: 'absent', anchor: settings.headerRange, scope: subject, path: ['settings', 'database_flags', args.flag] });
}

registerPredicate('gcp-sql-database-flag', (scope: Scope, rawArgs, ctx: EvalContext): Evidence => {
  const args = readArgs(rawArgs);
  if (!(scope instanceof TerraformScope)) return PASS;
  const settingsBlocks = blockInstances(scope, 'settings');
  if (settingsBlocks.length === 0) {
    if (args.absentValue !== undefined && args.allowed.includes(args.absentValue)) return PASS;
    return failAt(scope.headerRange, ctx.subject, { state: 'absent', anchor: scope.headerRange, scope, path: ['settings'] });
  }
  return combineAll(settingsBlocks.map((settings) => checkSettings(settings, ctx.subject, args)));
});
