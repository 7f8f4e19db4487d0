/**
 * `config-database-connections-encrypted`: database connections written in configuration that
 * switch TLS off or accept any server certificate, whatever key they sit under.
 *
 * Recognised spellings:
 * - JDBC URLs. PostgreSQL `sslmode=disable|allow|prefer` (each can end up unencrypted); MySQL
 *   Connector/J `useSSL=false`, `sslMode=DISABLED|PREFERRED`; MariaDB `sslMode=disable`,
 *   `useSsl=false`; SQL Server `encrypt=false|no|optional` or `trustServerCertificate=true`.
 * - ADO.NET-style connection strings (SqlClient, Npgsql, MySqlConnector): `Encrypt=False|No|
 *   Optional`, `TrustServerCertificate=True`, `SSL Mode=Disable|Allow|Prefer|Preferred|None`;
 *   keys ignore case and blanks.
 * - URIs: `postgres(ql)://...?sslmode=disable|allow|prefer`, `mongodb(+srv)://...?tls=false`
 *   or `ssl=false`, `tlsAllowInvalidCertificates=true`, `tlsInsecure=true`.
 * Connections to the local host (`localhost`, `127.0.0.1`, `::1`, `(localdb)`, `.`) never leave
 * the machine and are not reported. Settings left at the driver default are not reported either:
 * the defaults differ between driver versions.
 */
import type { Lookup, Scope } from '../../subjects/types';
import { combineAll, type Evidence } from '../evaluate';
import { flatScopeOf, PASS } from './config-scopes';
import { registerPredicate } from './registry';

export interface WeakTransport {
  /** The setting as written (`sslmode=disable`), for messages. */
  setting: string;
}

const LOCAL_HOSTS = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\]|\.|\(local\)|\(localdb\).*|host\.docker\.internal)$/i;

function isLocal(host: string | undefined): boolean {
  return host !== undefined && LOCAL_HOSTS.test(host.trim());
}

/** Parameters after `?`, `&`- or `;`-separated, keys lower-cased and stripped of blanks. */
function parameters(text: string, separators: RegExp): Map<string, { key: string; value: string }> {
  const out = new Map<string, { key: string; value: string }>();
  for (const part of text.split(separators)) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim();
    out.set(key.toLowerCase().replace(/\s+/g, ''), { key, value: decode(part.slice(eq + 1).trim()) });
  }
  return out;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function firstWeak(params: Map<string, { key: string; value: string }>, tests: Array<[string, RegExp]>): WeakTransport | undefined {
  for (const [name, bad] of tests) {
    const found = params.get(name);
    if (found && bad.test(found.value.replace(/^['"]|['"]$/g, ''))) return { setting: `${found.key}=${found.value}` };
  }
  return undefined;
}

const POSTGRES_WEAK: Array<[string, RegExp]> = [['sslmode', /^(disable|allow|prefer)$/i]];
const MYSQL_WEAK: Array<[string, RegExp]> = [
  ['usessl', /^false$/i],
  ['sslmode', /^(disabled?|preferred)$/i],
];
const SQLSERVER_WEAK: Array<[string, RegExp]> = [
  ['encrypt', /^(false|no|optional)$/i],
  ['trustservercertificate', /^(true|yes)$/i],
];
const ADO_WEAK: Array<[string, RegExp]> = [
  ['encrypt', /^(false|no|optional)$/i],
  ['trustservercertificate', /^(true|yes)$/i],
  ['sslmode', /^(disabled?|allow|prefer|preferred|none)$/i],
  ['usessl', /^false$/i],
];
const MONGO_WEAK: Array<[string, RegExp]> = [
  ['tls', /^false$/i],
  ['ssl', /^false$/i],
  ['tlsallowinvalidcertificates', /^true$/i],
  ['tlsinsecure', /^true$/i],
];

/** `//host:port/...` → `host` (brackets of IPv6 kept out). */
function authorityHost(rest: string): string | undefined {
  const match = /^\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#;,]*)/.exec(rest);
  if (!match) return undefined;
  return match[1].replace(/^\[|\]$/g, '');
}

function jdbcWeakness(url: string): WeakTransport | undefined {
  const match = /^jdbc:(?:[a-z0-9]+:)*?(postgresql|pgsql|mysql|mariadb|sqlserver):(.*)$/is.exec(url.trim());
  if (!match) return undefined;
  const driver = match[1].toLowerCase();
  const rest = match[2];
  if (driver === 'sqlserver') {
    const host = /^\/\/([^;:\\/]*)/.exec(rest)?.[1];
    if (isLocal(host)) return undefined;
    return firstWeak(parameters(rest.slice(rest.indexOf(';') + 1 || rest.length), /;/), SQLSERVER_WEAK);
  }
  const hosts = authorityHost(rest);
  if (hosts !== undefined && hosts.split(',').every((h) => isLocal(h.split(':')[0]))) return undefined;
  const query = rest.includes('?') ? rest.slice(rest.indexOf('?') + 1) : '';
  const params = parameters(query, /&/);
  return driver === 'postgresql' || driver === 'pgsql' ? firstWeak(params, POSTGRES_WEAK) : firstWeak(params, MYSQL_WEAK);
}

function uriWeakness(uri: string): WeakTransport | undefined {
  const match = /^(postgres|postgresql|mongodb|mongodb\+srv):(\/\/.*)$/is.exec(uri.trim());
  if (!match) return undefined;
  const rest = match[2];
  const host = authorityHost(rest);
  if (host !== undefined && host.split(',').every((h) => isLocal(h.split(':')[0]))) return undefined;
  const params = parameters(rest.includes('?') ? rest.slice(rest.indexOf('?') + 1) : '', /&/);
  return match[1].toLowerCase().startsWith('mongodb') ? firstWeak(params, MONGO_WEAK) : firstWeak(params, POSTGRES_WEAK);
}

const ADO_HOST_KEYS = ['server', 'datasource', 'host', 'address', 'addr', 'networkaddress'];

function adoWeakness(text: string): WeakTransport | undefined {
  if (!text.includes(';') || !text.includes('=')) return undefined;
  const params = parameters(text, /;/);
  const hostKey = ADO_HOST_KEYS.find((k) => params.has(k));
  if (!hostKey) return undefined;
  const host = params.get(hostKey)!.value.replace(/^tcp:/i, '').split(/[,:\\]/)[0];
  if (isLocal(host) || /^\(localdb\)/i.test(params.get(hostKey)!.value)) return undefined;
  return firstWeak(params, ADO_WEAK);
}

/** The first setting in a connection string or URL that leaves the connection unprotected. */
export function weakTransport(value: unknown): WeakTransport | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^jdbc:/i.test(text)) return jdbcWeakness(text);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return uriWeakness(text);
  return adoWeakness(text);
}

registerPredicate('config-database-connections-encrypted', (scope: Scope): Evidence => {
  const flat = flatScopeOf(scope);
  if (!flat) return { ...PASS };
  const results: Evidence[] = [];
  // A placeholder elsewhere in the value (the host, say) does not change a literal `sslmode=disable`.
  for (const entry of flat.entries) {
    const weak = weakTransport(entry.value);
    if (!weak) continue;
    const lookup: Lookup = { state: 'known', value: entry.value, range: entry.valueRange, keyRange: entry.keyRange, origins: [] };
    results.push({ outcome: 'fail', range: entry.valueRange, origins: [], lookup, scope: flat, valueText: weak.setting });
  }
  return results.length ? combineAll(results) : { ...PASS };
});
