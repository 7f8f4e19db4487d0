/**
 * The oldest TLS version a named AWS security policy accepts, compared with our policy
 * (`minTlsVersion`, 1.2 by default). AWS names these policies per service: load balancers
 * (`ELBSecurityPolicy-TLS13-1-2-2021-06`, `ELBSecurityPolicy-2016-08`), API Gateway (`TLS_1_2`,
 * `SecurityPolicy_TLS13_1_3_2025_09`), CloudFront (`TLSv1.2_2021`, `TLSv1_2016`) and OpenSearch
 * (`Policy-Min-TLS-1-2-2019-07`).
 */
import type { Lookup, Scope } from '../../subjects/types';
import { combineAll, splitPath, type EvalContext, type Evidence } from '../evaluate';
import { parseVersion } from '../operators';
import { registerPredicate } from './registry';

/** Policies whose names carry no version but which accept TLS 1.0 (and older) clients. */
const LEGACY_TLS10 = /^ELBSecurityPolicy-(20\d\d-\d\d|FS-2018-06)$/i;

/**
 * The minimum protocol version as [major, minor] (SSLv3 is [0, 3]), or undefined for a name this
 * table does not know, which the rule reports as undetermined rather than guess.
 */
export function minimumTlsVersion(policy: string): [number, number] | undefined {
  const name = policy.trim();
  if (/^SSLv3$/i.test(name)) return [0, 3];
  if (LEGACY_TLS10.test(name)) return [1, 0];
  // CloudFront's first TLS 1.0 policies: `TLSv1` and `TLSv1_2016`.
  if (/^TLSv1(_\d{4})?$/i.test(name)) return [1, 0];
  const tls13Family = /TLS13[-_](\d)[-_](\d)(?!\d)/i.exec(name);
  if (tls13Family) return [Number(tls13Family[1]), Number(tls13Family[2])];
  // API Gateway edge policies: `SecurityPolicy_TLS13_2025_EDGE`, `SecurityPolicy_TLS12_2018_EDGE`.
  const edge = /TLS1([23])[-_]/i.exec(name);
  if (edge && /^SecurityPolicy_/i.test(name)) return [1, Number(edge[1])];
  const dotted = /(?:TLS|FS)[-_]?v?(\d)[-_.](\d)(?!\d)/i.exec(name);
  if (dotted) return [Number(dotted[1]), Number(dotted[2])];
  return undefined;
}

function atLeast(have: [number, number], want: number[]): boolean {
  if (have[0] !== (want[0] ?? 0)) return have[0] > (want[0] ?? 0);
  return have[1] >= (want[1] ?? 0);
}

function judge(lookup: Lookup, scope: Scope, fallback: string | undefined, ctx: EvalContext): Evidence {
  if (lookup.state === 'unknown') {
    return { outcome: 'undetermined', range: lookup.range, reason: lookup.reason, origins: lookup.origins, lookup, scope };
  }
  // A null value leaves the argument unset in Terraform, so the service default applies.
  const written = lookup.state === 'known' && lookup.value !== null;
  const name = written ? lookup.value : fallback;
  if (name === undefined) return { outcome: 'pass', origins: [] };
  const range = lookup.state === 'known' ? lookup.range : lookup.anchor;
  const origins = lookup.state === 'known' ? lookup.origins : [];
  if (typeof name !== 'string') return { outcome: 'fail', range, origins, lookup, scope, valueText: JSON.stringify(name) };
  const version = minimumTlsVersion(name);
  if (!version) {
    return { outcome: 'undetermined', range, reason: `"${name}" is not a security policy this rule knows, so its oldest TLS version cannot be told`, origins, lookup, scope };
  }
  const wanted = parseVersion(ctx.config.minTlsVersion) ?? [1, 2];
  if (atLeast(version, wanted)) return { outcome: 'pass', origins };
  return { outcome: 'fail', range, origins, lookup, scope, valueText: written ? name : `${name} (the default)` };
}

/**
 * args: `path` (dotted, may fan out over nested blocks), `default` (the policy AWS applies when the
 * argument is left out; without it a missing argument passes).
 */
registerPredicate('aws-tls-policy-min-version', (scope: Scope, args, ctx: EvalContext): Evidence => {
  const path = typeof args.path === 'string' ? args.path : '';
  const fallback = typeof args.default === 'string' ? args.default : undefined;
  return combineAll(scope.resolve(splitPath(path)).map((lookup) => judge(lookup, scope, fallback, ctx)));
});
