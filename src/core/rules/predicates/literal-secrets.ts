/**
 * Secrets written as literal values, for flattened application configuration
 * (`config-no-literal-secrets`) and for compose service environments
 * (`compose-no-literal-secrets`). What counts as a secret is decided in `./secret-values.ts`.
 *
 * Orthanc's `RegisteredUsers` (and `ORTHANC__REGISTERED_USERS`) map user names to plaintext
 * passwords: a well-known or guessable one is left to `orthanc-no-default-credentials`, any other
 * literal one is reported here. Findings name the setting, never the secret.
 */
import type { FlatEntry } from '../../documents/flat';
import type { TreeHandle } from '../../subjects/tree-scope';
import type { Lookup, Scope } from '../../subjects/types';
import { combineAll, type Evidence } from '../evaluate';
import { flatScopeOf, PASS } from './config-scopes';
import { serviceEnvironment, type EnvironmentVariable } from './compose-environment';
import { registeredUsers } from './orthanc-credentials';
import { containsPrivateKey, embeddedPassword, isLiteralSecret, isSecretName, isWeakCredential } from './secret-values';
import { registerPredicate } from './registry';

/** What is wrong with one value, or undefined when it holds no literal secret. */
export function secretProblem(key: string, value: unknown, templated: boolean): string | undefined {
  if (containsPrivateKey(value)) return `a private key in ${key}`;
  if (!templated && isSecretName(key) && isLiteralSecret(value)) return key;
  const embedded = embeddedPassword(value);
  return embedded ? `${embedded} in ${key}` : undefined;
}

function knownLookup(entry: FlatEntry): Lookup {
  return { state: 'known', value: entry.value, range: entry.valueRange, keyRange: entry.keyRange, origins: [] };
}

registerPredicate('config-no-literal-secrets', (scope: Scope): Evidence => {
  const flat = flatScopeOf(scope);
  if (!flat) return { ...PASS };
  const results: Evidence[] = [];
  const users = new Set(registeredUsers(flat).map((u) => u.entry));
  for (const user of registeredUsers(flat)) {
    if (user.entry.templated || isWeakCredential(user.name, user.password) || !isLiteralSecret(user.password)) continue;
    if (user.range) {
      results.push({ outcome: 'fail', range: user.range, origins: [], lookup: knownLookup(user.entry), scope: flat, valueText: `the password of Orthanc user "${user.name}"` });
    }
  }
  for (const entry of flat.entries) {
    if (users.has(entry)) continue;
    const problem = secretProblem(entry.key, entry.value, entry.templated);
    if (problem) results.push({ outcome: 'fail', range: entry.valueRange, origins: [], lookup: knownLookup(entry), scope: flat, valueText: problem });
  }
  return results.length ? combineAll(results) : { ...PASS };
});

/** Literal passwords of `ORTHANC__REGISTERED_USERS` (a JSON object of user → password). */
function orthancUserSecrets(variable: EnvironmentVariable): string[] {
  if (variable.name !== 'ORTHANC__REGISTERED_USERS' || variable.value === undefined || variable.interpolated) return [];
  try {
    const users: unknown = JSON.parse(variable.value);
    if (!users || typeof users !== 'object' || Array.isArray(users)) return [];
    return Object.entries(users as Record<string, unknown>)
      .filter(([, password]) => typeof password === 'string' && isLiteralSecret(password))
      .map(([name]) => name);
  } catch {
    return [];
  }
}

/** Names of the compose secrets a service mounts (`secrets: [db_password]` or `- source: x`). */
function serviceSecretNames(scope: Scope): Set<string> {
  const handle = scope.handle as TreeHandle | undefined;
  const names = new Set<string>();
  if (handle?.kind !== 'tree' || handle.node.kind !== 'map') return names;
  const secrets = handle.node.entries.find((e) => e.key === 'secrets')?.value;
  if (!secrets || secrets.kind !== 'seq') return names;
  for (const item of secrets.items) {
    if (item.kind === 'scalar' && typeof item.value === 'string') names.add(item.value);
    if (item.kind === 'map') {
      const source = item.entries.find((e) => e.key === 'source')?.value;
      if (source?.kind === 'scalar' && typeof source.value === 'string') names.add(source.value);
    }
  }
  return names;
}

registerPredicate('compose-no-literal-secrets', (scope: Scope): Evidence => {
  const results: Evidence[] = [];
  // A value naming one of the service's secrets points at it (the Orthanc images read
  // `ORTHANC__POSTGRESQL__PASSWORD_SECRET: pg_password` that way).
  const secretNames = serviceSecretNames(scope);
  for (const variable of serviceEnvironment(scope)) {
    if (variable.value === undefined || secretNames.has(variable.value.trim())) continue;
    const lookup: Lookup = { state: 'known', value: variable.value, range: variable.range, origins: [] };
    const users = orthancUserSecrets(variable);
    if (users.length) {
      const who = users.map((u) => `"${u}"`).join(', ');
      results.push({ outcome: 'fail', range: variable.range, origins: [], lookup, scope, valueText: `the password of Orthanc user ${who} in ${variable.name}` });
      continue;
    }
    const problem = secretProblem(variable.name, variable.value, variable.interpolated);
    if (problem) results.push({ outcome: 'fail', range: variable.range, origins: [], lookup, scope, valueText: problem });
  }
  return results.length ? combineAll(results) : { ...PASS };
});
