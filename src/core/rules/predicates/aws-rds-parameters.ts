/**
 * A named parameter of an RDS or Aurora parameter group (`parameter { name, value }` blocks) that
 * must hold a secure value, where the engine default depends on the parameter group family: for
 * example `rds.force_ssl` is on by default from RDS for PostgreSQL 15 but off for Aurora.
 */
import type { Lookup, Scope } from '../../subjects/types';
import { TerraformScope } from '../../subjects/terraform-scope';
import { blockInstances } from './aws-block-instances';
import { compileSafeRegex } from '../safe-regex';
import { combineAll, type EvalContext, type Evidence } from '../evaluate';
import { registerPredicate } from './registry';

function single(scope: Scope, name: string): Lookup {
  return scope.resolve([name])[0];
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

interface EngineParameter {
  /** Regular expression over the parameter group `family` for the engines this entry covers. */
  family: string;
  name: string;
  /** Accepted values, compared without case. */
  secure: string[];
  /** Regular expression over `family` for the versions whose default is already secure. */
  secureByDefault?: string;
  /**
   * False when no single value can be written for every family the entry covers (RDS for MySQL
   * spells the value 1, Aurora MySQL ON): the finding is then reported on the group, where the
   * rule's fix does not apply.
   */
  fixable?: boolean;
}

function engineParameters(args: Record<string, unknown>): EngineParameter[] {
  const list = Array.isArray(args.engines) ? args.engines : [];
  return list.filter((e): e is EngineParameter => e !== null && typeof e === 'object' && typeof (e as EngineParameter).name === 'string');
}

function judgeParameter(scope: Scope, entry: EngineParameter, family: string): Evidence {
  const name = entry.name.toLowerCase();
  const secure = entry.secure.map((v) => String(v).toLowerCase());
  const results: Evidence[] = [];
  let written = false;
  // Dynamic `parameter` blocks are judged once per generated block, with their own values.
  const parameters = scope instanceof TerraformScope ? blockInstances(scope, 'parameter').map((b) => b.scope) : scope.items(['parameter']);
  for (const parameter of parameters) {
    const key = single(parameter, 'name');
    if (key.state === 'unknown') {
      results.push({ outcome: 'undetermined', range: key.range, reason: key.reason, origins: key.origins, scope: parameter });
      continue;
    }
    if (key.state !== 'known' || text(key.value)?.toLowerCase() !== name) continue;
    written = true;
    const value = single(parameter, 'value');
    const fixScope = entry.fixable === false ? scope : parameter;
    if (value.state === 'unknown') {
      results.push({ outcome: 'undetermined', range: value.range, reason: value.reason, origins: value.origins, scope: parameter });
    } else if (value.state === 'known' && secure.includes(text(value.value)?.toLowerCase() ?? '')) {
      results.push({ outcome: 'pass', origins: value.origins });
    } else {
      const range = value.state === 'known' ? value.range : parameter.headerRange;
      const origins = value.state === 'known' ? value.origins : [];
      const shown = value.state === 'known' ? text(value.value) : '(no value)';
      results.push({ outcome: 'fail', range, origins, scope: fixScope, valueText: `${entry.name} = ${shown}` });
    }
  }
  if (!written) {
    const safeDefault = entry.secureByDefault !== undefined && compileSafeRegex(entry.secureByDefault, true).test(family);
    if (!safeDefault) results.push({ outcome: 'fail', range: scope.headerRange, origins: [], scope, valueText: `${entry.name} not set` });
  }
  return combineAll(results);
}

/**
 * args: `engines`, a list of { family, name, secure, secureByDefault?, fixable? }; the first entry
 * whose `family` pattern matches the group's family decides. Groups of other engines pass.
 */
registerPredicate('aws-rds-parameter-secure', (scope: Scope, args, _ctx: EvalContext): Evidence => {
  const family = single(scope, 'family');
  if (family.state === 'unknown') return { outcome: 'undetermined', range: family.range, reason: family.reason, origins: family.origins, scope };
  const familyText = family.state === 'known' ? text(family.value) ?? '' : '';
  const entry = engineParameters(args).find((e) => compileSafeRegex(e.family, true).test(familyText));
  return entry ? judgeParameter(scope, entry, familyText) : { outcome: 'pass', origins: [] };
});
