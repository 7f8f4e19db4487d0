/**
 * Preloaded with `node --require` (and installable in-process): every way Node can open a network
 * connection or resolve a name throws, and each attempt is appended to the file named by
 * ENISA_NETWORK_LOG, so a test can prove a run made none. Plain CommonJS at runtime, no imports
 * from the project.
 */
// `import x = require()`: the hooks must replace properties of the real module objects, not of
// the namespace copies an ES import would create.
import dgram = require('node:dgram');
import dns = require('node:dns');
import fs = require('node:fs');
import http = require('node:http');
import https = require('node:https');
import net = require('node:net');
import tls = require('node:tls');

export const NETWORK_DENIED = 'network access denied by the zero-egress test';

type Restore = () => void;

function record(what: string): never {
  const log = process.env.ENISA_NETWORK_LOG;
  if (log) fs.appendFileSync(log, `${what}\n`);
  throw new Error(`${NETWORK_DENIED}: ${what}`);
}

function deny(target: object, name: string, label: string, restores: Restore[]): void {
  const holder = target as Record<string, unknown>;
  const original = holder[name];
  if (typeof original !== 'function') return;
  holder[name] = () => record(label);
  restores.push(() => {
    holder[name] = original;
  });
}

/** Installs the hooks; returns a function that removes them. */
export function denyNetwork(): Restore {
  const restores: Restore[] = [];
  deny(net.Socket.prototype, 'connect', 'net.Socket#connect', restores);
  for (const name of ['connect', 'createConnection']) deny(net, name, `net.${name}`, restores);
  deny(tls, 'connect', 'tls.connect', restores);
  for (const name of ['request', 'get']) {
    deny(http, name, `http.${name}`, restores);
    deny(https, name, `https.${name}`, restores);
  }
  deny(dgram, 'createSocket', 'dgram.createSocket', restores);
  for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) deny(dns, name, `dns.${name}`, restores);
  for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) deny(dns.promises, name, `dns.promises.${name}`, restores);
  const global = globalThis as Record<string, unknown>;
  for (const name of ['fetch', 'WebSocket', 'EventSource']) {
    const original = global[name];
    global[name] = () => record(`globalThis.${name}`);
    restores.push(() => {
      global[name] = original;
    });
  }
  return () => {
    for (const restore of restores.reverse()) restore();
  };
}

// Preloaded with --require: deny for the whole process.
if (process.env.ENISA_DENY_NETWORK === '1') denyNetwork();
