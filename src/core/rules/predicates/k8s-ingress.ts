/**
 * Ingress checks rule paths cannot express: annotations (whose keys hold dots and slashes) and
 * whether every host an Ingress routes is covered by one of its TLS entries.
 */
import { combineAll, type Evidence } from '../evaluate';
import { registerPredicate } from './registry';
import { failAt, kubernetesSubject, lookupOne, objectAnnotation, pass } from './k8s-context';

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/**
 * None of the object's annotations `args.keys` holds one of `args.values` (compared without case
 * and surrounding spaces). The evidence scope is the object, so a fix can address the annotation
 * with a quoted path segment (`metadata.annotations."nginx.ingress.kubernetes.io/ssl-redirect"`).
 */
registerPredicate('k8s-annotation-not', (_scope, args, ctx): Evidence => {
  const keys = strings(args.keys);
  const values = new Set(strings(args.values).map((v) => v.trim().toLowerCase()));
  if (keys.length === 0 || values.size === 0) throw new Error('k8s-annotation-not needs args.keys and args.values');
  const subject = kubernetesSubject(ctx);
  const results: Evidence[] = [];
  for (const key of keys) {
    const annotation = objectAnnotation(subject.object, key);
    if (!annotation) continue;
    const node = annotation.node;
    if (node.kind === 'templated') results.push({ outcome: 'undetermined', range: node.range, reason: node.reason, origins: [] });
    else if (node.kind === 'scalar' && node.value !== null && values.has(String(node.value).trim().toLowerCase())) {
      const lookup = { state: 'known' as const, value: node.value, range: node.range, keyRange: annotation.keyRange, origins: [] };
      results.push(failAt(lookup, subject, `${key}: ${String(node.value)}`));
    }
  }
  return results.length ? combineAll(results) : pass();
});

/** `*.example.eu` covers `portal.example.eu` (one label), not `example.eu` or `a.b.example.eu`. */
export function tlsHostCovers(tlsHost: string, host: string): boolean {
  const pattern = tlsHost.trim().toLowerCase();
  const name = host.trim().toLowerCase();
  if (pattern === name) return true;
  if (!pattern.startsWith('*.')) return false;
  const dot = name.indexOf('.');
  return dot > 0 && name.slice(dot) === pattern.slice(1);
}

/**
 * Every `spec.rules[].host` is listed in some `spec.tls[].hosts` (a TLS entry without hosts covers
 * every host, as controllers then use their default certificate). Ingresses without `spec.tls`
 * pass here: `k8s-ingress-tls-configured` reports them. The evidence scope is the Ingress and the
 * lookup the uncovered host, so a fix can add that host to a TLS entry.
 */
registerPredicate('k8s-ingress-tls-covers-hosts', (_scope, _args, ctx): Evidence => {
  const subject = kubernetesSubject(ctx);
  const tlsEntries = subject.items(['spec', 'tls']);
  if (tlsEntries.length === 0) return pass();
  const covered: string[] = [];
  for (const entry of tlsEntries) {
    const hosts = lookupOne(entry, ['hosts']);
    if (hosts.state === 'unknown') return { outcome: 'undetermined', range: hosts.range, reason: hosts.reason, origins: [] };
    if (hosts.state === 'absent' || (hosts.state === 'known' && strings(hosts.value).length === 0)) return pass();
    covered.push(...strings(hosts.value));
  }
  const results: Evidence[] = [];
  for (const rule of subject.items(['spec', 'rules'])) {
    const host = lookupOne(rule, ['host']);
    if (host.state === 'unknown') results.push({ outcome: 'undetermined', range: host.range, reason: host.reason, origins: [] });
    else if (host.state === 'known' && typeof host.value === 'string' && host.value !== '' && !covered.some((c) => tlsHostCovers(c, host.value as string))) {
      results.push(failAt(host, subject, host.value));
    }
  }
  return results.length ? combineAll(results) : pass();
});
