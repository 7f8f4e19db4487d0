/** Ports whose exposure to the internet we treat as sensitive, with names for messages. */
export const SENSITIVE_PORTS: ReadonlyArray<{ port: number; name: string }> = [
  { port: 22, name: 'SSH' },
  { port: 23, name: 'Telnet' },
  { port: 104, name: 'DICOM' },
  { port: 135, name: 'RPC' },
  { port: 445, name: 'SMB' },
  { port: 1433, name: 'SQL Server' },
  { port: 1521, name: 'Oracle' },
  { port: 1883, name: 'MQTT' },
  { port: 2575, name: 'HL7 MLLP' },
  { port: 3306, name: 'MySQL' },
  { port: 3389, name: 'RDP' },
  { port: 5432, name: 'PostgreSQL' },
  { port: 5601, name: 'Kibana' },
  { port: 5985, name: 'WinRM' },
  { port: 5986, name: 'WinRM' },
  { port: 6379, name: 'Redis' },
  { port: 8080, name: 'FHIR/HTTP admin' },
  { port: 8443, name: 'FHIR/HTTPS admin' },
  { port: 8883, name: 'MQTT over TLS' },
  { port: 9042, name: 'Cassandra' },
  { port: 9200, name: 'Elasticsearch' },
  { port: 11112, name: 'DICOM' },
  { port: 27017, name: 'MongoDB' },
];

/** The sensitive ports inside an inclusive range. */
export function sensitivePortsIn(from: number, to: number): Array<{ port: number; name: string }> {
  return SENSITIVE_PORTS.filter((p) => p.port >= from && p.port <= to);
}

export function describePorts(ports: Array<{ port: number; name: string }>, allPorts: boolean): string {
  if (allPorts) return 'all ports';
  const shown = ports.slice(0, 3).map((p) => `${p.port} (${p.name})`);
  return `port${ports.length > 1 ? 's' : ''} ${shown.join(', ')}${ports.length > 3 ? ` and ${ports.length - 3} more` : ''}`;
}

/** `-1`, `all` and `*` mean every protocol (and so every port). */
export function isAllProtocols(protocol: unknown): boolean {
  return protocol === '-1' || protocol === -1 || protocol === 'all' || protocol === '*';
}
