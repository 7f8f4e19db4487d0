/**
 * A named parameter of an RDS or Aurora parameter group (`parameter { name, value }` blocks) that
 * must hold a secure value, where the engine default depends on the parameter group family: for
 * example `rds.force_ssl` is on by default from RDS for PostgreSQL 15 but off for Aurora.
 */
import type { Lookup, Scope } from '../../subjects/types';
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

/**
 * args: `name` (parameter name), `secure` (accepted values, compared without case),
 * `secureByDefault` (a regular expression over `family` for the families whose default is secure).
 */
registerPredicate('aws-rds-parameter-secure', (scope: Scope, args, _ctx: EvalContext): Evidence => {
  const name = String(args.name ?? '').toLowerCase();
  const secure = (Array.isArray(args.secure) ? args.secure : []).map((v) => String(v).toLowerCase());
  const results: Evidence[] = [];
  let written = false;
  for (const parameter of scope.items(['parameter'])) {
    const key = single(parameter, 'name');
    if (key.state === 'unknown') {
      results.push({ outcome: 'undetermined', range: key.range, reason: key.reason, origins: key.origins, scope: parameter });
      continue;
    }
    if (key.state !== 'known' || text(key.value)?.toLowerCase() !== name) continue;
    written = true;
    const value = single(parameter, 'value');
    if (value.state === 'unknown') {
      results.push({ outcome: 'undetermined', range: value.range, reason: value.reason, origins: value.origins, lookup: value, scope: parameter });
    } else if (value.state === 'known' && secure.includes(text(value.value)?.toLowerCase() ?? '')) {
      results.push({ outcome: 'pass', origins: value.origins });
    } else {
      const range = value.state === 'known' ? value.range : parameter.headerRange;
      const origins = value.state === 'known' ? value.origins : [];
      results.push({ outcome: 'fail', range, origins, lookup: value, scope: parameter, valueText: `${name} = ${value.state === 'known' ? text(value.value) : '(missing)'}` });
    }
  }
  if (!written) {
    const family = single(scope, 'family');
    if (family.state === 'unknown') {
      results.push({ outcome: 'undetermined', range: family.range, reason: family.reason, origins: family.origins, scope });
    } else {
      const pattern = typeof args.secureByDefault === 'string' ? compileSafeRegex(args.secureByDefault, true) : undefined;
      const familyText = family.state === 'known' ? text(family.value) : undefined;
      const safeDefault = pattern !== undefined && familyText !== undefined && pattern.test(familyText);
      if (!safeDefault) results.push({ outcome: 'fail', range: scope.headerRange, origins: [], scope, valueText: `${name} not set` });
    }
  }
  return combineAll(results);
});
