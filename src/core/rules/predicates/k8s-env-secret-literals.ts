/**
 * Literal environment values of secret-looking variables in a container. Values a template or
 * `$(VAR)` fills in are not literals and pass: where they come from is checked elsewhere.
 *
 * A module of its own because it reads nothing but the container it is given, which lets the
 * engine reuse its outcomes after an edit elsewhere in the file (`CHECKED_PREDICATES`); the
 * ConfigMap check beside it reads the file's text.
 */
import { combineAll, type Evidence } from '../evaluate';
import { registerPredicate } from './registry';
import { lookupOne, pass, stringValue } from './k8s-context';
import { secretLiteralReason } from './k8s-secret-names';

registerPredicate('k8s-env-no-secret-literal', (scope): Evidence => {
  const failures: Evidence[] = [];
  for (const item of scope.items(['env'])) {
    const name = lookupOne(item, ['name']);
    const value = lookupOne(item, ['value']);
    if (name.state !== 'known' || value.state !== 'known') continue;
    const text = stringValue(value.value);
    const reason = text === undefined ? undefined : secretLiteralReason(String(name.value), text);
    if (reason) failures.push({ outcome: 'fail', range: value.range, origins: [], lookup: value, scope: item, valueText: reason });
  }
  return failures.length ? combineAll(failures) : pass();
});
