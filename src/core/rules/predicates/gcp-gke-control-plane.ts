/**
 * Who can reach a GKE cluster's Kubernetes API. A private endpoint, or an IP endpoint turned off in
 * favour of the DNS endpoint, needs nothing more; a public endpoint must be limited by master
 * authorized networks that name no world-open range and do not admit every Google Cloud public
 * address (`gcp_public_cidrs_access_enabled`).
 */
import type { Scope } from '../../subjects/types';
import { TerraformScope } from '../../subjects/terraform-scope';
import { combineAll, type EvalContext, type Evidence } from '../evaluate';
import { isPublicCidr } from '../operators';
import { registerPredicate } from './registry';
import { PASS, blockInstances, failAt, single, undetermined, withoutFix } from './gcp-scopes';

/** Whether the control plane has no public IP endpoint at all. */
function noPublicEndpoint(scope: TerraformScope): boolean {
  for (const config of blockInstances(scope, 'private_cluster_config')) {
    const endpoint = single(config, 'enable_private_endpoint');
    if (endpoint.state === 'known' && endpoint.value === true) return true;
  }
  // Newer clusters can turn the IP-based endpoint off and be reached through the DNS endpoint.
  for (const endpoints of blockInstances(scope, 'control_plane_endpoints_config')) {
    for (const ip of blockInstances(endpoints, 'ip_endpoints_config')) {
      const enabled = single(ip, 'enabled');
      if (enabled.state === 'known' && enabled.value === false) return true;
    }
  }
  return false;
}

registerPredicate('gcp-gke-control-plane-restricted', (scope: Scope, _args, _ctx: EvalContext): Evidence => {
  if (!(scope instanceof TerraformScope)) return PASS;
  if (noPublicEndpoint(scope)) return PASS;
  const configs = blockInstances(scope, 'master_authorized_networks_config');
  if (configs.length === 0) {
    return failAt(scope.headerRange, scope, { state: 'absent', anchor: scope.headerRange, scope, path: ['master_authorized_networks_config'] }, 'no master authorized networks');
  }
  const results: Evidence[] = [];
  for (const config of configs) {
    const googleRanges = single(config, 'gcp_public_cidrs_access_enabled');
    if (googleRanges.state === 'unknown') results.push(undetermined(googleRanges, config));
    // The fix sets this attribute, so the finding keeps the subject as its scope.
    else if (googleRanges.state === 'known' && googleRanges.value === true) results.push(failAt(googleRanges.range, scope, googleRanges, 'every Google Cloud public address'));
    for (const block of blockInstances(config, 'cidr_blocks')) {
      const cidr = single(block, 'cidr_block');
      if (cidr.state === 'unknown') results.push(undetermined(cidr, block));
      else if (cidr.state === 'known' && isPublicCidr(cidr.value)) results.push(failAt(cidr.range, withoutFix(block), cidr, String(cidr.value)));
    }
  }
  return combineAll(results);
});
