/**
 * Ingress open to the internet on sensitive ports, for the three ways the AWS provider writes
 * security group rules: inline `ingress` blocks, `aws_security_group_rule` with type "ingress",
 * and `aws_vpc_security_group_ingress_rule` (one CIDR per rule).
 */
import type { Lookup, Scope } from '../../subjects/types';
import { combineAll, type EvalContext, type Evidence } from '../evaluate';
import { isPublicCidr } from '../operators';
import { registerPredicate } from './registry';
import { describePorts, isAllProtocols, sensitivePortsIn } from './network-ports';

function single(scope: Scope, name: string): Lookup {
  return scope.resolve([name])[0];
}

function unknownEvidence(lookup: Lookup & { state: 'unknown' }, scope: Scope): Evidence {
  return { outcome: 'undetermined', range: lookup.range, reason: lookup.reason, origins: lookup.origins, scope };
}

/** One ingress rule: CIDR lists (IPv4 and IPv6 attribute names differ per resource) and ports. */
function checkIngress(scope: Scope, cidrAttributes: string[], protocolAttribute: string): Evidence {
  const protocol = single(scope, protocolAttribute);
  const from = single(scope, 'from_port');
  const to = single(scope, 'to_port');
  for (const attribute of cidrAttributes) {
    const cidrs = single(scope, attribute);
    if (cidrs.state === 'absent') continue;
    if (cidrs.state === 'unknown') return unknownEvidence(cidrs, scope);
    const list = Array.isArray(cidrs.value) ? cidrs.value : [cidrs.value];
    if (!list.some(isPublicCidr)) {
      const pending = list.find((v) => v !== null && typeof v === 'object');
      if (pending) return { outcome: 'undetermined', range: cidrs.range, reason: 'one of the source ranges is not known before apply', origins: cidrs.origins, scope };
      continue;
    }
    if (protocol.state === 'unknown') return unknownEvidence(protocol, scope);
    const all = protocol.state === 'known' && isAllProtocols(protocol.value);
    let ports: Array<{ port: number; name: string }> = [];
    if (!all) {
      if (protocol.state === 'known' && String(protocol.value).toLowerCase() === 'icmp') continue;
      if (from.state === 'unknown') return unknownEvidence(from, scope);
      if (to.state === 'unknown') return unknownEvidence(to, scope);
      const low = from.state === 'known' ? Number(from.value) : NaN;
      const high = to.state === 'known' ? Number(to.value) : low;
      if (Number.isNaN(low)) continue;
      ports = sensitivePortsIn(low, Number.isNaN(high) ? low : high);
      if (low === 0 && high >= 65535) {
        return { outcome: 'fail', range: cidrs.range, origins: cidrs.origins, scope, lookup: cidrs, valueText: 'all ports' };
      }
      if (ports.length === 0) continue;
    }
    return { outcome: 'fail', range: cidrs.range, origins: cidrs.origins, scope, lookup: cidrs, valueText: describePorts(ports, all) };
  }
  return { outcome: 'pass', origins: [] };
}

registerPredicate('aws-no-public-sensitive-ingress', (scope: Scope, _args, ctx: EvalContext): Evidence => {
  switch (ctx.subject.type) {
    case 'aws_security_group':
      return combineAll(scope.items(['ingress']).map((ingress) => checkIngress(ingress, ['cidr_blocks', 'ipv6_cidr_blocks'], 'protocol')));
    case 'aws_security_group_rule': {
      const type = single(scope, 'type');
      if (type.state === 'unknown') return unknownEvidence(type, scope);
      if (type.state !== 'known' || type.value !== 'ingress') return { outcome: 'pass', origins: [] };
      return checkIngress(scope, ['cidr_blocks', 'ipv6_cidr_blocks'], 'protocol');
    }
    case 'aws_vpc_security_group_ingress_rule':
      return checkIngress(scope, ['cidr_ipv4', 'cidr_ipv6'], 'ip_protocol');
    default:
      return { outcome: 'pass', origins: [] };
  }
});
