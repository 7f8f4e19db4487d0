/**
 * Whether a `service_account` (or GKE `node_config`) names a service account of its own rather
 * than the Compute Engine default one (`PROJECT_NUMBER-compute@developer.gserviceaccount.com`,
 * also chosen by leaving the email out or writing "default"). An email taken from a
 * `google_service_account` resource is only known after apply, but it is certainly not the
 * default account, so it passes instead of being undetermined.
 */
import type { Scope } from '../../subjects/types';
import { TerraformScope } from '../../subjects/terraform-scope';
import { getAttribute, referencedResources } from '../../terraform';
import type { EvalContext, Evidence } from '../evaluate';
import { registerPredicate } from './registry';
import { PASS, failAt, knownString, single, undetermined } from './gcp-scopes';

const DEFAULT_ACCOUNT = /(^default$)|(-compute@developer\.gserviceaccount\.com$)/;

export function isDefaultComputeAccount(email: string): boolean {
  return DEFAULT_ACCOUNT.test(email.trim());
}

registerPredicate('gcp-custom-service-account', (scope: Scope, args, _ctx: EvalContext): Evidence => {
  const name = typeof args.attribute === 'string' ? args.attribute : 'email';
  const email = single(scope, name);
  if (email.state === 'absent') return failAt(email.anchor, scope, email, 'the default service account');
  if (email.state === 'unknown') {
    // Managed or data-source service accounts both have the type google_service_account.
    const attribute = scope instanceof TerraformScope ? getAttribute(scope.body, name) : undefined;
    const fromAccount = attribute !== undefined && scope instanceof TerraformScope && referencedResources(scope.module, attribute.expr).some((r) => r.type === 'google_service_account');
    return fromAccount ? PASS : undetermined(email, scope);
  }
  const text = knownString(email);
  return text !== undefined && isDefaultComputeAccount(text) ? failAt(email.range, scope, email, text) : { ...PASS, origins: email.origins };
});
