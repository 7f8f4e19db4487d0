/**
 * `spring-actuator-sensitive-endpoints`: Spring Boot actuator endpoints that hand out memory,
 * configuration, logs or control of the process, named in the HTTP exposure list and still
 * reachable.
 *
 * An endpoint is served over HTTP when `management.endpoints.web.exposure.include` names it,
 * `...exposure.exclude` does not (exclude wins), and it is available: Boot 3.4+ reads
 * `management.endpoint.<id>.access` (`none` switches it off) with the default in
 * `management.endpoints.access.default`; earlier versions read `management.endpoint.<id>.enabled`
 * with `management.endpoints.enabled-by-default`. A `*` in the list is left to the rule about
 * exposing everything. Values from placeholders make the outcome undetermined.
 */
import type { Scope } from '../../subjects/types';
import { combineAll, type Evidence } from '../evaluate';
import { flatScopeOf, PASS } from './config-scopes';
import { registerPredicate } from './registry';

/** Endpoints whose output or actions expose patient data, secrets or the process itself. */
export const SENSITIVE_ACTUATOR_ENDPOINTS = [
  'heapdump',
  'threaddump',
  'env',
  'configprops',
  'logfile',
  'loggers',
  'shutdown',
  'httpexchanges',
  'httptrace',
  'auditevents',
  'sessions',
  'jolokia',
] as const;

type Known = { value: unknown } | 'unknown' | undefined;

function listOf(value: unknown): string[] {
  return String(value ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
}

function single(scope: Scope, path: string): Known {
  const lookups = scope.resolve(path.split('.'));
  const known = lookups.filter((l) => l.state === 'known');
  if (lookups.some((l) => l.state === 'unknown')) return 'unknown';
  return known.length ? { value: (known[known.length - 1] as { value: unknown }).value } : undefined;
}

/** Whether the endpoint can be used at all (true), cannot (false), or depends on a placeholder. */
function available(scope: Scope, id: string): boolean | 'unknown' {
  const access = single(scope, `management.endpoint.${id}.access`);
  if (access === 'unknown') return 'unknown';
  if (access) return normalise(access.value) !== 'none';
  const enabled = single(scope, `management.endpoint.${id}.enabled`);
  if (enabled === 'unknown') return 'unknown';
  if (enabled) return String(enabled.value).toLowerCase() !== 'false';
  const defaultAccess = single(scope, 'management.endpoints.access.default');
  if (defaultAccess === 'unknown') return 'unknown';
  if (defaultAccess) return normalise(defaultAccess.value) !== 'none';
  const byDefault = single(scope, 'management.endpoints.enabled-by-default');
  if (byDefault === 'unknown') return 'unknown';
  return byDefault ? String(byDefault.value).toLowerCase() !== 'false' : true;
}

function normalise(value: unknown): string {
  return String(value ?? '').trim().toLowerCase().replace(/[-_]/g, '');
}

registerPredicate('spring-actuator-sensitive-endpoints', (scope: Scope): Evidence => {
  if (!flatScopeOf(scope)) return { ...PASS };
  const includes = scope.resolve(['management', 'endpoints', 'web', 'exposure', 'include']);
  const exclude = single(scope, 'management.endpoints.web.exposure.exclude');
  const excluded = exclude && exclude !== 'unknown' ? listOf(exclude.value) : [];
  const results: Evidence[] = [];
  for (const include of includes) {
    if (include.state === 'absent') continue;
    if (include.state === 'unknown') {
      results.push({ outcome: 'undetermined', range: include.range, reason: include.reason, origins: [], scope });
      continue;
    }
    const listed = listOf(include.value);
    if (listed.includes('*') || excluded.includes('*')) continue;
    const named = SENSITIVE_ACTUATOR_ENDPOINTS.filter((id) => listed.includes(id) && !excluded.includes(id));
    if (named.length === 0) continue;
    if (exclude === 'unknown') {
      results.push({ outcome: 'undetermined', range: include.range, reason: 'the exclusion list comes from a placeholder', origins: [], scope });
      continue;
    }
    const states = named.map((id) => ({ id, state: available(scope, id) }));
    const open = states.filter((s) => s.state === true).map((s) => s.id);
    if (open.length === 0) {
      if (states.some((s) => s.state === 'unknown')) {
        results.push({ outcome: 'undetermined', range: include.range, reason: 'whether the endpoints are switched on comes from a placeholder', origins: [], scope });
      }
      continue;
    }
    results.push({ outcome: 'fail', range: include.range, origins: [], lookup: include, scope, valueText: open.join(', ') });
  }
  return results.length ? combineAll(results) : { ...PASS };
});
