/**
 * Azure network security rules write destination ports as strings: `"3389"`, `"1000-2000"` or `"*"`
 * (every port). These helpers turn such strings into the sensitive ports they cover.
 */
import { sensitivePortsIn } from './network-ports';

export interface PortCoverage {
  /** True when the range is `*` or spans 0/1 to 65535. */
  allPorts: boolean;
  ports: Array<{ port: number; name: string }>;
}

/** `"22"`, `"1000-2000"`, `"*"`, or a number; undefined when the text is not a port range. */
export function parseAzurePortRange(value: unknown): { from: number; to: number } | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return { from: value, to: value };
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '*') return { from: 0, to: 65535 };
  const match = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(text);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  return from <= to ? { from, to } : { from: to, to: from };
}

/** The sensitive ports covered by a list of Azure port range strings (unparseable entries are skipped). */
export function coverageOf(ranges: unknown[]): PortCoverage {
  const found = new Map<number, { port: number; name: string }>();
  let allPorts = false;
  for (const entry of ranges) {
    const range = parseAzurePortRange(entry);
    if (!range) continue;
    if (range.from <= 1 && range.to >= 65535) allPorts = true;
    for (const p of sensitivePortsIn(range.from, range.to)) found.set(p.port, p);
  }
  return { allPorts, ports: [...found.values()].sort((a, b) => a.port - b.port) };
}
