/**
 * `compose-database-connections-encrypted`: database connection strings and URLs handed to a
 * compose service through its environment that switch TLS off or trust any server certificate.
 * The spellings recognised are those of `weakTransport` (JDBC, ADO.NET and ODBC-style strings,
 * PostgreSQL and MongoDB URIs). A `${VAR}` elsewhere in the value, such as the password, does not
 * change a literal `TrustServerCertificate=true`; a value taken whole from the shell is unknown
 * and not reported.
 */
import type { Lookup, Scope } from '../../subjects/types';
import { combineAll, type Evidence } from '../evaluate';
import { serviceEnvironment } from './compose-environment';
import { PASS } from './config-scopes';
import { weakTransport } from './database-connections';
import { registerPredicate } from './registry';

registerPredicate('compose-database-connections-encrypted', (scope: Scope): Evidence => {
  const results: Evidence[] = [];
  for (const variable of serviceEnvironment(scope)) {
    if (variable.value === undefined) continue;
    const weak = weakTransport(variable.value);
    if (!weak) continue;
    const lookup: Lookup = { state: 'known', value: variable.value, range: variable.range, origins: [] };
    results.push({ outcome: 'fail', range: variable.range, origins: [], lookup, scope, valueText: `${variable.name}: ${weak.setting}` });
  }
  return results.length ? combineAll(results) : { ...PASS };
});
