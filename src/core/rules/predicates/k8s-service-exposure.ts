/**
 * Services that put health protocols (DICOM, HL7 MLLP, MQTT, FHIR servers' HTTP ports) and
 * databases on addresses outside the cluster: LoadBalancer Services without source ranges (or
 * open to 0.0.0.0/0), and NodePort Services, which listen on every node's address.
 */
import type { K8sObject } from '../../kubernetes/objects';
import type { KubernetesSubject } from '../../subjects/kubernetes-subjects';
import type { Lookup, Scope } from '../../subjects/types';
import { combineAll, type Evidence } from '../evaluate';
import { isPublicCidr } from '../operators';
import { registerPredicate } from './registry';
import { SENSITIVE_PORTS } from './network-ports';
import { NoFixScope, kubernetesSubject, lookupOne, numberValue, objectAnnotation, pass, undetermined } from './k8s-context';

/** Port names that announce a health protocol or a database whatever the number. */
const SENSITIVE_PORT_NAME = /dicom|hl7|mllp|mqtt|fhir|postgres|mysql|mariadb|mongo|redis|mssql|oracle|cassandra|elastic/i;

export interface ExposedPort {
  lookup: Lookup & { state: 'known' };
  scope: Scope;
  description: string;
}

/** The Service's ports that carry a sensitive protocol (by number or by name), and unknown ports. */
export function sensitiveServicePorts(subject: Scope): { exposed: ExposedPort[]; unknown?: Lookup & { state: 'unknown' } } {
  const exposed: ExposedPort[] = [];
  let unknown: (Lookup & { state: 'unknown' }) | undefined;
  for (const item of subject.items(['spec', 'ports'])) {
    const port = lookupOne(item, ['port']);
    if (port.state === 'unknown') {
      unknown ??= port;
      continue;
    }
    if (port.state !== 'known') continue;
    const number = numberValue(port.value);
    const known = SENSITIVE_PORTS.find((p) => p.port === number);
    const name = lookupOne(item, ['name']);
    const named = name.state === 'known' && typeof name.value === 'string' && SENSITIVE_PORT_NAME.test(name.value) ? name.value : undefined;
    if (known) exposed.push({ lookup: port, scope: item, description: `port ${known.port} (${known.name})` });
    else if (named) exposed.push({ lookup: port, scope: item, description: `port ${String(port.value)} named "${named}"` });
  }
  return { exposed, unknown };
}

/** Annotations with which cloud controllers create a load balancer on private addresses only. */
const INTERNAL_LOAD_BALANCER: ReadonlyArray<{ key: string; internal: (value: string) => boolean }> = [
  { key: 'service.beta.kubernetes.io/aws-load-balancer-internal', internal: (v) => v.toLowerCase() !== 'false' },
  { key: 'service.beta.kubernetes.io/aws-load-balancer-scheme', internal: (v) => v.toLowerCase() === 'internal' },
  { key: 'service.beta.kubernetes.io/azure-load-balancer-internal', internal: (v) => v.toLowerCase() === 'true' },
  { key: 'networking.gke.io/load-balancer-type', internal: (v) => v.toLowerCase() === 'internal' },
  { key: 'cloud.google.com/load-balancer-type', internal: (v) => v.toLowerCase() === 'internal' },
  { key: 'service.beta.kubernetes.io/oci-load-balancer-internal', internal: (v) => v.toLowerCase() === 'true' },
  { key: 'service.beta.kubernetes.io/openstack-internal-load-balancer', internal: (v) => v.toLowerCase() === 'true' },
  { key: 'service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', internal: (v) => v.toLowerCase() === 'private' },
  { key: 'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type', internal: (v) => v.toLowerCase() === 'intranet' },
];

/** 'internal', 'public', or 'unknown' when an internal-LB annotation is templated. */
export function loadBalancerReach(object: K8sObject): 'internal' | 'public' | 'unknown' {
  for (const { key, internal } of INTERNAL_LOAD_BALANCER) {
    const annotation = objectAnnotation(object, key);
    if (!annotation) continue;
    if (annotation.node.kind === 'templated') return 'unknown';
    if (annotation.node.kind === 'scalar' && annotation.node.value !== null && internal(String(annotation.node.value).trim())) return 'internal';
  }
  return 'public';
}

function typeOf(subject: KubernetesSubject): Lookup {
  return lookupOne(subject, ['spec', 'type']);
}

const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

registerPredicate('k8s-load-balancer-health-ports-restricted', (_scope, _args, ctx): Evidence => {
  const subject = kubernetesSubject(ctx);
  const type = typeOf(subject);
  if (type.state === 'unknown') return undetermined(type, subject);
  if (type.state !== 'known' || type.value !== 'LoadBalancer') return pass();
  const reach = loadBalancerReach(subject.object);
  if (reach === 'internal') return pass();
  const { exposed, unknown } = sensitiveServicePorts(subject);
  if (exposed.length === 0) return unknown ? undetermined(unknown, subject) : pass();
  if (reach === 'unknown') return { outcome: 'undetermined', range: exposed[0].lookup.range, reason: 'whether the load balancer is internal is set by a Helm template', origins: [] };

  const ranges = lookupOne(subject, ['spec', 'loadBalancerSourceRanges']);
  if (ranges.state === 'unknown') return undetermined(ranges, subject);
  if (ranges.state === 'known' && Array.isArray(ranges.value) && ranges.value.length > 0) {
    const open: Evidence[] = [];
    for (const item of subject.items(['spec', 'loadBalancerSourceRanges'])) {
      const cidr = lookupOne(item, []);
      if (cidr.state === 'unknown') return undetermined(cidr, item);
      if (cidr.state === 'known' && isPublicCidr(cidr.value)) {
        open.push({ outcome: 'fail', range: cidr.range, origins: [], lookup: cidr, scope: subject, valueText: `${String(cidr.value)} for ${exposed[0].description}` });
      }
    }
    return open.length ? combineAll(open) : pass();
  }
  // Cloud controllers also read the older annotation when the field is empty.
  const annotation = objectAnnotation(subject.object, SOURCE_RANGES_ANNOTATION);
  if (annotation?.node.kind === 'templated') return { outcome: 'undetermined', range: annotation.node.range, reason: annotation.node.reason, origins: [] };
  if (annotation?.node.kind === 'scalar' && annotation.node.value !== null) {
    const cidrs = String(annotation.node.value).split(',').map((c) => c.trim()).filter((c) => c !== '');
    if (cidrs.length > 0 && !cidrs.some(isPublicCidr)) return pass();
    if (cidrs.some(isPublicCidr)) {
      return { outcome: 'fail', range: annotation.node.range, origins: [], scope: subject, valueText: `${cidrs.find(isPublicCidr)} for ${exposed[0].description}` };
    }
  }
  return combineAll(exposed.map((p) => ({ outcome: 'fail', range: p.lookup.range, origins: [], lookup: p.lookup, scope: subject, valueText: `${p.description} with no source ranges` })));
});

/**
 * A NodePort Service answers on every node's address. Turning it into a ClusterIP Service is
 * offered only when no `nodePort` or `externalTrafficPolicy` is written, since the API refuses
 * those fields on a ClusterIP Service.
 */
registerPredicate('k8s-node-port-no-health-ports', (_scope, _args, ctx): Evidence => {
  const subject = kubernetesSubject(ctx);
  const type = typeOf(subject);
  if (type.state === 'unknown') return undetermined(type, subject);
  if (type.state !== 'known' || type.value !== 'NodePort') return pass();
  const { exposed, unknown } = sensitiveServicePorts(subject);
  if (exposed.length === 0) return unknown ? undetermined(unknown, subject) : pass();
  const pinned = subject.items(['spec', 'ports']).some((item) => lookupOne(item, ['nodePort']).state !== 'absent');
  const policy = lookupOne(subject, ['spec', 'externalTrafficPolicy']).state !== 'absent';
  return combineAll(
    exposed.map((p) => ({
      outcome: 'fail' as const,
      range: p.lookup.range,
      origins: [],
      lookup: p.lookup,
      scope: pinned || policy ? new NoFixScope(p.lookup.range) : subject,
      valueText: p.description,
    })),
  );
});
