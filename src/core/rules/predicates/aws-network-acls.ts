/**
 * Network ACL entries that let the whole internet in on sensitive ports. Network ACLs are
 * evaluated in rule-number order and stop at the first match, so an allow entry is only reported
 * for the ports that no lower-numbered deny entry of the same ACL (from the same open range)
 * already blocks. Entries come as inline `ingress` blocks of `aws_network_acl` and
 * `aws_default_network_acl`, or as `aws_network_acl_rule` resources with `egress = false`.
 */
import type { Lookup, Scope } from '../../subjects/types';
import { TerraformScope } from '../../subjects/terraform-scope';
import { blockInstances } from './aws-block-instances';
import { combineAll, type EvalContext, type Evidence } from '../evaluate';
import { isPublicCidr } from '../operators';
import { describePorts, isAllProtocols, sensitivePortsIn, SENSITIVE_PORTS } from './network-ports';
import { registerPredicate } from './registry';

interface Entry {
  scope: Scope;
  ruleNumber: number;
  allow: boolean;
  /** The open range this entry applies to ('0.0.0.0/0' or '::/0'), with its lookup. */
  openCidr?: { cidr: string; lookup: Lookup & { state: 'known' } };
  /** Sensitive ports covered; every port when the protocol is all or the range is 0-65535. */
  ports: number[];
  allPorts: boolean;
  unknown?: Evidence;
}

function single(scope: Scope, name: string): Lookup {
  return scope.resolve([name])[0];
}

function unknownEvidence(lookup: Lookup & { state: 'unknown' }, scope: Scope): Evidence {
  return { outcome: 'undetermined', range: lookup.range, reason: lookup.reason, origins: lookup.origins, scope };
}

/** TCP (6) and UDP (17) carry ports; ICMP and other protocols do not reach these services. */
function carriesPorts(protocol: unknown): boolean {
  const p = String(protocol).trim().toLowerCase();
  return p === '6' || p === '17' || p === 'tcp' || p === 'udp';
}

function readEntry(scope: Scope, actionAttribute: string): Entry {
  const entry: Entry = { scope, ruleNumber: Number.POSITIVE_INFINITY, allow: false, ports: [], allPorts: false };
  const action = single(scope, actionAttribute);
  // Inline entries number themselves with `rule_no`, aws_network_acl_rule with `rule_number`.
  const inline = single(scope, 'rule_no');
  const ruleNumber = inline.state === 'absent' ? single(scope, 'rule_number') : inline;
  if (ruleNumber.state === 'known' && Number.isFinite(Number(ruleNumber.value))) entry.ruleNumber = Number(ruleNumber.value);
  if (action.state === 'unknown') {
    entry.unknown = unknownEvidence(action, scope);
    return entry;
  }
  entry.allow = action.state === 'known' && String(action.value).toLowerCase() === 'allow';
  for (const attribute of ['cidr_block', 'ipv6_cidr_block']) {
    const cidr = single(scope, attribute);
    if (cidr.state === 'unknown') {
      entry.unknown = unknownEvidence(cidr, scope);
      return entry;
    }
    if (cidr.state === 'known' && isPublicCidr(cidr.value)) entry.openCidr = { cidr: String(cidr.value).trim(), lookup: cidr };
  }
  if (!entry.openCidr) return entry;
  const protocol = single(scope, 'protocol');
  if (protocol.state === 'unknown') {
    entry.unknown = unknownEvidence(protocol, scope);
    return entry;
  }
  if (protocol.state === 'known' && isAllProtocols(protocol.value)) {
    entry.allPorts = true;
    entry.ports = SENSITIVE_PORTS.map((p) => p.port);
    return entry;
  }
  if (protocol.state !== 'known' || !carriesPorts(protocol.value)) return entry;
  const from = single(scope, 'from_port');
  const to = single(scope, 'to_port');
  for (const bound of [from, to]) {
    if (bound.state === 'unknown') {
      entry.unknown = unknownEvidence(bound, scope);
      return entry;
    }
  }
  const low = from.state === 'known' ? Number(from.value) : NaN;
  const high = to.state === 'known' ? Number(to.value) : low;
  if (Number.isNaN(low)) return entry;
  const top = Number.isNaN(high) ? low : high;
  entry.allPorts = low <= 0 && top >= 65535;
  entry.ports = sensitivePortsIn(low, top).map((p) => p.port);
  return entry;
}

/** Judges the entries of one ACL together, so deny entries can shadow later allow entries. */
function judge(entries: Entry[]): Evidence {
  const results: Evidence[] = [];
  const ordered = [...entries].sort((a, b) => a.ruleNumber - b.ruleNumber);
  for (const [index, entry] of ordered.entries()) {
    if (entry.unknown) {
      results.push(entry.unknown);
      continue;
    }
    if (!entry.allow || !entry.openCidr || entry.ports.length === 0) continue;
    const blocked = new Set<number>();
    for (const earlier of ordered.slice(0, index)) {
      if (earlier.allow || earlier.unknown || earlier.openCidr?.cidr !== entry.openCidr.cidr) continue;
      for (const port of earlier.ports) blocked.add(port);
    }
    const open = entry.ports.filter((p) => !blocked.has(p));
    if (open.length === 0) continue;
    const lookup = entry.openCidr.lookup;
    const names = SENSITIVE_PORTS.filter((p) => open.includes(p.port));
    const everything = entry.allPorts && blocked.size === 0;
    results.push({
      outcome: 'fail',
      range: lookup.range,
      origins: lookup.origins,
      lookup,
      scope: entry.scope,
      valueText: everything ? 'all ports' : describePorts(names, false),
    });
  }
  return combineAll(results);
}

registerPredicate('aws-nacl-no-public-sensitive-ingress', (scope: Scope, _args, ctx: EvalContext): Evidence => {
  if (ctx.subject.type === 'aws_network_acl_rule') {
    const egress = single(scope, 'egress');
    if (egress.state === 'unknown') return unknownEvidence(egress, scope);
    if (egress.state === 'known' && String(egress.value).toLowerCase() === 'true') return { outcome: 'pass', origins: [] };
    return judge([readEntry(scope, 'rule_action')]);
  }
  if (!(scope instanceof TerraformScope)) return { outcome: 'pass', origins: [] };
  // Entries of a dynamic block over an unknown list carry unknown values, reported as such.
  return judge(blockInstances(scope, 'ingress').map(({ scope: ingress }) => readEntry(ingress, 'action')));
});
