/**
 * Orthanc's HTTP users: `RegisteredUsers` in a configuration file maps user names to plaintext
 * passwords, and the Docker images read the same object as JSON from `ORTHANC__REGISTERED_USERS`
 * (in an env file). `orthanc-no-default-credentials` reports users whose password is the user
 * name, empty, or a well-known default such as the `orthanc`/`orthanc`, `demo`/`demo` and
 * `alice`/`alicePassword` of the documentation and samples.
 */
import type { Range } from '../../text/position';
import type { FlatEntry } from '../../documents/flat';
import type { FlatScope } from '../../subjects/flat-scope';
import type { Lookup, Scope } from '../../subjects/types';
import { combineAll, type Evidence } from '../evaluate';
import { flatScopeOf, PASS } from './config-scopes';
import { isWeakCredential } from './secret-values';
import { registerPredicate } from './registry';

export interface RegisteredUser {
  name: string;
  password: string;
  /** The entry that holds the password (for the env form, the whole JSON value). */
  entry: FlatEntry;
  /** Where the password is written; for the env form the whole value. */
  range: Range | undefined;
}

function fromJsonText(entry: FlatEntry): RegisteredUser[] {
  if (typeof entry.value !== 'string' || entry.templated) return [];
  try {
    const users: unknown = JSON.parse(entry.value);
    if (!users || typeof users !== 'object' || Array.isArray(users)) return [];
    return Object.entries(users as Record<string, unknown>)
      .filter(([, password]) => typeof password === 'string')
      .map(([name, password]) => ({ name, password: password as string, entry, range: entry.valueRange }));
  } catch {
    return [];
  }
}

/** Every registered user of the file, in both spellings. */
export function registeredUsers(scope: FlatScope): RegisteredUser[] {
  const out: RegisteredUser[] = [];
  for (const entry of scope.entries) {
    if (entry.canonicalKey === 'orthanc.registered_users') {
      out.push(...fromJsonText(entry));
      continue;
    }
    if (scope.config.carrier !== 'json' || !entry.canonicalKey.startsWith('registeredusers.')) continue;
    if (typeof entry.value !== 'string') continue;
    const name = entry.key.slice(entry.key.indexOf('.') + 1);
    out.push({ name, password: entry.value, entry, range: entry.valueRange });
  }
  return out;
}

registerPredicate('orthanc-no-default-credentials', (scope: Scope): Evidence => {
  const flat = flatScopeOf(scope);
  if (!flat) return { ...PASS };
  const results: Evidence[] = [];
  for (const user of registeredUsers(flat)) {
    if (user.entry.templated || !user.range || !isWeakCredential(user.name, user.password)) continue;
    const lookup: Lookup = { state: 'known', value: user.entry.value, range: user.range, keyRange: user.entry.keyRange, origins: [] };
    results.push({ outcome: 'fail', range: user.range, origins: [], lookup, scope: flat, valueText: `user "${user.name}"` });
  }
  return results.length ? combineAll(results) : { ...PASS };
});
