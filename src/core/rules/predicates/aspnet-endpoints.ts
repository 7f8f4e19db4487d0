/**
 * `aspnet-plain-http-endpoints`: ASP.NET Core endpoints that serve plain HTTP on an address other
 * machines can reach. Read from `Kestrel:Endpoints:<name>:Url` and the `urls` setting
 * (`ASPNETCORE_URLS` in an env file), whose value may list several URLs separated by `;`.
 * `http://localhost`, `http://127.0.0.1` and `http://[::1]` stay on the machine; `*`, `+`,
 * `0.0.0.0`, `[::]` and host names listen on the network.
 */
import type { Lookup, Scope } from '../../subjects/types';
import { combineAll, type Evidence } from '../evaluate';
import { flatScopeOf, PASS } from './config-scopes';
import { registerPredicate } from './registry';

const ENDPOINT_URL = /^kestrel\.endpoints\.[^.]+\.url$/;
const URL_LISTS = new Set(['urls', 'aspnetcore.urls']);
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;

/** The plain-HTTP URLs of a `;`-separated list that listen beyond the local machine. */
export function exposedHttpUrls(value: string): string[] {
  return value
    .split(';')
    .map((url) => url.trim())
    .filter((url) => {
      const match = /^http:\/\/(\[[^\]]*\]|[^:/]*)/i.exec(url);
      return match !== null && !LOOPBACK.test(match[1]);
    });
}

registerPredicate('aspnet-plain-http-endpoints', (scope: Scope): Evidence => {
  const flat = flatScopeOf(scope);
  if (!flat) return { ...PASS };
  const results: Evidence[] = [];
  for (const entry of flat.entries) {
    if (!ENDPOINT_URL.test(entry.canonicalKey) && !URL_LISTS.has(entry.canonicalKey)) continue;
    if (typeof entry.value !== 'string') continue;
    if (entry.templated) {
      results.push({ outcome: 'undetermined', range: entry.valueRange, reason: `"${entry.key}" is set from a placeholder (${entry.value})`, origins: [], scope: flat });
      continue;
    }
    const exposed = exposedHttpUrls(entry.value);
    if (exposed.length === 0) continue;
    const lookup: Lookup = { state: 'known', value: entry.value, range: entry.valueRange, keyRange: entry.keyRange, origins: [] };
    results.push({ outcome: 'fail', range: entry.valueRange, origins: [], lookup, scope: flat, valueText: exposed.join(', ') });
  }
  return results.length ? combineAll(results) : { ...PASS };
});
