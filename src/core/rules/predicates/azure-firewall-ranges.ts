/**
 * Azure database firewall rules allow an IPv4 range from `start_ip_address` to `end_ip_address`.
 * `0.0.0.0`–`0.0.0.0` is Azure's special "allow Azure services" rule; a range as wide as a /8 or
 * wider admits a large part of the internet and is treated as open.
 */
import type { Lookup, Scope } from '../../subjects/types';
import type { Evidence } from '../evaluate';
import { registerPredicate } from './registry';

/** A /8: no database needs a firewall opening wider than this, and most need far less. */
export const WIDEST_ACCEPTED_RANGE = 2 ** 24 - 1;

export function ipv4ToNumber(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const parts = text.trim().split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    n = n * 256 + Number(part);
  }
  return n;
}

/** How many addresses the inclusive range admits, or undefined when either end is not an IPv4 address. */
export function rangeSize(start: unknown, end: unknown): number | undefined {
  const low = ipv4ToNumber(start);
  const high = ipv4ToNumber(end);
  if (low === undefined || high === undefined) return undefined;
  return Math.abs(high - low) + 1;
}

function undetermined(lookup: Lookup & { state: 'unknown' }, scope: Scope): Evidence {
  return { outcome: 'undetermined', range: lookup.range, reason: lookup.reason, origins: lookup.origins, scope };
}

registerPredicate('azure-firewall-range-not-open', (scope: Scope): Evidence => {
  const start = scope.resolve(['start_ip_address'])[0];
  const end = scope.resolve(['end_ip_address'])[0];
  if (start.state === 'unknown') return undetermined(start, scope);
  if (end.state === 'unknown') return undetermined(end, scope);
  if (start.state !== 'known' || end.state !== 'known') return { outcome: 'pass', origins: [] };
  const size = rangeSize(start.value, end.value);
  if (size === undefined || size <= WIDEST_ACCEPTED_RANGE) return { outcome: 'pass', origins: [...start.origins, ...end.origins] };
  return {
    outcome: 'fail',
    range: end.range,
    origins: end.origins,
    scope,
    lookup: end,
    valueText: `${String(start.value)}-${String(end.value)}`,
  };
});
