/**
 * `google_compute_firewall` rules that let the whole internet reach sensitive ports. Google Cloud
 * firewall rules are ingress unless they say otherwise, apply to every source when no source is
 * given, and open every port of a protocol when `ports` is left out.
 */
import type { Range } from '../../text/position';
import type { Lookup, Scope } from '../../subjects/types';
import { TerraformScope } from '../../subjects/terraform-scope';
import type { EvalContext, Evidence } from '../evaluate';
import { isPublicCidr } from '../operators';
import { registerPredicate } from './registry';
import { describePorts, isAllProtocols, sensitivePortsIn } from './network-ports';
import { PASS, blockInstances, knownString, single, undetermined } from './gcp-scopes';

/** Protocols that carry ports; IP protocol numbers 6, 17 and 132 are TCP, UDP and SCTP. */
const PORT_PROTOCOLS = new Set(['tcp', 'udp', 'sctp', '6', '17', '132']);

interface PortRange {
  low: number;
  high: number;
}

/** `"22"` or `"1000-2000"`; undefined for text that is not a port or range. */
export function parsePortRange(text: string): PortRange | undefined {
  const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(text);
  if (!match) return undefined;
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  return low <= high ? { low, high } : undefined;
}

type PortVerdict = { kind: 'none' } | { kind: 'open'; text: string } | { kind: 'unknown'; evidence: Evidence };

/** What one `allow` block opens that we treat as sensitive. */
function allowedSensitive(allow: TerraformScope): PortVerdict {
  const protocol = single(allow, 'protocol');
  if (protocol.state === 'unknown') return { kind: 'unknown', evidence: undetermined(protocol, allow) };
  const name = (knownString(protocol) ?? '').toLowerCase();
  if (isAllProtocols(name)) return { kind: 'open', text: 'all ports' };
  if (!PORT_PROTOCOLS.has(name)) return { kind: 'none' };
  const ports = single(allow, 'ports');
  if (ports.state === 'unknown') return { kind: 'unknown', evidence: undetermined(ports, allow) };
  if (ports.state === 'absent' || (Array.isArray(ports.value) && ports.value.length === 0)) return { kind: 'open', text: 'all ports' };
  const list = Array.isArray(ports.value) ? ports.value : [ports.value];
  const found: Array<{ port: number; name: string }> = [];
  for (const entry of list) {
    if (typeof entry !== 'string' && typeof entry !== 'number') {
      return { kind: 'unknown', evidence: { outcome: 'undetermined', range: ports.range, reason: 'one of the ports is not known before apply', origins: ports.origins, scope: allow } };
    }
    const range = parsePortRange(String(entry));
    if (!range) continue;
    if (range.low <= 0 && range.high >= 65535) return { kind: 'open', text: 'all ports' };
    for (const port of sensitivePortsIn(range.low, range.high)) if (!found.some((p) => p.port === port.port)) found.push(port);
  }
  return found.length ? { kind: 'open', text: describePorts(found, false) } : { kind: 'none' };
}

/** Where the rule's sources are written, and whether they include the whole internet. */
function publicSource(scope: TerraformScope): { range: Range; lookup?: Lookup } | Evidence | undefined {
  const ranges = single(scope, 'source_ranges');
  if (ranges.state === 'unknown') return undetermined(ranges, scope);
  if (ranges.state === 'absent') {
    const tags = single(scope, 'source_tags');
    const accounts = single(scope, 'source_service_accounts');
    // With no source at all, Google Cloud applies the rule to 0.0.0.0/0.
    return tags.state === 'absent' && accounts.state === 'absent' ? { range: scope.headerRange } : undefined;
  }
  const list = Array.isArray(ranges.value) ? ranges.value : [ranges.value];
  if (list.some(isPublicCidr)) return { range: ranges.range, lookup: ranges };
  if (list.some((v) => v !== null && typeof v === 'object')) {
    return { outcome: 'undetermined', range: ranges.range, reason: 'one of the source ranges is not known before apply', origins: ranges.origins, scope };
  }
  return undefined;
}

registerPredicate('gcp-firewall-no-public-sensitive-ingress', (scope: Scope, _args, _ctx: EvalContext): Evidence => {
  if (!(scope instanceof TerraformScope)) return PASS;
  const disabled = single(scope, 'disabled');
  if (disabled.state === 'known' && disabled.value === true) return PASS;
  const direction = single(scope, 'direction');
  if (direction.state === 'unknown') return undetermined(direction, scope);
  if ((knownString(direction) ?? 'INGRESS').toUpperCase() !== 'INGRESS') return PASS;
  const source = publicSource(scope);
  if (!source) return PASS;
  if ('outcome' in source) return source;
  const verdicts = blockInstances(scope, 'allow').map(allowedSensitive);
  const open = verdicts.filter((v): v is { kind: 'open'; text: string } => v.kind === 'open');
  if (open.length > 0) {
    const text = open.some((v) => v.text === 'all ports') ? 'all ports' : open.map((v) => v.text).join(' and ');
    const lookup = source.lookup;
    return { outcome: 'fail', range: source.range, scope, lookup, origins: lookup && lookup.state === 'known' ? lookup.origins : [], valueText: text };
  }
  const unknown = verdicts.find((v): v is { kind: 'unknown'; evidence: Evidence } => v.kind === 'unknown');
  return unknown ? unknown.evidence : PASS;
});
