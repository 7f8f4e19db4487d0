/**
 * hostPath volumes. Some host directories hand over the node itself: the container runtime's
 * socket, the kubelet's credentials, the host's configuration, devices and kernel interfaces, and
 * every other pod's logs. Mounting one of them, or a parent of one (`/`, `/var`), is reported as
 * sensitive; other host directories as plain hostPath use, so each mount gets one finding.
 */
import type { Evidence } from '../evaluate';
import { combineAll } from '../evaluate';
import { registerPredicate } from './registry';
import { failAt, lookupOne, pass, undetermined } from './k8s-context';

export const SENSITIVE_HOST_PATHS: readonly string[] = [
  '/etc',
  '/proc',
  '/sys',
  '/dev',
  '/boot',
  '/root',
  '/home',
  '/run',
  '/var/run',
  '/var/log',
  '/var/lib/kubelet',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/var/lib/containers',
  '/var/lib/etcd',
  '/opt/cni',
  '/usr',
  '/lib',
  '/bin',
  '/sbin',
];

/** `//var/run/` → `/var/run`; relative or empty paths are kept as written. */
export function normalizeHostPath(path: string): string {
  const collapsed = path.trim().replace(/\/+/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

/** A sensitive directory, something below one, or a parent that contains one. */
export function isSensitiveHostPath(path: string): boolean {
  const normal = normalizeHostPath(path);
  if (!normal.startsWith('/')) return false;
  return SENSITIVE_HOST_PATHS.some((sensitive) => normal === sensitive || normal.startsWith(sensitive + '/') || sensitive.startsWith(normal === '/' ? '/' : normal + '/'));
}

/**
 * `args.sensitive: true` reports hostPath volumes of sensitive directories (an unknown path is
 * undetermined); `false` reports the others (an unknown path is still a host mount and fails).
 */
registerPredicate('k8s-host-path-volumes', (scope, args): Evidence => {
  const sensitive = args.sensitive === true;
  const results: Evidence[] = [];
  for (const volume of scope.items(['volumes'])) {
    const path = lookupOne(volume, ['hostPath', 'path']);
    if (path.state === 'absent') continue;
    if (path.state === 'unknown') {
      results.push(sensitive ? undetermined(path, volume) : { outcome: 'fail', range: path.range, origins: [], lookup: path, scope: volume, valueText: 'a templated host path' });
      continue;
    }
    const text = typeof path.value === 'string' ? path.value : String(path.value);
    if (isSensitiveHostPath(text) === sensitive) results.push(failAt(path, volume, text));
  }
  return results.length ? combineAll(results) : pass();
});
