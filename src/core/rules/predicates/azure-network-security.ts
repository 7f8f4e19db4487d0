/**
 * Inbound rules open to the internet on sensitive ports, for the two ways the azurerm provider
 * writes network security rules: `security_rule` inside `azurerm_network_security_group` (as
 * nested blocks or as a list attribute) and the standalone `azurerm_network_security_rule`.
 */
import type { Range } from '../../text/position';
import type { Expression } from '../../hcl/ast';
import type { Lookup, Scope } from '../../subjects/types';
import type { HclHandle } from '../../subjects/terraform-scope';
import { Unknown } from '../../terraform/types';
import { getAttribute, staticString } from '../../terraform';
import { staticName } from '../../terraform/blocks';
import { combineAll, type EvalContext, type Evidence } from '../evaluate';
import { isPublicCidr } from '../operators';
import { registerPredicate } from './registry';
import { describePorts } from './network-ports';
import { coverageOf } from './azure-port-ranges';

type Reader = (name: string) => Lookup;

const PASS: Evidence = { outcome: 'pass', origins: [] };
/** Protocols without ports: a rule for them opens no service port. */
const PORTLESS = new Set(['icmp', 'esp', 'ah']);

function undetermined(lookup: Lookup & { state: 'unknown' }, scope: Scope): Evidence {
  return { outcome: 'undetermined', range: lookup.range, reason: lookup.reason, origins: lookup.origins, scope };
}

function lowerText(lookup: Lookup): string | undefined {
  return lookup.state === 'known' && typeof lookup.value === 'string' ? lookup.value.trim().toLowerCase() : undefined;
}

/** Values of a single-or-list pair of attributes, with the first unknown one if any. */
function gather(read: Reader, names: string[]): { values: Array<{ value: unknown; lookup: Lookup }>; pending?: Lookup & { state: 'unknown' } } {
  const values: Array<{ value: unknown; lookup: Lookup }> = [];
  let pending: (Lookup & { state: 'unknown' }) | undefined;
  for (const name of names) {
    const lookup = read(name);
    if (lookup.state === 'unknown') {
      pending ??= lookup;
      continue;
    }
    if (lookup.state !== 'known' || lookup.value === null) continue;
    for (const value of Array.isArray(lookup.value) ? lookup.value : [lookup.value]) {
      if (value instanceof Unknown) pending ??= { state: 'unknown', reason: value.reason, range: lookup.range, origins: lookup.origins };
      else values.push({ value, lookup });
    }
  }
  return { values, pending };
}

export function checkSecurityRule(read: Reader, scope: Scope): Evidence {
  const direction = read('direction');
  const access = read('access');
  const protocol = read('protocol');
  if (lowerText(direction) !== undefined && lowerText(direction) !== 'inbound') return PASS;
  if (lowerText(access) !== undefined && lowerText(access) !== 'allow') return PASS;
  if (PORTLESS.has(lowerText(protocol) ?? '')) return PASS;

  const sources = gather(read, ['source_address_prefix', 'source_address_prefixes']);
  const open = sources.values.find((s) => isPublicCidr(s.value));
  if (!open) return sources.pending ? undetermined(sources.pending, scope) : PASS;

  const ports = gather(read, ['destination_port_range', 'destination_port_ranges']);
  const coverage = coverageOf(ports.values.map((p) => p.value));
  if (!coverage.allPorts && coverage.ports.length === 0) return ports.pending ? undetermined(ports.pending, scope) : PASS;

  for (const gate of [direction, access, protocol]) if (gate.state === 'unknown') return undetermined(gate, scope);
  const hit = open.lookup as Lookup & { state: 'known' };
  return {
    outcome: 'fail',
    range: hit.range,
    origins: hit.origins,
    scope,
    lookup: hit,
    valueText: describePorts(coverage.ports, coverage.allPorts),
  };
}

function blockReader(scope: Scope): Reader {
  return (name) => scope.resolve([name])[0];
}

/**
 * `security_rule = [{ ... }]`: a field of an entry points at its own value when the entry is
 * written as an object literal, else at the whole list attribute.
 */
function objectReader(entry: Record<string, unknown>, holder: Lookup & { state: 'known' }, scope: Scope, written?: Expression): Reader {
  const rangeOf = (name: string): Range => {
    if (written?.type !== 'Object') return holder.range;
    const item = written.items.find((i) => (staticName(i.key) ?? staticString(i.key)) === name);
    return item ? item.value.range : holder.range;
  };
  return (name) => {
    const value = entry[name];
    if (value === undefined || value === null) return { state: 'absent', anchor: holder.range, scope, path: [name] };
    if (value instanceof Unknown) return { state: 'unknown', reason: value.reason, range: rangeOf(name), origins: [...holder.origins, ...value.origins] };
    return { state: 'known', value, range: rangeOf(name), origins: holder.origins };
  };
}

/** The element expressions of a list attribute written literally, to point into them. */
function writtenEntries(scope: Scope, name: string): Expression[] {
  const handle = scope.handle as HclHandle | undefined;
  if (handle?.kind !== 'hcl') return [];
  const expr = getAttribute(handle.body, name)?.expr;
  return expr?.type === 'Tuple' ? expr.elements : [];
}

function checkGroup(scope: Scope): Evidence {
  const blocks = scope.items(['security_rule']);
  if (blocks.length > 0) return combineAll(blocks.map((block) => checkSecurityRule(blockReader(block), block)));
  const attribute = scope.resolve(['security_rule'])[0];
  if (attribute.state === 'unknown') return undetermined(attribute, scope);
  if (attribute.state !== 'known' || !Array.isArray(attribute.value)) return PASS;
  const written = writtenEntries(scope, 'security_rule');
  const sameShape = written.length === attribute.value.length;
  return combineAll(
    attribute.value.map((entry, index) => {
      if (entry instanceof Unknown) return undetermined({ state: 'unknown', reason: entry.reason, range: attribute.range, origins: attribute.origins }, scope);
      if (!entry || typeof entry !== 'object') return PASS;
      return checkSecurityRule(objectReader(entry as Record<string, unknown>, attribute, scope, sameShape ? written[index] : undefined), scope);
    }),
  );
}

registerPredicate('azure-nsg-no-public-sensitive-inbound', (scope: Scope, _args, ctx: EvalContext): Evidence => {
  switch (ctx.subject.type) {
    case 'azurerm_network_security_group':
      return checkGroup(scope);
    case 'azurerm_network_security_rule':
      return checkSecurityRule(blockReader(scope), scope);
    default:
      return PASS;
  }
});
