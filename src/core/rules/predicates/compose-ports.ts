/**
 * `compose-sensitive-ports-local`: database, message-broker and health-protocol ports that a
 * compose service publishes on every interface of the host.
 *
 * Compose publishes a port on all interfaces (`0.0.0.0` and `::`) unless the mapping names a host
 * address: `"5432:5432"`, `"5432"` (a random host port) and `"0.0.0.0:5432:5432"` are open to the
 * network, `"127.0.0.1:5432:5432"` is not. The long syntax says the same with `host_ip`.
 * Interpolated parts (`${DB_PORT}:5432`) are fine where they only choose the host port; an
 * interpolated host address or container port makes the outcome undetermined.
 */
import type { TreeNode } from '../../documents/tree';
import type { TreeHandle } from '../../subjects/tree-scope';
import type { Lookup, Scope } from '../../subjects/types';
import { combineAll, type Evidence } from '../evaluate';
import { isInterpolated } from './compose-environment';
import { PASS } from './config-scopes';
import { registerPredicate } from './registry';

/** Ports whose services should only be reached from inside the compose network or the host. */
export const COMPOSE_SENSITIVE_PORTS: ReadonlyArray<{ port: number; name: string }> = [
  { port: 104, name: 'DICOM' },
  { port: 1433, name: 'SQL Server' },
  { port: 1521, name: 'Oracle' },
  { port: 1883, name: 'MQTT' },
  { port: 2181, name: 'ZooKeeper' },
  { port: 2575, name: 'HL7 MLLP' },
  { port: 3306, name: 'MySQL' },
  { port: 4242, name: 'DICOM (Orthanc)' },
  { port: 5432, name: 'PostgreSQL' },
  { port: 5672, name: 'AMQP' },
  { port: 5984, name: 'CouchDB' },
  { port: 6379, name: 'Redis' },
  { port: 9042, name: 'Cassandra' },
  { port: 9092, name: 'Kafka' },
  { port: 9200, name: 'Elasticsearch' },
  { port: 9300, name: 'Elasticsearch transport' },
  { port: 11112, name: 'DICOM' },
  { port: 11211, name: 'Memcached' },
  { port: 15672, name: 'RabbitMQ management' },
  { port: 27017, name: 'MongoDB' },
  { port: 61616, name: 'ActiveMQ' },
];

export interface PortMapping {
  /** Host address, undefined when every interface is used. */
  hostIp: string | undefined;
  /** Container port range. */
  from: number;
  to: number;
}

export type ParsedPort = PortMapping | { unknown: string } | undefined;

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|localhost)$/i;

/** Splits on `:` outside `${...}` and `[...]`. */
function splitColons(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let bracket = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '$' && text[i + 1] === '{') depth++;
    else if (ch === '}' && depth > 0) depth--;
    else if (ch === '[' && depth === 0) bracket = true;
    else if (ch === ']' && depth === 0) bracket = false;
    if (ch === ':' && depth === 0 && !bracket) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

function portRange(text: string): { from: number; to: number } | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const from = Number(match[1]);
  return { from, to: match[2] ? Number(match[2]) : from };
}

/** The short syntax: `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`. */
export function parseShortPort(value: string | number): ParsedPort {
  const text = String(value).trim().replace(/\/(tcp|udp|sctp)$/i, '');
  const parts = splitColons(text);
  const container = parts[parts.length - 1];
  if (isInterpolated(container)) return { unknown: `the container port comes from ${container}` };
  const range = portRange(container);
  if (!range) return undefined;
  const hostIp = parts.length >= 3 ? parts.slice(0, parts.length - 2).join(':').replace(/^\[|\]$/g, '') : undefined;
  if (hostIp !== undefined && isInterpolated(hostIp)) return { unknown: `the host address comes from ${hostIp}` };
  return { hostIp: hostIp === '' ? undefined : hostIp, ...range };
}

function scalar(node: TreeNode | undefined): string | undefined {
  return node && node.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

/** The long syntax: `{ target, published, host_ip, protocol }`. */
export function parseLongPort(node: TreeNode): ParsedPort {
  if (node.kind !== 'map') return undefined;
  const get = (key: string) => scalar(node.entries.find((e) => e.key === key)?.value);
  const target = get('target');
  if (target === undefined) return undefined;
  if (isInterpolated(target)) return { unknown: `the container port comes from ${target}` };
  const range = portRange(target);
  if (!range) return undefined;
  const hostIp = get('host_ip');
  if (hostIp !== undefined && isInterpolated(hostIp)) return { unknown: `the host address comes from ${hostIp}` };
  return { hostIp, ...range };
}

/** Whether a mapping is reachable from other machines. */
export function publishedOnAllInterfaces(mapping: PortMapping): boolean {
  return mapping.hostIp === undefined || !LOOPBACK.test(mapping.hostIp);
}

export function sensitivePortsOf(mapping: PortMapping): Array<{ port: number; name: string }> {
  return COMPOSE_SENSITIVE_PORTS.filter((p) => p.port >= mapping.from && p.port <= mapping.to);
}

registerPredicate('compose-sensitive-ports-local', (scope: Scope): Evidence => {
  const handle = scope.handle as TreeHandle | undefined;
  if (handle?.kind !== 'tree' || handle.node.kind !== 'map') return { ...PASS };
  const ports = [...handle.node.entries].reverse().find((e) => e.key === 'ports')?.value;
  if (!ports || ports.kind !== 'seq') return { ...PASS };
  const results: Evidence[] = [];
  for (const item of ports.items) {
    const text = scalar(item);
    const parsed = text !== undefined ? parseShortPort(text) : parseLongPort(item);
    if (!parsed) continue;
    if ('unknown' in parsed) {
      results.push({ outcome: 'undetermined', range: item.range, reason: parsed.unknown, origins: [], scope });
      continue;
    }
    const sensitive = sensitivePortsOf(parsed);
    if (sensitive.length === 0 || !publishedOnAllInterfaces(parsed)) continue;
    // A long-syntax mapping spans lines; its `target` entry names the port that is exposed.
    const range = item.kind === 'map' ? item.entries.find((e) => e.key === 'target')?.range ?? item.range : item.range;
    const lookup: Lookup = { state: 'known', value: text ?? String(parsed.from), range, origins: [] };
    const described = sensitive.map((p) => `${p.port} (${p.name})`).join(', ');
    results.push({ outcome: 'fail', range, origins: [], lookup, scope, valueText: described });
  }
  return results.length ? combineAll(results) : { ...PASS };
});
