/**
 * Administrator passwords written into the configuration: in a resource, a variable default or a
 * tfvars file, they end up in version control and in every copy of the repository. A password
 * that cannot be known from the code (a variable without a value, `random_password`, a Key Vault
 * secret read at plan time) is what we want, so unknown values pass here instead of being
 * reported as undetermined.
 */
import type { Scope } from '../../subjects/types';
import { combineAll, splitPath, type Evidence } from '../evaluate';
import { registerPredicate } from './registry';

function literalPasswordsAt(scope: Scope, path: string): Evidence[] {
  const out: Evidence[] = [];
  for (const lookup of scope.resolve(splitPath(path))) {
    if (lookup.state !== 'known' || typeof lookup.value !== 'string' || lookup.value.trim() === '') continue;
    out.push({ outcome: 'fail', range: lookup.range, origins: lookup.origins, scope, lookup, valueText: path });
  }
  return out;
}

registerPredicate('azure-password-not-literal', (scope: Scope, args): Evidence => {
  const paths = Array.isArray(args.paths) ? args.paths.filter((p): p is string => typeof p === 'string') : [];
  if (paths.length === 0) throw new Error('azure-password-not-literal needs args.paths');
  const failures = paths.flatMap((path) => literalPasswordsAt(scope, path));
  return failures.length ? combineAll(failures) : { outcome: 'pass', origins: [] };
});
